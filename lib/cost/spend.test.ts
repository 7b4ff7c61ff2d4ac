import { describe, expect, it } from 'vitest';
import { startOfLocalDay, startOfLocalHour, totals, type SpendEntry } from './spend';

// Local wall-clock times, so the tests mean the same in any time zone the suite runs in.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const entry = (t: number, dollars: number, model = 'gpt-image-2', provider = 'openai'): SpendEntry => ({ at: t, model, provider, dollars });

describe('spend totals', () => {
  const entries = [
    entry(at(2, 9, 15), 0.2),
    entry(at(3, 23, 50), 0.25, 'gpt-image-1', 'azure'),
    entry(at(4, 0, 10), 0.04, 'dall-e-3', 'gateway'),
    entry(at(4, 0, 20), 0.011),
  ];
  const now = at(4, 0, 30);

  it('counts today from local midnight: an entry ten minutes before it is yesterday', () => {
    const t = totals(entries, now);
    expect(t.today).toBeCloseTo(0.051, 15);
    expect(t.all).toBeCloseTo(0.501, 15);
    expect(t.count).toBe(4);
  });

  it('counts the session from its start, across midnight', () => {
    expect(totals(entries, now, { sessionStart: at(3, 23, 0) }).session).toBeCloseTo(0.301, 15);
    expect(totals(entries, now).session).toBeCloseTo(0.501, 15);
  });

  it('adds up by model and by provider', () => {
    const t = totals(entries, now);
    expect(t.byModel['gpt-image-2']).toBeCloseTo(0.211, 15);
    expect(t.byModel).toMatchObject({ 'gpt-image-1': 0.25, 'dall-e-3': 0.04 });
    expect(t.byProvider).toMatchObject({ azure: 0.25, gateway: 0.04 });
    expect(t.byProvider.openai).toBeCloseTo(0.211, 15);
  });

  it('buckets the last 24 local hours, oldest first, ending with the current hour', () => {
    const { byHour } = totals(entries, now);
    expect(byHour).toHaveLength(24);
    expect(byHour[23].start).toBe(at(4, 0));
    expect(byHour[23].dollars).toBeCloseTo(0.051, 15);
    expect(byHour[22]).toEqual({ start: at(3, 23), dollars: 0.25 });
    expect(byHour[9]).toEqual({ start: at(3, 10), dollars: 0 });
    // 09:15 the day before yesterday is before the first bucket's 01:00: outside the chart, still in the totals.
    expect(byHour[0].start).toBe(at(3, 1));
    expect(byHour.reduce((a, b) => a + b.dollars, 0)).toBeCloseTo(0.301, 15);
  });

  it('takes another number of hours', () => {
    const { byHour } = totals(entries, now, { hours: 2 });
    expect(byHour.map((b) => b.start)).toEqual([at(3, 23), at(4, 0)]);
    expect(totals(entries, now, { hours: 0 }).byHour).toEqual([]);
  });

  it('is all zeros for an empty ledger', () => {
    const t = totals([], now);
    expect(t).toMatchObject({ session: 0, today: 0, all: 0, count: 0, byModel: {}, byProvider: {} });
    expect(t.byHour.every((b) => b.dollars === 0)).toBe(true);
  });

  it('skips damaged entries instead of turning every total into NaN', () => {
    const t = totals([...entries, entry(now, Number.NaN), entry(Number.NaN, 1)], now);
    expect(t.count).toBe(4);
    expect(t.today).toBeCloseTo(0.051, 15);
  });

  it('takes the calendar day, even one with a DST change (23 or 25 hours in some zones)', () => {
    const dst = [entry(new Date(2026, 2, 8, 0, 30).getTime(), 1), entry(new Date(2026, 2, 8, 23, 30).getTime(), 2), entry(new Date(2026, 2, 9, 0, 10).getTime(), 4)];
    expect(totals(dst, new Date(2026, 2, 8, 12).getTime()).today).toBe(3);
    expect(totals(dst, new Date(2026, 2, 9, 1).getTime()).today).toBe(4);
  });
});

it('startOfLocalDay and startOfLocalHour', () => {
  expect(startOfLocalDay(at(4, 13, 45))).toBe(at(4, 0));
  expect(startOfLocalHour(at(4, 13, 45))).toBe(at(4, 13));
});
