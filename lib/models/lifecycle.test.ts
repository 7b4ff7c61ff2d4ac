import { describe, expect, it } from 'vitest';
import { lifecycleLabel, lifecycleOf, lifecycleTable, shippedDate, successor, today, WARN_DAYS } from './lifecycle';
import { DEFAULT_MAIN_MODEL, MAIN_MODELS } from './main-models';
import { MODEL_IDS } from './registry';

/** Every date is checked on a fixed day: the answers must not depend on when the suite runs. */
const image = (provider: string, id: string, on: string, live?: string | null) =>
  lifecycleOf('image', provider, id, live === undefined ? { on } : { on, live });
const main = (provider: string, id: string, on: string) => lifecycleOf('main', provider, id, { on });

describe('image models on OpenAI (api-2026-12 §1)', () => {
  it('has gpt-image-1.5 shut down on its date, 2026-12-01, with 2.6 Sunburst as the replacement', () => {
    expect(image('openai', 'gpt-image-1.5', '2026-12-01')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01', daysLeft: 0, replacement: 'gpt-image-2.6-sunburst' });
  });

  it('keeps it shut down after the date', () => {
    expect(image('openai', 'gpt-image-1.5', '2026-12-03')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01', daysLeft: -2, replacement: 'gpt-image-2.6-sunburst' });
  });

  it('warns 30 days before (2026-11-01): shutting-down, with the replacement', () => {
    expect(image('openai', 'gpt-image-1.5', '2026-11-01')).toMatchObject({ state: 'shutting-down', shutdown: '2026-12-01', daysLeft: 30, replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'gpt-image-1.5', '2026-11-30')).toMatchObject({ state: 'shutting-down', daysLeft: 1 });
  });

  it('warns from 90 days out, not 91', () => {
    expect(WARN_DAYS).toBe(90);
    expect(image('openai', 'gpt-image-1.5', '2026-09-02')).toMatchObject({ state: 'shutting-down', daysLeft: 90 });
    const before = image('openai', 'gpt-image-1.5', '2026-09-01');
    expect(before).toMatchObject({ state: 'active', daysLeft: 91, shutdown: '2026-12-01' });
    expect(before.replacement).toBeUndefined();
  });

  it('is active 100 days before, still naming the date but no replacement', () => {
    const life = image('openai', 'gpt-image-1.5', '2026-08-23');
    expect(life).toMatchObject({ state: 'active', shutdown: '2026-12-01', daysLeft: 100 });
    expect(life.replacement).toBeUndefined();
  });

  it('moves gpt-image-1-mini to 2.6 Flare (cheap to cheap), the others to 2.6 Sunburst', () => {
    expect(image('openai', 'gpt-image-1-mini', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01', replacement: 'gpt-image-2.6-flare' });
    expect(image('openai', 'gpt-image-1', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-10-23', replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'dall-e-3', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-05-12', replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'dall-e-2', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-05-12', replacement: 'gpt-image-2.6-sunburst' });
    expect(successor('image', 'gpt-image-1-mini')).toBe('gpt-image-2.6-flare');
    expect(successor('image', 'gpt-image-1.5')).toBe('gpt-image-2.6-sunburst');
  });

  it.each(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'])('gives %s no date: active, nothing to show', (id) => {
    const life = image('openai', id, '2026-12-05');
    expect(life).toEqual({ state: 'active' });
    expect(lifecycleLabel(life)).toBeUndefined();
    expect(shippedDate('image', 'openai', id)).toBeUndefined();
  });

  it('gives a dated snapshot its model’s date', () => {
    expect(image('openai', 'gpt-image-1.5-2025-12-16', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01', replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'gpt-image-2.5-sunburst-2026-09-08', '2026-12-05')).toEqual({ state: 'active' });
  });

  it('names the shipped source, and its date, for each retired model', () => {
    expect(shippedDate('image', 'openai', 'gpt-image-1.5')).toMatchObject({ shutdown: '2026-12-01', source: expect.stringMatching(/deprecations/) });
    expect(image('openai', 'gpt-image-1.5', '2026-12-05').source).toMatch(/deprecations/);
  });

  it('gives an id outside the registry no shipped date, even one borrowing a dated model’s rules', () => {
    expect(image('azure', 'gpt-image-2.7-test', '2027-05-01')).toEqual({ state: 'active' });
    expect(image('openai', 'gpt-image-1.7-test', '2026-12-05')).toEqual({ state: 'active' });
  });
});

describe('image models on Azure (api-2026-12 §6.2): its own table', () => {
  it('shuts gpt-image-1.5 on 2026-12-16, not OpenAI’s 2026-12-01', () => {
    const on = '2026-12-05';
    expect(image('openai', 'gpt-image-1.5', on)).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01' });
    expect(image('azure', 'gpt-image-1.5', on)).toMatchObject({ state: 'shutting-down', shutdown: '2026-12-16', daysLeft: 11, replacement: 'gpt-image-2.6-sunburst' });
    expect(image('azure', 'gpt-image-1.5', '2026-12-16')).toMatchObject({ state: 'shut-down' });
    expect(shippedDate('image', 'azure', 'gpt-image-1.5')?.source).toMatch(/Azure/);
  });

  it('keeps gpt-image-1-mini until 2027-04-07 and dates gpt-image-2 (2027-04-21), which OpenAI does not', () => {
    expect(image('azure', 'gpt-image-1-mini', '2026-12-05')).toMatchObject({ state: 'active', shutdown: '2027-04-07' });
    expect(image('azure', 'gpt-image-2', '2026-12-05')).toMatchObject({ state: 'active', shutdown: '2027-04-21' });
    expect(image('azure', 'gpt-image-2-2026-04-21', '2027-02-01')).toMatchObject({ state: 'shutting-down', shutdown: '2027-04-21', daysLeft: 79 });
    expect(image('openai', 'gpt-image-2', '2027-02-01')).toEqual({ state: 'active' });
  });

  it('has dall-e-2 and dall-e-3 retired earlier than on OpenAI', () => {
    expect(shippedDate('image', 'azure', 'dall-e-2')?.shutdown).toBe('2025-01-27');
    expect(shippedDate('image', 'azure', 'dall-e-3')?.shutdown).toBe('2026-03-04');
  });

  it('gives 2.6 and 2.5 no date there either', () => {
    for (const id of ['gpt-image-2.6-sunburst', 'gpt-image-2.5-flare']) expect(image('azure', id, '2026-12-05')).toEqual({ state: 'active' });
  });

  it('uses OpenAI’s table for every provider but Azure (the offline API and gateways follow OpenAI)', () => {
    expect(lifecycleTable('azure')).toBe('azure');
    for (const p of ['openai', 'offline', 'gateway', '']) expect(lifecycleTable(p)).toBe('openai');
    expect(image('gateway', 'gpt-image-1.5', '2026-12-05')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01' });
  });
});

describe('main models (api-2026-12 §1, §4)', () => {
  it('shuts gpt-5 on 2026-12-11 on OpenAI and on 2027-02-06 on Azure', () => {
    expect(main('openai', 'gpt-5', '2026-12-11')).toMatchObject({ state: 'shut-down', shutdown: '2026-12-11', replacement: 'gpt-6.1-sol' });
    expect(main('azure', 'gpt-5', '2026-12-11')).toMatchObject({ state: 'shutting-down', shutdown: '2027-02-06', daysLeft: 57 });
    expect(main('azure', 'gpt-5', '2027-02-06')).toMatchObject({ state: 'shut-down' });
  });

  it('dates gpt-5-mini, gpt-5-nano and o3 with gpt-5, and gpt-4o / gpt-4.1 on 2027-01-14', () => {
    for (const id of ['gpt-5-mini', 'gpt-5-nano', 'o3']) expect(shippedDate('main', 'openai', id)?.shutdown, id).toBe('2026-12-11');
    for (const id of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini']) expect(shippedDate('main', 'openai', id)?.shutdown, id).toBe('2027-01-14');
  });

  it('moves each to a GPT-6 model', () => {
    expect(successor('main', 'gpt-5')).toBe('gpt-6.1-sol');
    expect(successor('main', 'gpt-5-mini')).toBe('gpt-6.1-terra');
    expect(successor('main', 'gpt-5-nano')).toBe('gpt-6-luna');
    expect(successor('main', 'gpt-4o')).toBe('gpt-6-luna');
    expect(main('openai', 'gpt-4.1', '2027-01-14')).toMatchObject({ state: 'shut-down', replacement: 'gpt-6-luna' });
  });

  it('gives a dated snapshot its model’s date and replacement', () => {
    expect(main('openai', 'gpt-4o-2024-08-06', '2027-01-01')).toMatchObject({ state: 'shutting-down', shutdown: '2027-01-14', daysLeft: 13, replacement: 'gpt-6-luna' });
  });

  it('gives the GPT-6 models no date anywhere', () => {
    for (const id of ['gpt-6-luna', 'gpt-6.1-terra', 'gpt-6.1-sol', 'gpt-6-astra']) {
      expect(main('openai', id, '2026-12-20'), id).toEqual({ state: 'active' });
      expect(main('azure', id, '2026-12-20'), id).toEqual({ state: 'active' });
    }
  });

  it('lists the GPT-6 models first with gpt-6-luna as the default, and the older ones with a date', () => {
    expect(MAIN_MODELS.slice(0, 4)).toEqual(['gpt-6-luna', 'gpt-6.1-terra', 'gpt-6.1-sol', 'gpt-6-astra']);
    expect(DEFAULT_MAIN_MODEL).toBe('gpt-6-luna');
    for (const id of MAIN_MODELS.slice(4)) expect(shippedDate('main', 'openai', id)?.shutdown, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a live shutdown_date from GET /models (api-2026-12 §5)', () => {
  it('overrides the shipped date', () => {
    expect(image('openai', 'gpt-image-1.5', '2026-12-05', '2027-03-01')).toMatchObject({ state: 'shutting-down', shutdown: '2027-03-01', daysLeft: 86, replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'gpt-image-1.5', '2026-12-05', '2027-03-01').source).toMatch(/GET \/models/);
  });

  it('dates a model the shipped table has none for', () => {
    expect(image('openai', 'gpt-image-2', '2027-01-01', '2027-03-01')).toMatchObject({ state: 'shutting-down', shutdown: '2027-03-01', daysLeft: 59, replacement: 'gpt-image-2.6-sunburst' });
    expect(image('openai', 'gpt-image-2.5-flare', '2027-03-02', '2027-03-01')).toMatchObject({ state: 'shut-down' });
  });

  it('takes null as "no date announced", even where the table has one', () => {
    expect(image('openai', 'gpt-image-1.5', '2026-12-05', null)).toEqual({ state: 'active' });
    expect(image('azure', 'gpt-image-1.5', '2026-12-20', null)).toEqual({ state: 'active' });
  });

  it('falls back to the table when the provider did not answer (live undefined)', () => {
    expect(lifecycleOf('image', 'openai', 'gpt-image-1.5', { on: '2026-12-05', live: undefined })).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01' });
  });
});

describe('lifecycleLabel', () => {
  it('says "Shut down <date>" once past it', () => {
    expect(lifecycleLabel(image('openai', 'gpt-image-1.5', '2026-12-03'))).toBe('Shut down 2026-12-01');
    expect(lifecycleLabel(image('openai', 'gpt-image-1.5', '2026-12-01'))).toBe('Shut down 2026-12-01');
  });

  it('says "Shuts down <date> (in N days)" before, one day singular', () => {
    expect(lifecycleLabel(image('openai', 'gpt-image-1.5', '2026-11-01'))).toBe('Shuts down 2026-12-01 (in 30 days)');
    expect(lifecycleLabel(image('openai', 'gpt-image-1.5', '2026-11-30'))).toBe('Shuts down 2026-12-01 (in 1 day)');
    expect(lifecycleLabel(main('openai', 'gpt-4.1', '2026-12-03'))).toBe('Shuts down 2027-01-14 (in 42 days)');
  });

  it('still names a date more than 90 days out', () => {
    expect(lifecycleLabel(image('openai', 'gpt-image-1.5', '2026-08-23'))).toBe('Shuts down 2026-12-01 (in 100 days)');
  });

  it('says nothing for a model without a date', () => {
    expect(lifecycleLabel({ state: 'active' })).toBeUndefined();
  });
});

describe('today', () => {
  it('is the UTC calendar day', () => {
    expect(today(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(today(new Date('2026-11-30T23:30:00-02:00'))).toBe('2026-12-01');
  });
});

describe('coverage of the registry', () => {
  it('dates every retired image model on OpenAI, and none of the current ones', () => {
    const dated = MODEL_IDS.filter((id) => shippedDate('image', 'openai', id));
    expect(dated).toEqual(['gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2']);
  });
});

describe('ids the registry lists only by family', () => {
  it('dates a dated snapshot it does not list by its model (Azure version ids)', () => {
    expect(lifecycleOf('image', 'azure', 'gpt-image-1-2025-04-15', { on: '2026-12-03' })).toMatchObject({ state: 'shut-down', shutdown: '2026-10-23' });
    expect(lifecycleOf('image', 'openai', 'gpt-image-1-mini-2025-10-06', { on: '2026-12-03' })).toMatchObject({ state: 'shut-down', replacement: 'gpt-image-2.6-flare' });
  });

  it('gives a new variant no date of its family', () => {
    expect(lifecycleOf('image', 'openai', 'gpt-image-1-turbo', { on: '2026-12-03' })).toEqual({ state: 'active' });
  });
});
