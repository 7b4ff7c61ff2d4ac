import 'server-only';
/**
 * What the offline API serves, as OpenAI serves it today (api-2026-12 §1, §5): every registry model not shut down
 * on OpenAI, the mainline models not shut down, and a model past its OpenAI shutdown date answered the way the real
 * service answers a model it does not know — 404 `model_not_found` naming it. The Azure-style routes keep serving
 * what the deployment (or the image deployment header) names: there the deployment is the list.
 *
 * Switches (simulation settings, like `x-offline-fault` in faults.ts):
 * - `OFFLINE_SERVE_RETIRED=1` (env, whole server) or `x-offline-serve-retired: 1` (header, one request; `0` turns the
 *   env's setting off for that request): shut-down models are served and listed (with their past `shutdown_date`),
 *   for demos of gateways that still serve them and for tests of those models' rules.
 * - `OFFLINE_EXTRA_MODELS=gpt-image-2.7-test,…` (env): extra image ids listed by `GET /models` and served, on the
 *   rules of the registry family they extend (registry.ts `findModel`), so the offline API can stand in for an
 *   upstream or gateway whose list names a model the registry does not know. Ids that are not `gpt-image-*` or
 *   that no registry family covers are ignored (with a warning in the server log).
 */
import { ApiError } from '../errors/api-error';
import { lifecycleOf } from '../models/lifecycle';
import { MAIN_MODELS } from '../models/main-models';
import { findModel, MODELS } from '../models/registry';
import type { ModelId } from '../models/types';

export const SERVE_RETIRED_HEADER = 'x-offline-serve-retired';

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off', ''];

/** Whether this request may use shut-down models: the header decides when sent, else OFFLINE_SERVE_RETIRED. */
export function serveRetired(headers: Headers): boolean {
  const raw = headers.get(SERVE_RETIRED_HEADER);
  if (raw !== null) {
    const v = raw.trim().toLowerCase();
    if (ON.includes(v)) return true;
    if (OFF.includes(v)) return false;
    throw new ApiError(400, {
      message: `Invalid ${SERVE_RETIRED_HEADER} header: '${raw.slice(0, 40)}'. Use 1 (serve shut-down models for this request) or 0.`,
      type: 'invalid_request_error',
      param: SERVE_RETIRED_HEADER,
      code: 'invalid_value',
    });
  }
  return ON.includes((process.env.OFFLINE_SERVE_RETIRED ?? '').trim().toLowerCase());
}

let warnedExtras = '';

/** OFFLINE_EXTRA_MODELS: the `gpt-image-*` ids a registry family covers, each once, in the order given. */
export function extraModels(): string[] {
  const raw = process.env.OFFLINE_EXTRA_MODELS ?? '';
  const ids = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const ok = ids.filter((id) => id.startsWith('gpt-image-') && findModel(id));
  const dropped = ids.filter((id) => !ok.includes(id));
  if (dropped.length && warnedExtras !== raw) {
    warnedExtras = raw;
    console.warn(`[offline-api] OFFLINE_EXTRA_MODELS: ignoring ${dropped.join(', ')} (only gpt-image-* ids that extend a registry model are served)`);
  }
  return ok;
}

/**
 * Shut down on OpenAI today. A dated snapshot the registry does not list (gpt-image-1.5-2025-12-16) goes with its
 * model (lifecycle.ts); an extra id is served whatever family it borrows from (checkImageModel).
 */
function imageShutDown(id: string): boolean {
  return lifecycleOf('image', 'openai', id).state === 'shut-down';
}

export function mainShutDown(id: string): boolean {
  return lifecycleOf('main', 'openai', id).state === 'shut-down';
}

/** 404 model_not_found: the real service's answer for a model it does not have (or no longer has). */
export function modelNotFound(id: string, param: string | null = 'model', note = ''): ApiError {
  const shown = id.length > 80 ? `${id.slice(0, 77)}...` : id;
  return new ApiError(404, {
    message: `The model '${shown}' does not exist or you do not have access to it.${note}`,
    type: 'invalid_request_error',
    param,
    code: 'model_not_found',
  });
}

/**
 * The image models a request may name on the OpenAI-style routes, for the validator's `models` option: registry
 * models not shut down (all of them when retired ones are served), then the extra ids.
 */
export function servedImageModels(retired: boolean): ModelId[] {
  const registry = MODELS.map((m) => m.id).filter((id) => retired || !imageShutDown(id));
  return [...registry, ...extraModels().filter((id) => !registry.includes(id))];
}

/** Azure: every registry model (the deployment names it) and the extra ids. */
export function azureImageModels(): ModelId[] {
  const registry = MODELS.map((m) => m.id);
  return [...registry, ...extraModels().filter((id) => !registry.includes(id))];
}

/**
 * Refuse a shut-down image model as OpenAI does, before anything else about the request is looked at. Ids that are
 * not strings, unknown ids and served ids pass: the validator has its own words for those.
 */
export function checkImageModel(asked: unknown, retired: boolean, param = 'model', note = ''): void {
  if (retired || typeof asked !== 'string') return;
  if (extraModels().includes(asked)) return;
  if (imageShutDown(asked)) throw modelNotFound(asked, param, note);
}

/** /responses' main model: one the offline API serves (MAIN_MODELS), not shut down unless retired ones are served. */
export function checkMainModel(asked: string, retired: boolean): void {
  if (!(MAIN_MODELS as readonly string[]).includes(asked) || (!retired && mainShutDown(asked))) {
    const hint = findModel(asked) ? ` ${asked} is an image model: name it as the image_generation tool's model, with a main model here.` : '';
    throw modelNotFound(asked, 'model', hint);
  }
}

export interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  shutdown_date: string | null;
}

/** Launch day of the models api-2026-12 §1 dates; other ids carry the date in their snapshot suffix, if any. */
const LAUNCHED: Record<string, string> = {
  'gpt-image-2.6-sunburst': '2026-11-04',
  'gpt-image-2.6-flare': '2026-11-04',
  'gpt-image-2.5-sunburst': '2026-09-08',
  'gpt-image-2.5-flare': '2026-09-08',
  'gpt-image-2': '2026-04-21',
};

function created(id: string): number {
  const day = /-(\d{4}-\d{2}-\d{2})$/.exec(id)?.[1] ?? LAUNCHED[id];
  return day ? Date.parse(`${day}T00:00:00Z`) / 1000 : 0;
}

function entry(id: string, shutdown: string | undefined): ModelObject {
  return { id, object: 'model', created: created(id), owned_by: 'system', shutdown_date: shutdown ?? null };
}

/**
 * `GET /models`: what this request may use, each with `shutdown_date` (YYYY-MM-DD, or null when none is announced;
 * api-2026-12 §5). Image models (with their dated snapshots), the extra ids, then the mainline models.
 */
export function modelList(retired: boolean): ModelObject[] {
  const out: ModelObject[] = [];
  for (const m of MODELS) {
    if (!retired && imageShutDown(m.id)) continue;
    const shutdown = lifecycleOf('image', 'openai', m.id).shutdown;
    for (const id of [m.id, ...m.aliases]) out.push(entry(id, shutdown));
  }
  for (const id of extraModels()) if (!out.some((o) => o.id === id)) out.push(entry(id, undefined));
  for (const id of MAIN_MODELS) {
    if (!retired && mainShutDown(id)) continue;
    out.push(entry(id, lifecycleOf('main', 'openai', id).shutdown));
  }
  return out;
}
