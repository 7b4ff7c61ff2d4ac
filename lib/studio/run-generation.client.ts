'use client';
/**
 * The studio's generate workflow as plain functions: read the stores, upload the images, call the server
 * action, fold the streamed events into the gallery, and keep every finished (or cancelled-with-a-partial)
 * image in history.
 */
import { followJob } from '../pipeline/follow';
import { serverActions } from '../pipeline/server-actions';
import { bitmapOf, makeThumbnail } from '../history/thumbnail.client';
import { gifInfo } from '../history/gif-info';
import { useHistory } from '../history/history-store.client';
import type { GenerationEvent } from '../generation/events';
import { useGallery } from './gallery-store.client';
import { currentOptions, MODE_ENDPOINT, useStudio } from './params-store.client';
import { paramsToFields } from './params';
import { useReferences } from './references-store.client';
import { currentMaskPng } from '../mask/mask-store';
import { currentMarkupPng, markupChosen } from '../markup/markup-store';
import { useCost } from '../cost/cost-store.client';
import { learnFromRun, useLearned } from '../cost/learned-store.client';
import { readUserKey } from '../policy/user-key';
import type { EstimateInput } from '../cost/estimate';
import { svgActualCost } from '../cost/gif-svg';
import type { ModelId } from '../models/types';
import { sizeValue } from './params';
import type { TileState } from './apply-event';
import type { GenerationInput, StartResult } from '../generation/run.server';
import type { UploadItem } from '../uploads/client';
import { startWithUploads, stopStart } from '../uploads/start.client';
import { addPending, pendingRuns, removePending } from './pending-runs';
import { typicalDurationMs } from './typical-duration';
import type { ImageEndpoint } from '../models/validate';
import type { ProviderKind } from '../providers/config';

let counter = 0;

async function remember(runId: string, tile: TileState): Promise<void> {
  const run = useGallery.getState().runs[runId];
  const shown = tile.image ?? tile.partial;
  if (!run || !shown) return;
  // A URL answer (dall-e, response_format url) is kept only if the browser may read it (same origin or CORS).
  const blob = shown.blob ?? (shown.url ? await fetch(shown.url).then((r) => (r.ok ? r.blob() : undefined), () => undefined) : undefined);
  if (!blob) return;
  const image = { ...shown, blob, mime: shown.mime || blob.type };
  const status = tile.status === 'done' ? 'done' : tile.status === 'failed' ? 'failed' : 'cancelled';
  let { width, height } = image;
  if (!width) {
    const bitmap = await bitmapOf(image.blob);
    ({ width, height } = bitmap);
    bitmap.close();
  }
  // A GIF keeps its frame count and delays beside the file; an SVG its sanitized facts and svg_usage.
  const gif = image.mime === 'image/gif' ? gifInfo(new Uint8Array(await image.blob.arrayBuffer())) : null;
  const frames = gif ? { count: gif.frames, durationMs: gif.delaysMs[0] ?? 0, delaysMs: gif.delaysMs } : undefined;
  const svg = tile.svg ? { bytes: tile.svg.bytes, nodes: tile.svg.nodes, removed: tile.svg.removed, originalBytes: tile.svg.originalBytes } : undefined;
  await useHistory.getState().add(
    {
      id: tile.key,
      createdAt: Date.now(),
      prompt: tile.prompt,
      provider: run.provider,
      endpoint: run.endpoint,
      model: String(run.fields.model),
      fields: run.fields,
      echoed: tile.echoed,
      usage: tile.usage,
      revisedPrompt: tile.revisedPrompt,
      latencyMs: tile.latencyMs,
      status,
      error: tile.error,
      width,
      height,
      mime: image.mime,
      bytes: image.blob.size,
      thumb: await makeThumbnail(image.blob),
      ...(frames ? { frames } : {}),
      ...(svg ? { svg, svgUsage: tile.svgUsage ?? null } : {}),
    },
    image.blob,
  );
}

/** Save tiles that just finished; each is saved once. */
function saveFinished(runId: string, saved: Set<string>): Promise<unknown> {
  const { runs, tiles } = useGallery.getState();
  const jobs: Promise<void>[] = [];
  for (const key of runs[runId]?.tiles ?? []) {
    const t = tiles[key];
    if (!t || saved.has(key)) continue;
    if (t.status === 'done' || ((t.status === 'cancelled' || t.status === 'failed') && t.partial)) {
      saved.add(key);
      jobs.push(remember(runId, t).catch((e) => console.warn('history: could not save', e)));
    }
  }
  return Promise.all(jobs);
}

