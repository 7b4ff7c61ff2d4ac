import 'server-only';
/**
 * The offline image API's Images endpoints: generations, edits, variations, in OpenAI and Azure flavours.
 * Validates with the registry, renders synthetic images, answers as JSON or as an SSE stream.
 * On the OpenAI-style routes a model shut down on OpenAI is a 404 model_not_found unless retired models are served
 * (lineup.server.ts); billed output image tokens follow the simulated billing scale (faults.ts).
 */
import { createHash } from 'node:crypto';
import { ApiError, invalid, wrongType } from '../errors/api-error';
import { capsFor } from '../models/caps';
import { findModel, getModel } from '../models/registry';
import { parseSize, resolveAutoSize, type Dimensions } from '../models/sizes';
import type { Background, EndpointCaps, ModelId, OutputFormat } from '../models/types';
import { validateImageFiles, type CheckedImage } from '../models/validate-files';
import { gifSquareCap, validateImageRequest, type ImageEndpoint, type ImageRequest } from '../models/validate';
import { imagesUsage, type ImagesUsage } from '../cost/usage';
import type { TokenQuality } from '../cost/tokens';
import { checkAuth, type Flavor } from './auth.server';
import { readBody, releaseBody } from './body.server';
import { checkDecodable } from './decode.server';
import { billingScaleFrom, contentFilterError, faultFrom, hang, variantFrom, latencyMs, moderationError, rateLimitError, serverError, sleep, type Fault } from './faults';
import { azureImageModels, checkImageModel, serveRetired, servedImageModels } from './lineup.server';
import { DETAIL, hasGenerationId, newGenerationId, readsInputsAtHighFidelity, resolveQuality } from './quality.server';
import { errorResponse, jsonResponse, requestId, sseHeaders, sseRecord, toApiError } from './http.server';
import { renderEdit, renderGeneration, renderGifEdit, renderGifGeneration, renderVariation, type EditInputs, type EncodeOptions, type GifOptions } from './render.server';
import { checkMarkupUpload, markupNote } from './markup.server';
import { authorSvg, plantHostile, svgUsage, type SvgUsage } from './svg-output.server';
import type { SceneSpec } from './scene.server';
import { putImage } from './url-store.server';
import { bearerOf, checkApiVersion } from './azure-auth.server';
import { azureContentFault, azureGateFault, type FaultContext } from './azure-faults.server';
import { deploymentModel, deploymentNotFound } from './azure-deployments.server';

export type ImagesOperation = 'generations' | 'edits' | 'variations';

const ENDPOINT: Record<ImagesOperation, ImageEndpoint> = { generations: 'generate', edits: 'edit', variations: 'variation' };

/** Azure narrows the registry: no webp (api-reference §8). */
const AZURE_NARROWING = { excludeOutputFormats: ['webp'] as const };

/** Everything `auto` resolved: what the offline API actually makes and echoes back. */
interface Plan {
  req: ImageRequest;
  caps: EndpointCaps;
  family: 'gpt-image' | 'dall-e';
  dims: Dimensions;
  quality: TokenQuality | 'standard' | 'hd';
  background: Exclude<Background, 'auto'>;
  format: OutputFormat;
  /** Render resolution as a share of full size: lower quality looks blockier. */
  detail: number;
  images: CheckedImage[];
  mask?: CheckedImage;
  /** gpt-image-2.6's markup-guided edit: the marks layer (api-2026-12 §2.4). */
  markup?: CheckedImage;
  /** output_format gif: the frames and their delay, defaults filled in (§2.2). */
  gif?: GifOptions;
  /** The `hostile_svg` fault: the SVG carries scripts, handlers and external references (faults.ts). */
  hostileSvg?: boolean;
  seed: string;
  /** Simulated billing drift: billed output image tokens × this (1 = the tables). */
  billingScale: number;
}

function hashBytes(items: Uint8Array[]): string {
  const h = createHash('sha256');
  for (const b of items) h.update(b);
  return h.digest('hex').slice(0, 16);
}

