/** A download name from the prompt: readable, safe on every OS, with the extension of the real format. */
const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export function filenameFor(prompt: string, mime: string, suffix = ''): string {
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'image'}${suffix ? `-${suffix}` : ''}.${EXT[mime] ?? 'png'}`;
}