/** What the estimator needs from the studio's state: the same inputs the request is built from. */
export function estimateInput(): EstimateInput | null {
  const state = useStudio.getState();
  const options = currentOptions(state);
  if (!options) return null;
  const p = state.params;
  const size = sizeValue(p, options);
  const refs = state.mode === 'generate' ? [] : useReferences.getState().items;
  return {
    model: p.model,
    provider: state.provider ?? undefined,
    endpoint: MODE_ENDPOINT[state.mode],
    size: 'size' in size ? size.size : 'auto',
    quality: options.qualities.length ? p.quality : undefined,
    complexity: options.complexities && p.complexity !== 'default' ? p.complexity : undefined,
    n: p.n,
    partialImages: options.partialImages && p.stream ? p.partialImages : 0,
    streamed: paramsToFields(p, options).stream === true,
    prompt: options.promptMax > 0 ? p.prompt : '',
    inputImages: refs.map((r) => ({ width: r.info.width, height: r.info.height })),
    inputFidelity: options.inputFidelity ? p.inputFidelity : undefined,
    ...(p.outputFormat === 'gif' && options.gif ? { gif: { frames: p.frameCount } } : {}),
    ...(p.outputFormat === 'svg' && options.svg ? { svg: { model: p.svgModel, ...(p.svgEffort !== 'default' ? { effort: p.svgEffort } : {}) } } : {}),
  };
}

function svgModelOf(fields: Record<string, unknown>): string | undefined {
  const svg = fields.output_format === 'svg' ? (fields.svg as { model?: unknown } | undefined) : undefined;
  return typeof svg?.model === 'string' ? svg.model : undefined;
}

/** After a run: what its returned usage cost, kept on the run and added to the spend ledger. */
function settleCost(runId: string): void {
  const { prices, estimator, record } = useCost.getState();
  const run = useGallery.getState().runs[runId];
  if (!run || !prices || !estimator || run.actual !== undefined) return;
  const tiles = run.tiles.map((k) => useGallery.getState().tiles[k]).filter(Boolean);
  const done = tiles.filter((t) => t.status === 'done');
  if (!done.length) return;
  const usages = done.flatMap((t) => (t.usage ? [t.usage] : []));
  const model = run.fields.model as ModelId;
  const size = done[0].echoed?.size ?? (done[0].image ? `${done[0].image.width}x${done[0].image.height}` : String(run.fields.size ?? ''));
  const imageActual = estimator.actualCost(model, usages, prices, { n: done.length, size, quality: done[0].echoed?.quality ?? (run.fields.quality as string | undefined) });
  // SVG: the authoring model's svg_usage is a second line, at its text rates (null: rates unknown or no svg_usage).
  const svgModel = svgModelOf(run.fields);
  const svgUsage = done.find((t) => t.svgUsage)?.svgUsage ?? null;
  const svg = svgModel ? { model: svgModel, usage: svgUsage, dollars: svgActualCost(svgModel, svgUsage) } : undefined;
  const actual = imageActual === null ? null : imageActual + (svg?.dollars ?? 0);
  useGallery.getState().patchRun(runId, { actual, ...(svg ? { actualImage: imageActual, actualSvg: svg } : {}) });
  if (actual !== null) record({ at: Date.now(), model, provider: run.provider, dollars: actual });
  // The estimator learns what this combination is billed (lib/cost/learned.ts).
  learnFromRun(run, done);
}

/** Everything a run sends, captured once: Retry sends it again unchanged. */
interface RunRequest {
  provider: ProviderKind;
  endpoint: ImageEndpoint;
  fields: Record<string, unknown>;
  prompt: string;
  refs: { blob: Blob; name: string }[];
  mask?: Blob;
  markup?: Blob;
  markupField?: string;
  simulate: GenerationInput['simulate'];
  estimate?: { low: number; high: number };
  typicalMs: number;
}

/** The requests of the runs on screen, for Retry (the gallery keeps only a few runs; so does this). */
const requests = new Map<string, RunRequest>();

