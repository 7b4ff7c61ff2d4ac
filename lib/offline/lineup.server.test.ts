import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors/api-error';
import { checkImageModel, checkMainModel, extraModels, modelList, serveRetired, servedImageModels } from './lineup.server';
import { billingScaleFrom } from './faults';
import { flarePick, hasGenerationId, resolveQuality } from './quality.server';

const h = (o: Record<string, string> = {}) => new Headers(o);

afterEach(() => {
  vi.unstubAllEnvs();
});

function thrown(f: () => unknown): ApiError | undefined {
  try {
    f();
  } catch (e) {
    return e as ApiError;
  }
  return undefined;
}

// Dates written from api-2026-12 §1, not read from lib/models/lifecycle.ts.
describe('what the offline API serves (OpenAI routes)', () => {
  it('refuses models OpenAI shut down with 404 model_not_found naming them', () => {
    for (const id of ['gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2']) {
      const e = thrown(() => checkImageModel(id, false));
      expect(e?.toBody(), id).toEqual({ error: { type: 'invalid_request_error', code: 'model_not_found', param: 'model', message: `The model '${id}' does not exist or you do not have access to it.` } });
      expect(e?.status).toBe(404);
    }
    expect(thrown(() => checkImageModel('gpt-image-2.6-sunburst', false))).toBeUndefined();
    expect(thrown(() => checkImageModel('gpt-image-1.5', true))).toBeUndefined();
    // A dated snapshot the registry does not list goes with its model (api-2026-12 §1: gpt-image-1.5-2025-12-16).
    expect(thrown(() => checkImageModel('gpt-image-1.5-2025-12-16', false))?.status).toBe(404);
  });

  it('main models: shut-down (gpt-4.1-nano, 2026-10-23) and unknown ones are 404; current ones pass', () => {
    expect(thrown(() => checkMainModel('gpt-4.1-nano', false))?.code).toBe('model_not_found');
    expect(thrown(() => checkMainModel('gpt-4.1-nano', true))).toBeUndefined();
    expect(thrown(() => checkMainModel('gpt-6-luna', false))).toBeUndefined();
    expect(thrown(() => checkMainModel('gpt-image-2', false))?.message).toMatch(/image model/);
  });

  it('the switch: header wins over env, 0 turns it off, other values are a 400 naming the header', () => {
    expect(serveRetired(h())).toBe(false);
    expect(serveRetired(h({ 'x-offline-serve-retired': '1' }))).toBe(true);
    vi.stubEnv('OFFLINE_SERVE_RETIRED', '1');
    expect(serveRetired(h())).toBe(true);
    expect(serveRetired(h({ 'x-offline-serve-retired': '0' }))).toBe(false);
    expect(thrown(() => serveRetired(h({ 'x-offline-serve-retired': 'please' })))?.param).toBe('x-offline-serve-retired');
  });

  it('GET /models: shutdown_date on every entry, retired ones only with the switch, main models included', () => {
    const list = modelList(false);
    for (const m of list) expect(m.shutdown_date === null || /^\d{4}-\d{2}-\d{2}$/.test(m.shutdown_date)).toBe(true);
    const ids = list.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst-2026-09-08', 'gpt-image-2', 'gpt-6-luna']));
    expect(ids).not.toContain('gpt-image-1.5');
    expect(ids).not.toContain('gpt-4.1-nano');
    const retired = modelList(true);
    expect(retired.find((m) => m.id === 'gpt-image-1.5')?.shutdown_date).toBe('2026-12-01');
    expect(retired.find((m) => m.id === 'dall-e-2')?.shutdown_date).toBe('2026-05-12');
    expect(retired.find((m) => m.id === 'gpt-4.1-nano')?.shutdown_date).toBe('2026-10-23');
    expect(list.find((m) => m.id === 'gpt-image-2.6-sunburst')?.shutdown_date).toBeNull();
  });

  it('OFFLINE_EXTRA_MODELS adds gpt-image-* ids a family covers, and only those', () => {
    vi.stubEnv('OFFLINE_EXTRA_MODELS', 'gpt-image-2.7-test, gpt-6-nope ,gpt-image-2.7-test,dall-e-4');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(extraModels()).toEqual(['gpt-image-2.7-test']);
    expect(warn).toHaveBeenCalledOnce();
    expect(servedImageModels(false)).toContain('gpt-image-2.7-test');
    expect(modelList(false).find((m) => m.id === 'gpt-image-2.7-test')).toMatchObject({ shutdown_date: null });
    warn.mockRestore();
  });
});

describe('billing scale', () => {
  it('header (a positive number up to 10) wins over env; anything else is a 400 naming the header', () => {
    expect(billingScaleFrom(h())).toBe(1);
    expect(billingScaleFrom(h({ 'x-offline-billing-scale': '1.5' }))).toBe(1.5);
    vi.stubEnv('OFFLINE_BILLING_SCALE', '0.8');
    expect(billingScaleFrom(h())).toBe(0.8);
    expect(billingScaleFrom(h({ 'x-offline-billing-scale': '2' }))).toBe(2);
    for (const bad of ['0', '-1', '11', 'abc', '', 'Infinity', '1e3']) {
      expect(thrown(() => billingScaleFrom(h({ 'x-offline-billing-scale': bad })))?.param, bad).toBe('x-offline-billing-scale');
    }
  });
});

describe('quality left out or auto', () => {
  it('Sunburst renders at high, Flare picks from the prompt, older models at medium', () => {
    expect(resolveQuality('gpt-image-2.6-sunburst', undefined, 'x')).toBe('high');
    expect(resolveQuality('gpt-image-2.5-sunburst-2026-09-08', 'auto', 'x')).toBe('high');
    expect(resolveQuality('gpt-image-2.6-flare', 'auto', 'a fox')).toBe(flarePick('a fox'));
    expect(flarePick('a fox')).toBe('medium');
    expect(flarePick('word '.repeat(40))).toBe('xhigh');
    expect(resolveQuality('gpt-image-2', 'auto', 'x')).toBe('medium');
    expect(resolveQuality('gpt-image-2.6-flare', 'max', 'x')).toBe('max');
  });

  it('generation_id on 2.6 only', () => {
    expect(hasGenerationId('gpt-image-2.6-flare')).toBe(true);
    expect(hasGenerationId('gpt-image-2.5-flare')).toBe(false);
    expect(hasGenerationId('gpt-image-2')).toBe(false);
  });
});
