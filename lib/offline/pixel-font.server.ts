import 'server-only';
/**
 * A 5×7 pixel font drawn as SVG rectangles, so the offline images print their prompt and the word SYNTHETIC
 * identically on every machine (no system fonts involved: same request, same pixels).
 */
const GLYPHS: Record<string, string> = {
  A: '01110 10001 10001 11111 10001 10001 10001',
  B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01111 10000 10000 10000 10000 10000 01111',
  D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111',
  F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01111 10000 10000 10011 10001 10001 01111',
  H: '10001 10001 10001 11111 10001 10001 10001',
  I: '01110 00100 00100 00100 00100 00100 01110',
  J: '00111 00010 00010 00010 00010 10010 01100',
  K: '10001 10010 10100 11000 10100 10010 10001',
  L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001',
  N: '10001 11001 10101 10011 10001 10001 10001',
  O: '01110 10001 10001 10001 10001 10001 01110',
  P: '11110 10001 10001 11110 10000 10000 10000',
  Q: '01110 10001 10001 10001 10101 10010 01101',
  R: '11110 10001 10001 11110 10100 10010 10001',
  S: '01111 10000 10000 01110 00001 00001 11110',
  T: '11111 00100 00100 00100 00100 00100 00100',
  U: '10001 10001 10001 10001 10001 10001 01110',
  V: '10001 10001 10001 10001 10001 01010 00100',
  W: '10001 10001 10001 10101 10101 10101 01010',
  X: '10001 10001 01010 00100 01010 10001 10001',
  Y: '10001 10001 01010 00100 00100 00100 00100',
  Z: '11111 00001 00010 00100 01000 10000 11111',
  '0': '01110 10001 10011 10101 11001 10001 01110',
  '1': '00100 01100 00100 00100 00100 00100 01110',
  '2': '01110 10001 00001 00010 00100 01000 11111',
  '3': '11110 00001 00001 01110 00001 00001 11110',
  '4': '00010 00110 01010 10010 11111 00010 00010',
  '5': '11111 10000 11110 00001 00001 10001 01110',
  '6': '00110 01000 10000 11110 10001 10001 01110',
  '7': '11111 00001 00010 00100 01000 01000 01000',
  '8': '01110 10001 10001 01110 10001 10001 01110',
  '9': '01110 10001 10001 01111 00001 00010 01100',
  '.': '00000 00000 00000 00000 00000 01100 01100',
  ',': '00000 00000 00000 00000 01100 00100 01000',
  ':': '00000 01100 01100 00000 01100 01100 00000',
  '-': '00000 00000 00000 11111 00000 00000 00000',
  '!': '00100 00100 00100 00100 00100 00000 00100',
  '?': '01110 10001 00001 00010 00100 00000 00100',
  "'": '00100 00100 01000 00000 00000 00000 00000',
  '/': '00001 00010 00010 00100 01000 01000 10000',
  '#': '01010 11111 01010 01010 01010 11111 01010',
  '·': '00000 00000 00000 01100 01100 00000 00000',
  ' ': '00000 00000 00000 00000 00000 00000 00000',
};
// Characters the font lacks (CJK prompts, emoji) print as a hollow box, so the length still shows.
const UNKNOWN = '11111 10001 10001 10001 10001 10001 11111';

const ROWS: Record<string, number[][]> = {};
function rows(ch: string): number[][] {
  const key = GLYPHS[ch] ? ch : GLYPHS[ch.toUpperCase()] ? ch.toUpperCase() : '\0';
  return (ROWS[key] ??= (GLYPHS[key] ?? UNKNOWN).split(' ').map((r) => [...r].map(Number)));
}

/** Width in pixels of `text` at `scale` (each glyph is 5 cells plus 1 of spacing). */
export function textWidth(text: string, scale: number): number {
  return [...text].length * 6 * scale;
}

/** SVG path data for `text` with its top-left at (x, y); one path keeps the SVG small. */
export function textPath(text: string, x: number, y: number, scale: number): string {
  let d = '';
  let cx = x;
  for (const ch of text) {
    const glyph = rows(ch);
    for (let r = 0; r < 7; r++) {
      // Merge runs of lit cells in a row into one rectangle.
      for (let c = 0; c < 5; c++) {
        if (!glyph[r][c]) continue;
        let end = c;
        while (end + 1 < 5 && glyph[r][end + 1]) end++;
        d += `M${cx + c * scale} ${y + r * scale}h${(end - c + 1) * scale}v${scale}h${-(end - c + 1) * scale}z`;
        c = end;
      }
    }
    cx += 6 * scale;
  }
  return d;
}

/** `word` in pieces of at most `size` characters (code points). */
function chunks(word: string, size: number): string[] {
  const chars = [...word];
  if (chars.length <= size) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** Break `text` into lines of at most `perLine` characters, at spaces where possible. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  // A word longer than a line is broken across lines rather than cut, so no text is lost without a '...'.
  const words = text.replace(/\s+/g, ' ').trim().split(' ').flatMap((w) => chunks(w, perLine));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= perLine) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (lines.length >= maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && words.join(' ').length > lines.join(' ').length) {
    const last = [...lines[maxLines - 1]];
    lines[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 3)).join('')}...`;
  }
  return lines;
}