/**
 * `size: auto` for a GIF: a frame the service would choose under the frame caps (§2.2): up to 768² pixels, less
 * when the frame count's square cap is smaller, in the first image's proportions on an edit; sides multiples of 16.
 */
function autoGifFrame(caps: EndpointCaps, frames: number, reference?: Dimensions): Dimensions {
  const side = Math.min(768, (caps.gif && gifSquareCap(frames, caps.gif)) || 768);
  if (!reference) return { width: side, height: side };
  const aspect = Math.min(3, Math.max(1 / 3, reference.width / reference.height));
  const snap = (v: number) => Math.max(16, Math.floor(v / 16) * 16);
  return { width: snap(side * Math.sqrt(aspect)), height: snap(side / Math.sqrt(aspect)) };
}

/** The frame sheet a GIF's frames are laid out on (3×3 for 9, 4×3 for 12, 4×4 for 16; §2.2), billed as one image (§3). */
export function gifSheet(frame: Dimensions, frames: number): Dimensions {
  const cols = Math.ceil(Math.sqrt(frames));
  return { width: frame.width * cols, height: frame.height * Math.ceil(frames / cols) };
}

function plan(req: ImageRequest, caps: EndpointCaps, images: CheckedImage[], mask: CheckedImage | undefined, markup: CheckedImage | undefined, variant: string, billingScale: number): Plan {
  const family = getModel(req.model).family;
  const first = images[0]?.info;
  const gif = req.outputFormat === 'gif' && caps.gif
    ? { frames: req.frameCount ?? caps.gif.frameCount.default, delayMs: req.frameDurationMs ?? caps.gif.frameDurationMs.default }
    : undefined;
  const dims = req.size !== 'auto' ? parseSize(req.size)! : gif ? autoGifFrame(caps, gif.frames, first) : resolveAutoSize(caps, first);
  const quality = family === 'dall-e' ? (req.quality === 'hd' ? 'hd' : 'standard') : resolveQuality(req.model, req.quality, req.prompt);
  const format: OutputFormat = req.outputFormat ?? 'png';
  // `auto` picks transparent only when the prompt asks for it and the format can carry it, as the model would.
  const wantsTransparent = /\btransparen(t|cy)\b/i.test(req.prompt) && format !== 'jpeg';
  const background = req.background && req.background !== 'auto' ? req.background : wantsTransparent && family === 'gpt-image' ? 'transparent' : 'opaque';
  const seed = JSON.stringify([req.endpoint, req.model, req.prompt, dims, quality, background, req.style ?? null, hashBytes(images.map((i) => i.bytes)), mask ? hashBytes([mask.bytes]) : null, variant, req.complexity ?? null]);
  return { req, caps, family, dims, quality, background, format, detail: DETAIL[quality], images, mask, markup, gif, seed, billingScale };
}

function sceneFor(p: Plan, index: number): SceneSpec {
  return {
    prompt: p.req.prompt || 'variation',
    width: p.dims.width,
    height: p.dims.height,
    caption: `${p.req.modelName} · ${p.dims.width}x${p.dims.height} · ${p.quality}`.toUpperCase(),
    transparent: p.background === 'transparent',
    seed: `${p.seed}\u0000${index}`,
    ...(p.req.complexity ? { complexity: p.req.complexity } : {}),
  };
}

function encodeOptions(p: Plan): EncodeOptions {
  return { format: p.format, compression: p.req.outputCompression, transparent: p.background === 'transparent' };
}

/** Render image `index` at `detail`: the one place that picks generation, edit or variation. */
async function render(p: Plan, index: number, detail: number): Promise<Buffer> {
  if (p.req.endpoint === 'variation') return renderVariation(p.images[0].bytes, p.dims.width, index, p.seed);
  const transparent = p.background === 'transparent';
  if (p.req.endpoint === 'edit') {
    const inputs: EditInputs = { images: p.images.map((i) => i.bytes), mask: p.mask?.bytes, maskFromImageAlpha: !!p.caps.maskFromImageAlpha, markup: p.markup?.bytes };
    if (p.gif) return renderGifEdit(sceneFor(p, index), inputs, detail, p.gif, transparent);
    return renderEdit(sceneFor(p, index), inputs, detail, encodeOptions(p));
  }
  if (p.gif) return renderGifGeneration(sceneFor(p, index), detail, p.gif, transparent);
  // SVG: the authoring model's document, written from the reference raster's scene (svg-output.server.ts).
  if (p.format === 'svg' && p.req.svg) {
    const doc = authorSvg(sceneFor(p, index), p.req.svg);
    return Buffer.from(p.hostileSvg ? plantHostile(doc) : doc, 'utf8');
  }
  return renderGeneration(sceneFor(p, index), detail, encodeOptions(p));
}

