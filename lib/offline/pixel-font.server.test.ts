import { describe, expect, it } from 'vitest';
import { textPath, textWidth, wrap } from './pixel-font.server';

describe('wrap', () => {
  it('keeps a short text on one line', () => {
    expect(wrap('a red fox', 20, 3)).toEqual(['a red fox']);
  });

  it('breaks at spaces and never exceeds the line length', () => {
    const lines = wrap('the quick brown fox jumps over the lazy dog', 12, 5);
    expect(lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy dog']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
  });

  it('fills a line exactly to its length', () => {
    expect(wrap('abcde fghij', 11, 2)).toEqual(['abcde fghij']);
    expect(wrap('abcde fghijk', 11, 2)).toEqual(['abcde', 'fghijk']);
  });

  it('collapses runs of whitespace and trims', () => {
    expect(wrap('  a\n\n red\t\tfox  ', 20, 3)).toEqual(['a red fox']);
  });

  it('ends the last line with ... when the text does not fit, staying within the length', () => {
    const lines = wrap('hello world this is a test of wrapping', 10, 2);
    expect(lines).toEqual(['hello', 'world t...']);
    expect(lines[1].length).toBeLessThanOrEqual(10);
  });

  it('adds no ... when the text fits in exactly maxLines lines', () => {
    expect(wrap('aaaa bbbb cccc', 4, 3)).toEqual(['aaaa', 'bbbb', 'cccc']);
  });

  it('cuts a single over-long word to the line length and marks the cut', () => {
    expect(wrap('abcdefghijklmnop', 10, 1)).toEqual(['abcdefg...']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wrap('🐱🐱🐱 🐶🐶🐶', 7, 2)).toEqual(['🐱🐱🐱 🐶🐶🐶']);
  });

  it('returns no lines for an empty or blank text', () => {
    expect(wrap('', 10, 3)).toEqual([]);
    expect(wrap('   ', 10, 3)).toEqual([]);
  });

  // A word longer than a line used to be cut to the line length with the rest dropped and no "..."
  // (fixed in wrap(): long words are broken across lines).
  it('loses no text silently: either every character is kept or the output ends with ...', () => {
    const text = 'supercalifragilistic is long';
    const lines = wrap(text, 10, 3); // today: ['supercalif', 'is long']
    const shown = lines.join(' ');
    expect(shown.endsWith('...') || shown.replace(/ /g, '') === text.replace(/ /g, '')).toBe(true);
  });
});

describe('textWidth', () => {
  it('is 6 cells per character times the scale, counting code points', () => {
    expect(textWidth('AB', 2)).toBe(24);
    expect(textWidth('🐱', 3)).toBe(18);
    expect(textWidth('', 5)).toBe(0);
  });
});

describe('textPath', () => {
  it('draws I as merged runs: top bar, stem, bottom bar', () => {
    expect(textPath('I', 0, 0, 1)).toBe(
      'M1 0h3v1h-3z' + [1, 2, 3, 4, 5].map((r) => `M2 ${r}h1v1h-1z`).join('') + 'M1 6h3v1h-3z',
    );
  });

  it('scales and offsets the cells', () => {
    expect(textPath('-', 10, 20, 2)).toBe('M10 26h10v2h-10z');
  });

  it('advances 6 cells per character', () => {
    expect(textPath(' -', 0, 0, 1)).toBe('M6 3h5v1h-5z');
  });

  it('draws lower case like upper case', () => {
    expect(textPath('abc', 0, 0, 3)).toBe(textPath('ABC', 0, 0, 3));
  });

  it('draws a character the font lacks as a hollow box', () => {
    const box = 'M0 0h5v1h-5z' + [1, 2, 3, 4, 5].map((r) => `M0 ${r}h1v1h-1zM4 ${r}h1v1h-1z`).join('') + 'M0 6h5v1h-5z';
    expect(textPath('中', 0, 0, 1)).toBe(box);
    expect(textPath('🐱', 0, 0, 1)).toBe(box);
  });
});