export async function runGeneration(): Promise<void> {
  const state = useStudio.getState();
  const { provider, simulate, mode } = state;
  const options = currentOptions(state);
  if (!provider || !options) return;
  const endpoint = MODE_ENDPOINT[mode];
  const fields = paramsToFields(state.params, options);
  const refs = endpoint === 'generate' ? [] : useReferences.getState().items;
  // Markup or a mask, never both (api-2026-12 §2.4, §7.4): with Markup chosen on a model that takes it, the
  // marks go as their own upload and the painted mask stays on the page, unsent.
  const withMarkup = endpoint === 'edit' && markupChosen(!!options.markup);
  const markup = withMarkup ? ((await currentMarkupPng()) ?? undefined) : undefined;
  // GIF output takes no mask (api-2026-12 §2.2): the painter's mask stays on the page, unsent.
  const mask = endpoint === 'edit' && !withMarkup && options.mask && state.params.outputFormat !== 'gif' ? ((await currentMaskPng()) ?? undefined) : undefined;
  const prompt = endpoint === 'variation' ? `Variation of ${refs[0]?.name ?? 'an image'}` : String(fields.prompt ?? '');
  // Every run is priced, even one started before the estimator (loaded after first paint) arrived.
  const estimator = await useCost.getState().loadEstimator().catch(() => null);
  const { prices } = useCost.getState();
  const input = estimateInput();
  let estimate: { low: number; high: number } | undefined;
  try {
    const e = prices && estimator && input ? estimator.estimateCost(input, prices, useLearned.getState().ensure()) : null;
    estimate = e ? { low: e.low, high: e.high } : undefined;
  } catch {
    // A request the estimator cannot price (a gateway's unknown size) still runs; it just has no estimate.
  }
  const sim = { fault: simulate.fault || undefined, latencyMs: simulate.latencyMs ?? undefined, billingScale: simulate.billingScale ?? undefined };
  const typicalMs = typicalDurationMs(
    { provider, model: String(fields.model), quality: fields.quality as string | undefined, ...(provider === 'offline' ? { offlineLatencyMs: simulate.latencyMs } : {}) },
    useHistory.getState().entries.filter((e) => e.status === 'done').map((e) => ({ provider: e.provider, model: e.model, quality: e.fields.quality as string | undefined, latencyMs: e.latencyMs })),
  );
  await start({ provider, endpoint, fields, prompt, refs: refs.map((r) => ({ blob: r.blob, name: r.name })), mask, markup, markupField: options.markup?.field, simulate: sim, estimate, typicalMs });
}

/** Send a run's request again, as it was (the Retry of an error). False when the run is no longer known. */
export async function retryRun(runId: string): Promise<boolean> {
  const request = requests.get(runId);
  if (!request) return false;
  dismissRun(runId);
  // The offline API's simulation is a developer's switch, not part of the request: Retry takes it as set now.
  const { simulate } = useStudio.getState();
  await start({ ...request, simulate: { fault: simulate.fault || undefined, latencyMs: simulate.latencyMs ?? undefined, billingScale: simulate.billingScale ?? undefined } });
  return true;
}

/** Take a run off the stage (an error dismissed); what it kept stays in history. */
export function dismissRun(runId: string): void {
  requests.delete(runId);
  useGallery.getState().dismiss(runId);
}

