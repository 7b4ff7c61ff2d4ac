import 'server-only';
/**
 * A generation, edit or variation from validated input to a stream of GenerationEvents. Streaming with n > 1
 * runs n single-image streams side by side so every tile fills live (the API's own n > 1 stream does not say
 * which image a partial belongs to); without streaming, one request with n.
 */
import { ApiError } from '../errors/api-error';
import { capsFor } from '../models/caps';
import { checkImageRequest, type ImageEndpoint } from '../models/validate';
import { checkMarkup, validateImageFiles } from '../models/validate-files';
import { MARKUP_FIELD } from '../models/registry';
import type { ProviderKind } from '../providers/config';
import { createClient } from '../providers/sdk-client.server';
import { upstreamModel } from '../providers/deployments';
import { findProvider } from '../providers/configured.server';
import { shutDownMessage } from '../providers/lineup';
import { admitGeneration } from '../limits/generation-gate.server';
import type { User } from '../access/user.server';
import { asFile, takeInputUploads, type TakenUploads } from '../uploads/resolve.server';
import type { Upload } from '../uploads/store.server';
import type { GenerationError, GenerationEvent } from './events';
import { GENERATION_REPLAY, type JobHandle } from '../pipeline/jobs.server';
import { resumeJob, runJob, type Preparation, type Started } from '../pipeline/lifecycle.server';
import { simulated, simulationHeaders, type Simulation } from '../pipeline/simulation';
import { toWire } from './sdk-params';
import { batch, StreamFailure, streamOne, toGenerationError, type CallOptions, type Uploads } from './upstream.server';

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
  /** gpt-image-2.6 markup-guided edits: the transparent PNG of marks, the first image's size. */
  markupId?: string;
  /** The offline API's simulation controls; ignored for real providers. */
  simulate?: Simulation;
  /** The user's own API key, when the policy allows it: used for this request only, never stored or logged. */
  userKey?: string;
  /**
   * The job's id, made by the browser (crypto.randomUUID()) and recorded before the call, so a tab closed before
   * the first event can still `resume` it. Absent: the server names the job in its `started` event.
   */
  jobId?: string;
}

export type StartResult = Started<GenerationEvent>;

function refuse(message: string, param: string | null, code: string): { ok: false; error: GenerationError } {
  return { ok: false, error: { status: 400, message, type: 'invalid_request_error', param, code } };
}

function failed(e: ApiError): { ok: false; error: GenerationError } {
  return { ok: false, error: { ...e.toBody().error, status: e.status } };
}

/** Check the uploads by their bytes against the model's rules (count, size, type, square, mask). */
function checkUploads(endpoint: ImageEndpoint, model: string, narrowing: Parameters<typeof capsFor>[2], taken: TakenUploads): Uploads | ApiError {
  if (endpoint === 'generate') return {};
  const caps = capsFor(model, endpoint, narrowing)!;
  const { images, mask, markup } = taken;
  const toChecked = (u: Upload, field: string) => ({ bytes: u.bytes, field, filename: u.filename });
  try {
    const checked = validateImageFiles(caps, images.map((u) => toChecked(u, 'image')), mask && toChecked(mask, 'mask'), model);
    if (markup) checkMarkup(toChecked(markup, MARKUP_FIELD), caps, checked.images[0].info);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  return { images: images.map(asFile), mask: mask && asFile(mask), ...(markup ? { markup: asFile(markup) } : {}) };
}

/** A generation, edit or variation, through the one lifecycle (lifecycle.ts) under the job the browser named. */
export function startGeneration(input: GenerationInput, user: User): Promise<StartResult> {
  return runJob(user, input.jobId, GENERATION_REPLAY, (job) => prepare(input, user, job));
}

export function resumeGeneration(jobId: unknown, user: User): StartResult {
  return resumeJob(jobId, user, GENERATION_REPLAY);
}

async function prepare(input: GenerationInput, user: User, job: JobHandle): Promise<Preparation<GenerationEvent>> {
  const taken = takeInputUploads(user.id, input);
  if (taken instanceof ApiError) return failed(taken);
  const provider = await findProvider(input.provider);
  if (!provider) return refuse(`Provider '${String(input.provider)}' is not configured on this server.`, 'provider', 'invalid_value');
  // A shut-down model is refused here, naming its date and replacement, before anything goes upstream.
  const shut = typeof input.fields.model === 'string' ? shutDownMessage(input.fields.model, provider) : undefined;
  if (shut) return refuse(shut, 'model', 'model_shut_down');
  const endpoint = input.endpoint ?? 'generate';
  // The validator sees which files come (by id, not in the fields) for its rules: gif or markup with a mask.
  const withFiles = { ...input.fields, ...(taken.mask ? { mask: 'uploaded' } : {}), ...(taken.markup ? { [MARKUP_FIELD]: 'uploaded' } : {}) };
  const checked = checkImageRequest(endpoint, endpoint === 'generate' ? input.fields : withFiles, { narrowing: provider.narrowing, models: provider.models });
  if (!checked.ok) return failed(checked.error);
  const req = checked.request;
  const uploads = checkUploads(endpoint, req.model, provider.narrowing, taken);
  if (uploads instanceof ApiError) return failed(uploads);
  // Policy, rate limits and the spend cap, before anything is sent upstream; settled and audited when it ends.
  const admitted = await admitGeneration({ user, provider, request: req, fields: input.fields, uploads, userKey: input.userKey });
  if (!admitted.ok) return admitted;
  const gate = admitted.gate;
  // On Azure the body names the deployment (deployments.ts); everything else goes as validated.
  const wire = toWire({ ...req, modelName: upstreamModel(provider, req.modelName) });
  const client = createClient(provider, req.model, undefined, gate.apiKey);
  const headers = simulationHeaders(provider, input.simulate);
  const opts: CallOptions = { signal: job.signal, headers };

  const work = async (emit: (e: GenerationEvent) => void) => {
    // A tile that fails or is cancelled ends with its own event; what it streamed before stays.
    const settle = (tile: number | null) => (e: unknown) => {
      const error = e instanceof StreamFailure ? e.failure : toGenerationError(e);
      emit(error ? { type: 'error', tile, error: { ...error, provider: provider.id } } : { type: 'cancelled', tile });
    };
    emit({ type: 'started', jobId: job.id, tiles: req.n, streaming: req.stream });
    if (req.stream) {
      // On the offline API, tell the parallel requests apart, or its determinism would make n equal images.
      const optsFor = (tile: number): CallOptions =>
        simulated(provider) && req.n > 1 ? { ...opts, headers: { ...headers, 'x-offline-variant': String(tile) } } : opts;
      await Promise.all(Array.from({ length: req.n }, (_, tile) => streamOne(client, wire, uploads, tile, optsFor(tile), emit).catch(settle(tile))));
    } else {
      await batch(client, wire, uploads, opts, emit).catch(settle(null));
    }
  };
  return { ok: true, prepared: { gate, work } };
}