/** The usage as billed: output image tokens × the billing scale, rounded; totals follow. */
function billed(u: ImagesUsage | null, scale: number): ImagesUsage | null {
  if (!u || scale === 1) return u;
  const image = Math.round(u.output_tokens_details.image_tokens * scale);
  const output = image + u.output_tokens_details.text_tokens;
  return { ...u, output_tokens: output, output_tokens_details: { ...u.output_tokens_details, image_tokens: image }, total_tokens: u.input_tokens + output };
}

function usageFor(p: Plan, n: number, outputOnly = false): ImagesUsage | null {
  if (p.family !== 'gpt-image') return null;
  return billed(imagesUsage({
    model: p.req.model,
    prompt: p.req.prompt,
    // A GIF is billed as one image the size of its frame sheet (api-2026-12 §3, inferred, not confirmed).
    size: p.gif ? gifSheet(p.dims, p.gif.frames) : p.dims,
    quality: p.quality as TokenQuality,
    n,
    partialImages: p.req.stream ? p.req.partialImages : 0,
    inputImages: p.images.map((i) => ({ width: i.info.width, height: i.info.height })),
    inputFidelity: readsInputsAtHighFidelity(p.req.model) ? 'high' : p.req.inputFidelity,
    outputOnly,
  }), p.billingScale);
}

/** The settings echoed in answers and stream events (GPT image models only; resolved, never `auto`). */
function echo(p: Plan) {
  return {
    background: p.background,
    output_format: p.format,
    size: `${p.dims.width}x${p.dims.height}`,
    quality: p.quality as TokenQuality,
  };
}

function revisedPrompt(prompt: string): string {
  return `${prompt.trim().replace(/[.!]*$/, '')}, shown as a synthetic offline test image: flat shapes on a soft gradient, with the prompt printed along the bottom.`;
}

async function answerJson(p: Plan, origin: string, id: string, latency: number, signal: AbortSignal): Promise<Response> {
  const images = await Promise.all(Array.from({ length: p.req.n }, (_, i) => render(p, i, p.detail)));
  await sleep(latency, signal);
  const asUrl = p.family === 'dall-e' && (p.req.responseFormat ?? p.caps.defaults.responseFormat) === 'url';
  const withGenerationId = hasGenerationId(p.req.model);
  // A markup edit says what it did with the marks where the Image object has room for it: revised_prompt.
  const markupSaid = p.markup ? (await markupNote(p.req.prompt, p.markup.bytes, p.dims.width, p.dims.height)).note : undefined;
  const data = images.map((bytes) => {
    const item: { b64_json?: string; url?: string; revised_prompt?: string; generation_id?: string } = {};
    if (asUrl) item.url = `${origin}/api/offline/images/${putImage(bytes, p.format)}`;
    else item.b64_json = bytes.toString('base64');
    if (p.req.model === 'dall-e-3') item.revised_prompt = revisedPrompt(p.req.prompt);
    if (markupSaid) item.revised_prompt = markupSaid;
    if (withGenerationId) item.generation_id = newGenerationId();
    return item;
  });
  const body: Record<string, unknown> = { created: Math.floor(Date.now() / 1000), data };
  if (p.family === 'gpt-image') Object.assign(body, echo(p), { usage: usageFor(p, p.req.n) });
  // SVG: the authoring model's tokens, beside the reference raster's `usage` (§2.5).
  if (p.format === 'svg' && p.req.svg) {
    body.svg_usage = svgUsage(images[0].toString('utf8'), p.req.prompt, p.dims, p.req.svg) satisfies SvgUsage;
  }
  return jsonResponse(body, 200, id);
}