async function start(request: RunRequest): Promise<void> {
  const { provider, endpoint, fields, prompt, refs, mask, markup, estimate, typicalMs } = request;
  const runId = `run-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  requests.set(runId, request);
  for (const id of requests.keys()) if (!useGallery.getState().runs[id] && id !== runId) requests.delete(id);
  // The browser names the job and records the run before anything leaves it: a tab closed during the uploads
  // or before the first event still finds the job on reload (or learns that the server never got it).
  const jobId = crypto.randomUUID();
  const gallery = useGallery.getState();
  gallery.begin({ id: runId, jobId, provider, endpoint, original: refs[0]?.blob, mask, fileNames: refs.map((r) => r.name), estimate, typicalMs, fields, prompt, startedAt: Date.now(), streaming: fields.stream === true, status: 'starting', tiles: [] });
  notePending(runId);
  const action: GenerationInput = {
    jobId,
    provider,
    endpoint,
    fields,
    // The server sends these only where they reach the offline API (lib/pipeline/simulation.ts).
    simulate: request.simulate,
    // The user's own key (Settings, when the policy allows it) travels with each request; the server never keeps it.
    userKey: readUserKey(),
  };
  // The references and the mask go to the upload route first, in parallel; the action names them by id.
  const files: UploadItem[] = refs.map((r, i) => ({ blob: r.blob, name: r.name, field: refs.length > 1 ? `image[${i}]` : 'image' }));
  if (mask) files.push({ blob: mask, name: 'mask.png', field: 'mask' });
  if (markup) files.push({ blob: markup, name: 'markup.png', field: request.markupField! });
  await collect(runId, () =>
    startWithUploads(runId, {
      input: action,
      textField: 'prompt',
      files,
      call: (ids) => serverActions().generate({ ...action, imageIds: ids.slice(0, refs.length), maskId: mask ? ids[refs.length] : undefined, markupId: markup ? ids[refs.length + (mask ? 1 : 0)] : undefined }),
      cancelled: CANCELLED,
      cancelJob: () => serverActions().cancel(jobId),
    }),
  );
}

/** What a run cancelled before its action was called folds into. */
const CANCELLED = (): StartResult => ({
  ok: true,
  events: new ReadableStream<GenerationEvent>({
    start(out) {
      out.enqueue({ type: 'cancelled', tile: null });
      out.close();
    },
  }),
});

/** Note a run as pending, so a reloaded studio can take its job up again. */
function notePending(runId: string): void {
  const run = useGallery.getState().runs[runId];
  if (!run?.jobId) return;
  const { id, jobId, provider, endpoint, fields, prompt, startedAt, streaming, fileNames, estimate } = run;
  addPending({ id, provider, endpoint, fields, prompt, startedAt, streaming, fileNames, estimate, jobId });
}

/**
 * Fold a run's events into the gallery and its finished tiles into history. The run stays pending until its
 * stream has ended (the job is over and everything it sent arrived); a cut connection leaves it for `resume`.
 */
async function collect(runId: string, start: () => Promise<StartResult>): Promise<void> {
  const saved = new Set<string>();
  const dispatch = (e: GenerationEvent) => useGallery.getState().dispatch(runId, e);
  let collected = false;
  try {
    const r = await followJob(start, (e) => {
      dispatch(e);
      if (e.type === 'completed' || e.type === 'error' || e.type === 'cancelled') void saveFinished(runId, saved);
      return false;
    });
    if (r.refused) {
      dispatch({ type: 'error', tile: null, error: r.refused });
      // Signed out (the session expired): the job may still be there once the user signs in again.
      collected = r.refused.status !== 401;
    } else if (r.lost !== undefined) {
      dispatch({ type: 'error', tile: null, error: { status: 0, message: `The connection to the server was lost: ${r.lost}`, type: 'connection_error', param: null, code: 'connection_lost' } });
    } else {
      collected = true;
    }
  } finally {
    // A stream that ended without settling every tile was cut: keep what arrived, marked as cancelled.
    useGallery.getState().cancel(runId);
    settleCost(runId);
    await saveFinished(runId, saved);
    if (collected) removePending(runId);
  }
}

let resumed = false;

/**
 * On load: take up the runs a closed or reloaded studio left running. The server replays what each job kept
 * and streams the rest; a job it no longer knows shows as an error in the gallery and is forgotten.
 */
export async function resumePendingRuns(): Promise<void> {
  if (resumed) return;
  resumed = true;
  await Promise.all(
    pendingRuns().map((p) => {
      if (useGallery.getState().runs[p.id]) return;
      const { jobId, ...run } = p;
      useGallery.getState().begin({ ...run, jobId, status: 'starting', tiles: [] });
      return collect(p.id, () => serverActions().resume(jobId));
    }),
  );
}

export async function cancelGeneration(runId: string): Promise<void> {
  const jobMayExist = stopStart(runId);
  const run = useGallery.getState().runs[runId];
  // Nothing has arrived yet: over on this page at once, however slow the answer to Cancel is.
  if (run?.status === 'starting') useGallery.getState().cancel(runId);
  // Before the action is called there is no job to cancel: stopping the uploads is enough.
  if (run?.jobId && jobMayExist) await serverActions().cancel(run.jobId);
  // A running run takes what arrived in the meantime (an image that finished) before it is marked cancelled.
  useGallery.getState().cancel(runId);
}

/** "Keep only the masked area": the composite joins the gallery's history as an image of its own. */
export async function keepComposite(runId: string, tileKeyOf: string, blob: Blob, width: number, height: number): Promise<void> {
  const run = useGallery.getState().runs[runId];
  const tile = useGallery.getState().tiles[tileKeyOf];
  if (!run || !tile) return;
  await useHistory.getState().add(
    {
      id: `${tile.key}:composite:${Date.now().toString(36)}`,
      createdAt: Date.now(),
      prompt: `${tile.prompt} (only the masked area kept)`,
      provider: run.provider,
      endpoint: run.endpoint,
      model: String(run.fields.model),
      fields: run.fields,
      status: 'done',
      width,
      height,
      mime: 'image/png',
      bytes: blob.size,
      thumb: await makeThumbnail(blob),
    },
    blob,
  );
}

/** Esc: cancel whichever run is going (the studio runs one at a time). False when none is. */
export function cancelRunning(): boolean {
  const run = Object.values(useGallery.getState().runs).find((r) => r.status === 'starting' || r.status === 'running');
  if (run) void cancelGeneration(run.id);
  return !!run;
}
