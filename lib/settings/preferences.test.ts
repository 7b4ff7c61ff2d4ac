import { describe, expect, it } from 'vitest';
import { expired, validDefaults } from './preferences';

const DAY = 86_400_000;
const now = Date.parse('2026-12-03T12:00:00Z');
const entries = [0, 1, 5, 10, 40].map((d, i) => ({ id: `e${i}`, createdAt: now - d * DAY }));

describe('expired', () => {
  it('keeps everything without limits', () => {
    expect(expired(entries, { maxAgeDays: null, maxEntries: null }, now)).toEqual([]);
  });
  it('drops entries older than the age limit', () => {
    expect(expired(entries, { maxAgeDays: 7, maxEntries: null }, now)).toEqual(['e3', 'e4']);
  });
  it('keeps the newest up to the count limit, whatever their order', () => {
    expect(expired([...entries].reverse(), { maxAgeDays: null, maxEntries: 2 }, now)).toEqual(['e2', 'e3', 'e4']);
  });
});

describe('validDefaults', () => {
  it('keeps what the model takes', () => {
    const d = { provider: 'offline', model: 'gpt-image-2.6-sunburst', size: '1536x1024', quality: 'xhigh', outputFormat: 'webp' };
    expect(validDefaults(d)).toEqual(d);
  });
  it("replaces what the model does not take by the model's default (xhigh is 2.5/2.6 only; Azure has no webp)", () => {
    const d = validDefaults({ provider: 'azure', model: 'gpt-image-2', size: '1024x1024', quality: 'xhigh', outputFormat: 'webp' }, { excludeOutputFormats: ['webp'] });
    expect(d.quality).not.toBe('xhigh');
    expect(d.outputFormat).not.toBe('webp');
    expect(d.size).toBe('1024x1024');
  });
});
