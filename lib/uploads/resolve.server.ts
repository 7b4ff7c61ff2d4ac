import 'server-only';
/**
 * Upload ids in an action's input, turned back into the uploads they name. Each is taken from the store (an
 * upload serves one request); an id that is unknown, expired, already used or another user's is refused with a
 * 400 naming the field, and never says which of those it was.
 */
import { ApiError, invalid, typeName } from '../errors/api-error';
import { uploadStore, type Upload } from './store.server';

function notFound(field: string, id: unknown): ApiError {
  return invalid(
    field,
    'upload_not_found',
    `Invalid '${field}': upload '${String(id).slice(0, 64)}' is not on this server. It was already used by another request, expired (UPLOAD_RETENTION_MIN), or the server restarted. Attach the image again.`,
  );
}

/** A list of ids (absent: none). Every id is taken before any is refused, so none is left behind. */
export function takeUploads(owner: string, ids: unknown, field: string): Upload[] | ApiError {
  if (ids === undefined || ids === null) return [];
  if (!Array.isArray(ids)) return invalid(field, 'invalid_type', `Invalid type for '${field}': expected an array of upload ids, but got ${typeName(ids)} instead.`);
  const store = uploadStore();
  const taken = ids.map((id) => store.take(owner, id));
  const missing = taken.findIndex((u) => !u);
  if (missing >= 0) return notFound(`${field}[${missing}]`, ids[missing]);
  return taken as Upload[];
}

/** One id (absent: undefined). */
export function takeUpload(owner: string, id: unknown, field: string): Upload | undefined | ApiError {
  if (id === undefined || id === null) return undefined;
  if (typeof id !== 'string') return invalid(field, 'invalid_type', `Invalid type for '${field}': expected an upload id, but got ${typeName(id)} instead.`);
  return uploadStore().take(owner, id) ?? notFound(field, id);
}

export interface TakenUploads {
  images: Upload[];
  mask?: Upload;
  markup?: Upload;
}

/**
 * The images and mask an action's input names (`imageIds`, `maskId`), taken first thing: a request refused for
 * any reason has still used them, so they do not wait out UPLOAD_RETENTION_MIN against the person's budget.
 */
export function takeInputUploads(owner: string, input: { imageIds?: unknown; maskId?: unknown; markupId?: unknown }): TakenUploads | ApiError {
  const images = takeUploads(owner, input.imageIds, 'imageIds');
  const mask = takeUpload(owner, input.maskId, 'maskId');
  const markup = takeUpload(owner, input.markupId, 'markupId');
  if (images instanceof ApiError) return images;
  if (mask instanceof ApiError) return mask;
  if (markup instanceof ApiError) return markup;
  return { images, mask, ...(markup ? { markup } : {}) };
}

/** An upload as the File the SDK sends upstream (name and type as the upload route recorded them). */
export function asFile(upload: Upload): File {
  return new File([upload.bytes as BlobPart], upload.filename, { type: upload.mime });
}
