import 'server-only';
/**
 * Each provider's own `GET /models`, asked at run time and kept for MODEL_LIST_TTL_MS (default 10 min): ids the
 * registry does not know, and `shutdown_date` (api-2026-12 §5), so the lineup keeps up without a release. A
 * provider that does not answer within MODEL_LIST_TIMEOUT_MS (default 3 s) keeps the registry's lineup (or its last
 * list), and is asked again after a minute. Azure's list is read for its retirement dates only (azure-models.ts):
 * its deployments are what it offers.
 */
import type { Model } from 'openai/resources/models';
import type { ProviderInfo } from './config';
import type { LiveModel } from './lineup';
import { azureRetirements, type AzureModel } from './azure-models';
import { createClient } from './sdk-client.server';
import { envNumber } from '../pipeline/env-number.server';

type Entry = { at: number; ttl: number; list?: LiveModel[]; pending?: Promise<LiveModel[] | undefined> };

const KEY = Symbol.for('image-playground.model-lists');
const cache: Map<string, Entry> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Map<string, Entry>;

const FAILURE_TTL_MS = 60_000;

/** The SDK's Model, with the field openai 6.49's types lack but pass through (NODE-750 adds it). */
type ModelWithShutdown = Model & { shutdown_date?: string | null };

async function ask(provider: ProviderInfo, timeout: number): Promise<LiveModel[]> {
  const client = createClient(provider, provider.defaultModel);
  const list: LiveModel[] = [];
  if (provider.id === 'azure') {
    const models: AzureModel[] = [];
    for await (const m of client.models.list({ timeout, maxRetries: 0 }) as AsyncIterable<AzureModel>) models.push(m);
    return azureRetirements(models);
  }
  for await (const m of client.models.list({ timeout, maxRetries: 0 }) as AsyncIterable<ModelWithShutdown>) {
    list.push('shutdown_date' in m ? { id: m.id, shutdown_date: m.shutdown_date ?? null } : { id: m.id });
  }
  return list;
}

/** The provider's list, from the cache when fresh; undefined when it cannot be had. */
export async function liveModels(provider: ProviderInfo): Promise<LiveModel[] | undefined> {
  const key = `${provider.id} ${provider.baseURL}`;
  const now = Date.now();
  const hit = cache.get(key);
  // A list already had is answered at once; a stale one is refreshed behind it (pages never wait on a provider
  // twice). Only the first ask waits, up to MODEL_LIST_TIMEOUT_MS.
  if (hit?.pending) return hit.list ?? hit.pending;
  if (hit && now - hit.at < hit.ttl) return hit.list;
  if (hit?.list) {
    void refresh(provider, key, hit);
    return hit.list;
  }
  return refresh(provider, key, hit);
}

function refresh(provider: ProviderInfo, key: string, hit: Entry | undefined): Promise<LiveModel[] | undefined> {
  const ttl = envNumber('MODEL_LIST_TTL_MS', 600_000);
  const timeout = Math.max(100, envNumber('MODEL_LIST_TIMEOUT_MS', 3_000));
  const pending = ask(provider, timeout).then(
    (list) => {
      cache.set(key, { at: Date.now(), ttl, list });
      return list;
    },
    (e: unknown) => {
      // Not a secret: the SDK's message names the status or the network failure, never the key.
      console.warn(`[models] ${provider.label}: GET /models failed (${e instanceof Error ? e.message : String(e)}); using the registry's lineup`);
      cache.set(key, { at: Date.now(), ttl: Math.min(ttl, FAILURE_TTL_MS), list: hit?.list });
      return hit?.list;
    },
  );
  cache.set(key, { at: hit?.at ?? 0, ttl: hit?.ttl ?? 0, list: hit?.list, pending });
  return pending;
}
