import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderInfo } from './config';

/** A stand-in provider whose GET /models answers what `models` holds (or never, when `hang`). */
let models: { id: string; shutdown_date?: string | null }[] = [];
let hang = false;
let asked = 0;
let seenAuth = '';
const server = http.createServer((req, res) => {
  asked++;
  seenAuth = String(req.headers.authorization ?? '');
  if (hang) return;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: models.map((m) => ({ object: 'model', created: 0, owned_by: 'system', ...m })) }));
});
let gateway: ProviderInfo;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  gateway = { id: 'gateway', label: 'Stand-in', baseURL: `http://127.0.0.1:${port}/v1`, models: [], defaultModel: 'gpt-image-2', lifecycle: {}, mainModels: [], modelSource: 'registry' };
});
afterAll(() => server.close());
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('image-playground.model-lists')];
  vi.resetModules();
  vi.stubEnv('GATEWAY_API_KEY', 'gw-SECRET-key-123');
  hang = false;
  asked = 0;
});

describe("a provider's own GET /models", () => {
  it('is asked once with the server key, kept, and answered from the cache while fresh', async () => {
    const { liveModels } = await import('./model-list.server');
    models = [{ id: 'gpt-image-2.7-test', shutdown_date: null }, { id: 'gpt-image-2' }];
    expect(await liveModels(gateway)).toEqual([{ id: 'gpt-image-2.7-test', shutdown_date: null }, { id: 'gpt-image-2' }]);
    expect(await liveModels(gateway)).toHaveLength(2);
    expect(asked).toBe(1);
    expect(seenAuth).toBe('Bearer gw-SECRET-key-123');
  });

  it('answers a stale list at once and refreshes it behind the page', async () => {
    vi.stubEnv('MODEL_LIST_TTL_MS', '0');
    const { liveModels } = await import('./model-list.server');
    models = [{ id: 'gpt-image-2' }];
    expect((await liveModels(gateway))?.map((m) => m.id)).toEqual(['gpt-image-2']);
    models = [{ id: 'gpt-image-2' }, { id: 'gpt-image-2.6-flare' }];
    // Stale: the old list now, the new one once the refresh behind it is in.
    expect((await liveModels(gateway))?.map((m) => m.id)).toEqual(['gpt-image-2']);
    await vi.waitFor(() => expect(asked).toBe(2));
    await new Promise((r) => setTimeout(r, 20));
    expect((await liveModels(gateway))?.map((m) => m.id)).toContain('gpt-image-2.6-flare');
  });

  it('gives up after MODEL_LIST_TIMEOUT_MS, says so without the key, and the registry lineup stands', async () => {
    vi.stubEnv('MODEL_LIST_TIMEOUT_MS', '200');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { liveModels } = await import('./model-list.server');
    hang = true;
    const started = Date.now();
    expect(await liveModels(gateway)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain("GET /models failed");
    expect(String(warn.mock.calls[0][0])).not.toContain('SECRET');
    warn.mockRestore();
  });

  it('skips Azure, whose deployments are its list', async () => {
    const { liveModels } = await import('./model-list.server');
    expect(await liveModels({ ...gateway, id: 'azure' })).toBeUndefined();
    expect(asked).toBe(0);
  });
});
