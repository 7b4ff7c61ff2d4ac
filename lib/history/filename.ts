/** A download name from the prompt: readable, safe on every OS, with the extension of the real format. */
const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/** Longest slug, in characters (not UTF-16 units, so a character outside the BMP is never cut in half). */
const MAX_SLUG = 60;

export function filenameFor(prompt: string, mime: string, suffix = ''): string {
  const cleaned = prompt
    .normalize('NFKD')
    // Strip Latin accents only, then recompose: kana voicing marks and Hangul jamo come back whole.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    // Letters, their combining marks (Indic vowel signs) and digits stay; every other run becomes one dash.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const slug = Array.from(cleaned).slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return `${slug || 'image'}${suffix ? `-${suffix}` : ''}.${EXT[mime] ?? 'png'}`;
}
