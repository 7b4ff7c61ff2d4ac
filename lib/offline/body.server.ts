import 'server-only';
/**
 * Read an offline API request body: JSON, or multipart / urlencoded forms (every value a string, files apart).
 * Malformed, truncated or oversized bodies become OpenAI-shaped 4xx errors, never a crash.
 */
import { ApiError, invalid } from '../errors/api-error';
import { apiErrorFor } from '../errors/codes';
import { hold, overBudget } from '../pipeline/memory.server';
import type { UploadedFile } from '../models/validate-files';

export interface ParsedBody {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  fromForm: boolean;
}

const MB = 1024 * 1024;
/** A 32,000-character prompt is at most ~128 kB of UTF-8; JSON bodies have no reason to be larger than this. */
export const MAX_JSON_BYTES = 2 * MB;
/** 16 images of 50 MB and a 4 MB mask, plus form overhead. */
export const MAX_FORM_BYTES = 16 * 50 * MB + 5 * MB;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, {
    message: `Request body too large: the limit is ${Math.round(limit / MB)} MB.`,
    type: 'invalid_request_error',
    code: 'request_too_large',
  });
}

const NOT_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/** Read at most `limit` bytes of the body as text, refusing more without buffering it all. */
async function readCapped(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    try {
      holdBody(request, value.byteLength);
    } catch (e) {
      await reader.cancel().catch(() => {});
      throw e;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Body bytes held per request, given back by releaseBody when its handler is done (memory.ts budget). */
const heldFor = new WeakMap<Request, (() => void)[]>();

/** Count `bytes` of `request`'s body against the memory budget, or refuse with server_busy. */
function holdBody(request: Request, bytes: number): void {
  const busy = overBudget(bytes);
  if (busy) throw apiErrorFor('server_busy', busy);
  const list = heldFor.get(request) ?? [];
  list.push(hold('offline API bodies', bytes));
  heldFor.set(request, list);
}

/** The handler has answered: its body no longer counts against the memory budget. */
export function releaseBody(request: Request): void {
  for (const release of heldFor.get(request) ?? []) release();
  heldFor.delete(request);
}

/**
 * The body as a stream that fails once more than `limit` bytes went through: a chunked upload (no
 * Content-Length) cannot make the form parser buffer more than the limit. `onChunk` may refuse a chunk by throwing.
 */
export function capBody(body: ReadableStream<Uint8Array>, limit: number, onChunk: (bytes: number) => void = () => {}): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean; refused: () => ApiError | undefined } {
  let total = 0;
  let over = false;
  let refusal: ApiError | undefined;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) {
          over = true;
          controller.error(tooLarge(limit));
          return;
        }
        try {
          onChunk(chunk.byteLength);
        } catch (e) {
          refusal = e instanceof ApiError ? e : apiErrorFor('server_busy', String(e));
          controller.error(refusal);
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => over, refused: () => refusal };
}

async function readForm(request: Request, type: string): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > MAX_FORM_BYTES) throw tooLarge(MAX_FORM_BYTES);
  if (!request.body) return request.formData();
  // The parsed files are copied once more (arrayBuffer below): count each byte twice while the request runs.
  const capped = capBody(request.body, MAX_FORM_BYTES, (n) => holdBody(request, 2 * n));
  try {
    return await new Response(capped.stream, { headers: { 'content-type': type } }).formData();
  } catch (e) {
    if (capped.exceeded()) throw tooLarge(MAX_FORM_BYTES);
    const refused = capped.refused();
    if (refused) throw refused;
    throw e;
  }
}

export async function readBody(request: Request): Promise<ParsedBody> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await readForm(request, request.headers.get('content-type') ?? type);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw invalid(null, 'invalid_multipart', 'Could not parse the multipart form body: it is malformed or was cut short. Send multipart/form-data with a boundary and complete parts.');
    }
    const fields: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        if (name === 'image' || name === 'image[]' || name === 'mask') {
          throw invalid(name, 'invalid_type', `Invalid type for '${name}': expected a file upload, but got a string instead.`);
        }
        fields[name] = value;
      } else {
        files.push({ bytes: new Uint8Array(await value.arrayBuffer()), field: name, filename: value.name || undefined });
        fields[name] = true;
      }
    }
    return { fields, files, fromForm: true };
  }
  if (type && !type.startsWith('application/json') && !type.startsWith('text/plain')) {
    throw invalid(null, 'unsupported_content_type', `Unsupported Content-Type '${type.split(';')[0]}'. Send application/json (or multipart/form-data for edits and variations).`);
  }
  const text = await readCapped(request, MAX_JSON_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(null, null, NOT_JSON);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(null, 'invalid_type', 'Invalid body: expected a JSON object.');
  }
  return { fields: parsed as Record<string, unknown>, files: [], fromForm: false };
}
