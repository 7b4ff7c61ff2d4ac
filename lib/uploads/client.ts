/**
 * The browser side of POST /api/uploads, shared by the studio (references, mask) and the chat (attachments,
 * mask): every file goes up in parallel as its own raw body, and the action that follows carries only the ids.
 * A refusal names the field the person would fix (the action's field for that image) and the file.
 */
import type { GenerationError } from '../generation/events';
import type { UploadAnswer } from './receive.server';

export interface UploadItem {
  blob: Blob;
  name: string;
  /** The request field this image is (`image[1]`, `mask`, `input[0].content[1]`): what an error names. */
  field: string;
}

export type UploadResult = { ok: true; ids: string[] } | { ok: false; error: GenerationError };

export const UPLOAD_URL = '/api/uploads';

async function uploadOne(item: UploadItem, signal: AbortSignal): Promise<UploadAnswer | GenerationError> {
  let res: Response;
  try {
    res = await fetch(UPLOAD_URL, {
      method: 'POST',
      body: item.blob,
      headers: { 'content-type': item.blob.type || 'application/octet-stream', 'x-filename': encodeURIComponent(item.name) },
      signal,
    });
  } catch (e) {
    return { status: 0, message: `'${item.name}' could not be uploaded: ${e instanceof Error ? e.message : String(e)}`, type: 'connection_error', param: item.field, code: 'connection_error' };
  }
  const body = (await res.json().catch(() => null)) as (UploadAnswer & { error?: GenerationError }) | null;
  if (res.ok && body?.id) return body;
  const error = body?.error;
  // Signed out: the same error every action gives, so the caller treats it the same way.
  if (res.status === 401 && error) return { ...error, status: 401 };
  return {
    status: res.status,
    message: `'${item.name}' was not uploaded: ${error?.message ?? `the server answered HTTP ${res.status}.`}`,
    type: error?.type ?? 'invalid_request_error',
    param: item.field,
    code: error?.code ?? (res.status === 413 ? 'file_too_large' : null),
  };
}

/**
 * Upload every item at once; the ids come back in the items' order. The first refusal stops the rest (uploads
 * already done are left for the server to forget, UPLOAD_RETENTION_MIN). `signal` aborts them all (Cancel).
 */
export async function uploadAll(items: UploadItem[], signal?: AbortSignal): Promise<UploadResult> {
  if (!items.length) return { ok: true, ids: [] };
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    let failure: GenerationError | undefined;
    const answers = await Promise.all(
      items.map(async (item) => {
        const answer = await uploadOne(item, stop.signal);
        if ('status' in answer && !failure) {
          failure = answer;
          stop.abort();
        }
        return answer;
      }),
    );
    if (failure) return { ok: false, error: failure };
    return { ok: true, ids: answers.map((a) => (a as UploadAnswer).id) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
