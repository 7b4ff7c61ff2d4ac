import 'server-only';
/**
 * A generation, edit or variation from validated input to a stream of GenerationEvents. Streaming with n > 1
 * runs n single-image streams side by side so every tile fills live (the API's own n > 1 stream does not say
 * which image a partial belongs to); without streaming, one request with n.
 */
import { ApiError } from '../errors/api-error';
import { capsFor } from '../models/caps';
import { checkImageRequest, type ImageEndpoint } from '../models/validate';
import { validateImageFiles } from '../models/validate-files';
import type { ProviderKind } from '../providers/config';
import { createClient } from '../providers/client';
import { findProvider } from '../providers/server';
import { admitGeneration } from '../limits/generation-gate';
import type { User } from '../access/user';
import { asFile, takeInputUploads, type TakenUploads } from '../uploads/resolve';
import type { Upload } from '../uploads/store';
import type { Fault } from '../offline/faults';
import type { GenerationError, GenerationEvent } from './events';
import { endJob, follow, startJob, underJob, type JobHandle } from './jobs';
import { KEEPALIVE, withKeepalive } from './keepalive';
import { toWireParams } from './sdk-params';
import { batch, StreamFailure, streamOne, toGenerationError, type CallOptions, type Uploads } from './upstream';

export interface GenerationInput {
  provider: ProviderKind;
  /** Images API endpoint; generate when absent. */
  endpoint?: ImageEndpoint;
  fields: Record<string, unknown>;
  /**
   * Edits and variations: ids from POST /api/uploads (lib/uploads) of the reference images (the first is the
   * one the mask applies to) and the mask. The bytes never travel in the action's own body.
   */
  imageIds?: string[];
  maskId?: string;
  /** The offline API's simulation controls; ignored for real providers. */
  simulate?: { fault?: Fault; latencyMs?: number };
  /** The user's own API key, when the policy allows it: used for this request only, never stored or logged. */
  userKey?: string;
  /**
   * The job's id, made by the browser (crypto.randomUUID()) and recorded before the call, so a tab closed before
   * the first event can still `resume` it. Absent: the server names the job in its `started` event.
   */
  jobId?: string;
}

export type StartResult = { ok: true; events: ReadableStream<GenerationEvent> } | { ok: false; error: GenerationError };

function refuse(message: string, param: string | null, code: string): StartResult {
  return { ok: false, error: { status: 400, message, type: 'invalid_request_error', param, code } };
}

function failed(e: ApiError): StartResult {
  return { ok: false, error: { ...e.toBody().error, status: e.status } };
}

/** Check the uploads by their bytes against the model's rules (count, size, type, square, mask). */
function checkUploads(endpoint: ImageEndpoint, model: string, narrowing: Parameters<typeof capsFor>[2], taken: TakenUploads): Uploads | ApiError {
  if (endpoint === 'generate') return {};
  const caps = capsFor(model, endpoint, narrowing)!;
  const { images, mask } = taken;
  const toChecked = (u: Upload, field: string) => ({ bytes: u.bytes, field, filename: u.filename });
  try {
    validateImageFiles(caps, images.map((u) => toChecked(u, 'image')), mask && toChecked(mask, 'mask'), model);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  return { images: images.map(asFile), mask: mask && asFile(mask) };
}

/** A generation, edit or variation, started under the job the browser named. */
export function startGeneration(input: GenerationInput, user: User): Promise<StartResult> {
  return underJob(startJob(user.id, input.jobId), (job) => run(input, user, job));
}

async function run(input: GenerationInput, user: User, job: JobHandle): Promise<StartResult> {
  const taken = takeInputUploads(user.id, input);
  if (taken instanceof ApiError) return failed(taken);
  const provider = findProvider(input.provider);
  if (!provider) return refuse(`Provider '${String(input.provider)}' is not configured on this server.`, 'provider', 'invalid_value');
  const endpoint = input.endpoint ?? 'generate';
  if (!['generate', 'edit', 'variation'].includes(endpoint)) return refuse(`Unknown endpoint '${String(endpoint)}'.`, 'endpoint', 'invalid_value');
  const checked = checkImageRequest(endpoint, input.fields, { narrowing: provider.narrowing, models: provider.models });
  if (!checked.ok) return failed(checked.error);
  const req = checked.request;
  const uploads = checkUploads(endpoint, req.model, provider.narrowing, taken);
  if (uploads instanceof ApiError) return failed(uploads);
  // Policy, rate limits and the spend cap, before anything is sent upstream; settled and audited when it ends.
  const admitted = await admitGeneration({ user, provider, request: req, fields: input.fields, uploads, userKey: input.userKey });
  if (!admitted.ok) return { ok: false, error: admitted.error };
  const gate = admitted.gate;
  const params = toWireParams(req);
  const client = createClient(provider, req.model, undefined, gate.apiKey);

  const headers: Record<string, string> = {};
  if (provider.id === 'offline' && input.simulate) {
    if (input.simulate.fault) headers['x-offline-fault'] = input.simulate.fault;
    if (input.simulate.latencyMs !== undefined) headers['x-offline-latency-ms'] = String(input.simulate.latencyMs);
  }

  const emit = (e: GenerationEvent) => job.emit(gate.observe(e));
  const opts: CallOptions = { signal: job.signal, headers };

  // The job owns the upstream work: if the browser leaves, it goes on and keeps its events for `resume`.
  const settle = (tile: number | null) => (e: unknown) => {
    const error = e instanceof StreamFailure ? e.failure : toGenerationError(e);
    emit(error ? { type: 'error', tile, error } : { type: 'cancelled', tile });
  };
  const work = async () => {
    emit({ type: 'started', jobId: job.id, tiles: req.n, streaming: req.stream });
    if (req.stream) {
      // On the offline API, tell the parallel requests apart, or its determinism would make n equal images.
      const optsFor = (tile: number): CallOptions =>
        provider.id === 'offline' && req.n > 1 ? { ...opts, headers: { ...headers, 'x-offline-variant': String(tile) } } : opts;
      await Promise.all(Array.from({ length: req.n }, (_, tile) => streamOne(client, endpoint, params, uploads, tile, optsFor(tile), emit).catch(settle(tile))));
    } else {
      await batch(client, endpoint, params, uploads, opts, emit).catch(settle(null));
    }
  };
  // Settlement runs here on the server whether or not a browser is still listening.
  void work().catch(settle(null)).finally(() => {
    endJob(job.id);
    void gate.finish();
  });
  // The browser's stream is one subscriber: closing it (tab closed) stops listening, not the job.
  return { ok: true, events: withKeepalive(follow(job.id)!, KEEPALIVE) };
}