/**
 * The SSE answer: per image, `partial_images` partials at rising detail, then `*.completed` with usage.
 * Images of n > 1 follow one another; input tokens are counted on the first image's usage only.
 */
function answerStream(p: Plan, id: string, latency: number, fault: Fault | null, signal: AbortSignal): Response {
  const prefix = p.req.endpoint === 'edit' ? 'image_edit' : 'image_generation';
  const steps = p.req.partialImages + 1;
  const encoder = new TextEncoder();
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (let i = 0; i < p.req.n && !cancelled; i++) {
          for (let k = 0; k < p.req.partialImages && !cancelled; k++) {
            const [bytes] = await Promise.all([render(p, i, p.detail / 2 ** (p.req.partialImages - k)), sleep(latency / steps, signal)]);
            if (cancelled) return;
            controller.enqueue(encoder.encode(sseRecord(`${prefix}.partial_image`, {
              b64_json: bytes.toString('base64'), created_at: Math.floor(Date.now() / 1000), ...echo(p), partial_image_index: k,
            })));
            if (fault === 'stream_cut') return cut(controller);
            if (fault === 'stall') return hang(signal, () => cancelled);
          }
          if (fault === 'stream_cut') return cut(controller);
          if (fault === 'stall') return hang(signal, () => cancelled);
          const [bytes] = await Promise.all([render(p, i, p.detail), sleep(latency / steps, signal)]);
          if (cancelled) return;
          controller.enqueue(encoder.encode(sseRecord(`${prefix}.completed`, {
            b64_json: bytes.toString('base64'), created_at: Math.floor(Date.now() / 1000), ...echo(p), usage: usageFor(p, 1, i > 0),
          })));
        }
        controller.close();
      } catch (e) {
        if (cancelled) return;
        const err = toApiError(e);
        controller.enqueue(encoder.encode(sseRecord('error', { error: err.toBody().error })));
        controller.close();
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  return new Response(stream, {
    status: 200,
    headers: sseHeaders(id),
  });
}

/**
 * Drop the connection after what was sent so far has left. Erroring a ReadableStream discards the chunks still
 * in its queue, so wait until the server has taken them (and a moment to write them), or the client would see
 * the cut before the partial image it is meant to receive first.
 */
async function cut(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
  for (let i = 0; i < 400 && (controller.desiredSize ?? 1) < 1; i++) await sleep(5);
  await sleep(50);
  controller.error(new Error('offline API: simulated stream cut'));
}

/** Send the first half of a JSON answer, then drop the connection. */
async function cutShort(answer: Response): Promise<Response> {
  const bytes = new Uint8Array(await answer.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, bytes.length >> 1));
      void cut(controller);
    },
  });
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/**
 * An endpoint no served model offers (variations, once dall-e-2 is shut down): say so, rather than list no values.
 * A shut-down model named in the body has had its 404 already.
 */
function checkEndpointServed(endpoint: ImageEndpoint, models: readonly string[], fields: Record<string, unknown>): void {
  if (models.some((id) => findModel(id)?.endpoints[endpoint])) return;
  const what = { variation: 'image variations', edit: 'image edits', generate: 'image generation' }[endpoint];
  const named = typeof fields.model === 'string';
  throw invalid('model', named ? 'invalid_value' : 'missing_required_parameter',
    `${named ? `Invalid value: '${String(fields.model).slice(0, 80)}'. ` : "Missing required parameter: 'model'. "}No model served today makes ${what}: dall-e-2, the only one that did, shut down on 2026-05-12. (The offline API serves it again with the x-offline-serve-retired: 1 header or OFFLINE_SERVE_RETIRED=1.)`);
}

function servesImages(model: string): boolean {
  return !!(capsFor(model, 'generate') || capsFor(model, 'edit') || capsFor(model, 'variation'));
}

/**
 * The model an Azure request runs: its deployment's (azure-deployments.server.ts). The deployment is in the path on
 * the dated route, in the body's `model` on v1. On the dated route a deployment no one knows may still be rescued
 * by a body `model` naming an image model, as before; otherwise Azure's 404 DeploymentNotFound.
 */
