import { describe, expect, it } from 'vitest';
import { filenameFor } from './filename';

const png = (prompt: string) => filenameFor(prompt, 'image/png');

describe('filenameFor: the slug', () => {
  it('lowercases words and joins them with dashes', () => {
    expect(png('A Red Fox in the Snow')).toBe('a-red-fox-in-the-snow.png');
  });

  it('strips accents', () => {
    expect(png('Crème brûlée à São Paulo, Ørsted & Ñandú')).toBe('creme-brulee-a-sao-paulo-ørsted-nandu.png');
  });

  it('keeps CJK and Hangul as they were written', () => {
    expect(png('猫の絵')).toBe('猫の絵.png');
    expect(png('ガラスの猫、ブドウ')).toBe('ガラスの猫-ブドウ.png');
    expect(png('고양이 그림')).toBe('고양이-그림.png');
    expect(png('고양이').normalize('NFC')).toBe(png('고양이'));
  });

  it('keeps the vowel signs of Indic scripts', () => {
    expect(png('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया.png');
  });

  it('collapses punctuation, spaces and symbols into single dashes and trims them', () => {
    expect(png('  --Hello,   world!!! / ~ "quoted" ?? ')).toBe('hello-world-quoted.png');
    expect(png('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j.png');
    expect(png('rocket 🚀 launch')).toBe('rocket-launch.png');
  });

  it('keeps digits and turns fullwidth letters into ASCII', () => {
    expect(png('Ｒｏｂｏｔ 2049')).toBe('robot-2049.png');
  });

  it('caps the slug at 60 characters without a trailing dash', () => {
    const name = png('word '.repeat(40));
    const slug = name.replace(/\.png$/, '');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('word-word')).toBe(true);
    expect(png('x'.repeat(200))).toBe(`${'x'.repeat(60)}.png`);
  });

  it('counts characters outside the BMP as one and never cuts one in half', () => {
    const slug = png(`a${'𠮷'.repeat(80)}`).replace(/\.png$/, '');
    expect(Array.from(slug)).toHaveLength(60);
    expect(slug).toBe(`a${'𠮷'.repeat(59)}`);
    expect(slug.isWellFormed()).toBe(true);
  });

  it('falls back to "image" for an empty or all-punctuation prompt', () => {
    expect(png('')).toBe('image.png');
    expect(png('   ')).toBe('image.png');
    expect(png('?!… 🎨')).toBe('image.png');
  });

  it('adds a suffix before the extension', () => {
    expect(filenameFor('a fox', 'image/webp', 'partial')).toBe('a-fox-partial.webp');
    expect(filenameFor('', 'image/png', 'partial')).toBe('image-partial.png');
  });
});

describe('filenameFor: the extension', () => {
  it.each([['image/png', 'png'], ['image/jpeg', 'jpg'], ['image/webp', 'webp']])('names %s as .%s', (mime, ext) => {
    expect(filenameFor('a fox', mime)).toBe(`a-fox.${ext}`);
  });

  it('falls back to .png for an unknown type', () => {
    expect(filenameFor('a fox', 'application/octet-stream')).toBe('a-fox.png');
  });
});
