import 'server-only';
/**
 * POST /api/uploads: one image per request, as the raw body (its own bytes, not a multipart form: the browser
 * sends a File as a fetch body with its exact Content-Length, and the server reads it as a stream without a
 * form parser, which would buffer the whole body before we could count it). The file name travels URI-encoded
 * in `x-filename`. The caller's session was checked from the headers before this runs (withUser); here the
 * declared length is refused at once if it is over a limit, the body is read against the limits, and the bytes
 * are sniffed: only PNG, JPEG and WebP images are kept. Answers `{ id, bytes, mime, width, height }`.
 */
import { ApiError, invalid } from '../errors/api-error';
import { apiErrorFor } from '../errors/codes';
import { MIME, sniffImage } from '../images/sniff';
import type { User } from '../access/user.server';
import { declaredLength, readUpload } from './read-body.server';
import { uploadStore } from './store.server';

export interface UploadAnswer {
  id: string;
  bytes: number;
  mime: string;
  width: number;
  height: number;
}

const NO_STORE = { 'cache-control': 'no-store' };

function refuse(e: ApiError): Response {
  return Response.json(e.toBody(), { status: e.status, headers: { ...NO_STORE, ...e.headers } });
}

/** The name the browser gave the file, for the upstream request and messages; never a path. */
export function filenameFrom(header: string | null, type: string): string {
  let name = '';
  try {
    name = decodeURIComponent(header ?? '');
  } catch {
    name = '';
  }
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 200);
  return name || `upload.${type}`;
}

/**
 * A browser's upload from another site is refused, as Next.js refuses such a server action: the Origin a browser
 * sends must name this host (the Host header, or X-Forwarded-Host from the reverse proxy). Scripts send no Origin.
 */
export function foreignOrigin(headers: Headers): string | null {
  const origin = headers.get('origin');
  if (!origin) return null;
  const host = headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host');
  let from: string;
  try {
    from = new URL(origin).host;
  } catch {
    return origin;
  }
  return from === host ? null : origin;
}

export async function receiveUpload(request: Request, user: User): Promise<Response> {
  const foreign = foreignOrigin(request.headers);
  if (foreign) {
    return refuse(apiErrorFor('forbidden_origin', `Uploads from another site are refused: Origin '${foreign.slice(0, 100)}' is not this server.`));
  }
  const declared = declaredLength(request.headers);
  const store = uploadStore();
  // Before a byte of the body is read: a declared length over a limit is refused here.
  const reservation = store.reserve(user.id, declared ?? 0);
  if (reservation instanceof ApiError) return refuse(reservation);
  try {
    const bytes = await readUpload(request.body, declared, reservation);
    const info = sniffImage(bytes);
    if (!info) {
      throw invalid('file', 'invalid_image_format', `The bytes are not a PNG, JPEG or WebP image (${bytes.byteLength} bytes). Upload an image file.`);
    }
    const upload = reservation.commit(bytes, { mime: MIME[info.type], width: info.width, height: info.height, filename: filenameFrom(request.headers.get('x-filename'), info.type) });
    const answer: UploadAnswer = { id: upload.id, bytes: bytes.byteLength, mime: upload.mime, width: info.width, height: info.height };
    return Response.json(answer, { status: 201, headers: NO_STORE });
  } catch (e) {
    reservation.release();
    if (e instanceof ApiError) return refuse(e);
    throw e;
  }
}
