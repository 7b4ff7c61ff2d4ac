'use client';
/**
 * The studio's generate workflow as plain functions: read the stores, call the server action, fold the
 * streamed events into the gallery, and keep every finished (or cancelled-with-a-partial) image in history.
 */
import { cancel as cancelAction, generate as generateAction } from '@/app/actions';
import { controlOptions } from '../models/options';
import { makeThumbnail } from '../history/thumbnail';
import { useHistory } from '../history/history-store';
import type { GenerationEvent } from '../generation/events';
import { useGallery } from './gallery-store';
import { useStudio } from './params-store';
import { paramsToFields } from './params';
import type { TileState } from './apply-event';

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
    const bitmap = await createImageBitmap(image.blob);
    ({ width, height } = bitmap);
    bitmap.close();
  }
  await useHistory.getState().add(
    {
      id: tile.key,
      createdAt: Date.now(),
      prompt: tile.prompt,
      provider: run.provider,
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

export function currentFields(): Record<string, unknown> {
  const { params, narrowing } = useStudio.getState();
  return paramsToFields(params, controlOptions(params.model, 'generate', narrowing)!);
}

export async function runGeneration(): Promise<void> {
  const { provider, simulate } = useStudio.getState();
  if (!provider) return;
  const fields = currentFields();
  const runId = `run-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const gallery = useGallery.getState();
  gallery.begin({ id: runId, provider, fields, prompt: String(fields.prompt ?? ''), startedAt: Date.now(), streaming: fields.stream === true, status: 'starting', tiles: [] });
  const saved = new Set<string>();
  const dispatch = (e: GenerationEvent) => useGallery.getState().dispatch(runId, e);
  try {
    const result = await generateAction({
      provider,
      fields,
      simulate: provider === 'offline' ? { fault: simulate.fault || undefined, latencyMs: simulate.latencyMs ?? undefined } : undefined,
    });
    if (!result.ok) {
      dispatch({ type: 'error', tile: null, error: result.error });
      return;
    }
    const reader = result.events.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      dispatch(value);
      if (value.type === 'completed' || value.type === 'error' || value.type === 'cancelled') void saveFinished(runId, saved);
    }
  } catch (e) {
    dispatch({ type: 'error', tile: null, error: { status: 0, message: `The connection to the server was lost: ${e instanceof Error ? e.message : e}`, type: 'connection_error', param: null, code: 'connection_error' } });
  } finally {
    // A stream that ended without settling every tile was cut: keep what arrived, marked as cancelled.
    useGallery.getState().cancel(runId);
    await saveFinished(runId, saved);
  }
}

export async function cancelGeneration(runId: string): Promise<void> {
  const run = useGallery.getState().runs[runId];
  if (run?.jobId) await cancelAction(run.jobId);
  useGallery.getState().cancel(runId);
}