function azureModel(flavor: Extract<Flavor, { kind: 'azure' }>, fields: Record<string, unknown>): ModelId {
  const v1 = flavor.route === 'v1';
  let deployment = flavor.deployment;
  if (v1) {
    const m = fields.model;
    if (m === undefined || m === null || m === '') throw invalid('model', 'missing_required_parameter', "Missing required parameter: 'model'. On Azure's v1 route it names the deployment.");
    if (typeof m !== 'string') throw wrongType('model', 'a string', m);
    deployment = m;
  }
  const model = deploymentModel(deployment);
  if (model && servesImages(model)) return model as ModelId;
  const body = typeof fields.model === 'string' ? fields.model : '';
  if (!v1 && !model && body && (capsFor(body, 'generate') || capsFor(body, 'edit'))) return body as ModelId;
  if (model) {
    throw new ApiError(400, {
      message: `The images operation does not work with the specified model, ${model}. Please choose different model and try again.`,
      type: 'invalid_request_error',
      code: 'OperationNotSupported',
    });
  }
  throw deploymentNotFound(deployment);
}

export async function handleImages(op: ImagesOperation, request: Request, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    const url = new URL(request.url);
    const apiVersion = flavor.kind === 'azure' ? checkApiVersion(request, flavor.route ?? 'deployments') : 'preview';
    const fault = faultFrom(request.headers);
    const faultCtx: FaultContext = { operation: op, apiVersion, requestId: id, bearer: !!bearerOf(request.headers) };
    const gate = azureGateFault(fault, faultCtx);
    if (gate) throw gate;
    const billingScale = billingScaleFrom(request.headers);
    // Azure serves what its deployment names, whatever OpenAI's dates say.
    const retired = serveRetired(request.headers) || flavor.kind === 'azure';
    if (fault === 'rate_limit') throw rateLimitError();
    if (fault === 'server_error') throw serverError();

    const endpoint = ENDPOINT[op];
    const body = await readBody(request);
    const narrowing = flavor.kind === 'azure' ? AZURE_NARROWING : undefined;
    if (flavor.kind === 'azure') body.fields.model = azureModel(flavor, body.fields);
    // A model OpenAI shut down does not exist there any more: 404 before any of its parameters is looked at.
    else checkImageModel(body.fields.model, retired);
    const models = flavor.kind === 'azure' ? azureImageModels() : servedImageModels(retired);
    checkEndpointServed(endpoint, models, body.fields);
    const req = validateImageRequest(endpoint, body.fields, { fromForm: body.fromForm, narrowing, models });
    const caps = capsFor(req.model, endpoint, narrowing)!;

    let images: CheckedImage[] = [];
    let mask: CheckedImage | undefined;
    if (endpoint !== 'generate') {
      const uploads = body.files.filter((f) => f.field === 'image' || f.field === 'image[]');
      const maskUpload = body.files.find((f) => f.field === 'mask');
      ({ images, mask } = validateImageFiles(caps, uploads, maskUpload, req.model));
      await checkDecodable(images, mask);
    }
    const markup = endpoint === 'edit' ? await checkMarkupUpload(caps, body.fields, body.files, images[0]) : undefined;
    const p = plan(req, caps, images, mask, markup, variantFrom(request.headers), billingScale);
    p.hostileSvg = fault === 'hostile_svg';

    if (fault === 'moderation') throw moderationError(p.family, id);
    if (fault === 'content_filter') throw contentFilterError();
    const refused = azureContentFault(fault, { ...faultCtx, prompt: req.prompt });
    if (refused) throw refused;

    const latency = latencyMs(request.headers);
    if (req.stream) return answerStream(p, id, latency, fault, request.signal);
    // The n images of one request are made side by side, as the real service does: one latency, not n.
    const answer = await answerJson(p, url.origin, id, latency, request.signal);
    return fault === 'stream_cut' ? cutShort(answer) : answer;
  } catch (e) {
    return errorResponse(toApiError(e), id);
  } finally {
    releaseBody(request);
  }
}
