import 'server-only';
/**
 * `POST /files` (multipart: `file`, `purpose`, optional `expires_after[anchor]` / `expires_after[seconds]`) and
 * `GET /files/{id}` of the offline API (api-reference §6.3). Files live in memory for an hour at most, so a
 * `vision` upload can be named by `file_id` in an `input_image` or an `input_image_mask`.
 */
import { ApiError, invalid, listValues } from '../../errors/api-error';
import { checkAuth, type Flavor } from '../auth.server';
import { readBody, releaseBody } from '../body.server';
import { errorResponse, jsonResponse, requestId, toApiError } from '../http.server';
import { FILE_TTL_MS, getFile, newId, putFile, type FileMeta } from './store.server';

const PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'] as const;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function handleCreateFile(request: Request, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    const body = await readBody(request);
    if (!body.fromForm) throw invalid(null, 'invalid_content_type', "POST /files takes multipart/form-data with 'file' and 'purpose'.");
    for (const key of Object.keys(body.fields)) {
      if (!['file', 'purpose', 'expires_after[anchor]', 'expires_after[seconds]'].includes(key)) {
        throw invalid(key, 'unknown_parameter', `Unknown parameter: '${key.slice(0, 80)}'.`);
      }
    }
    const purpose = body.fields.purpose;
    if (purpose === undefined) throw invalid('purpose', 'missing_required_parameter', "Missing required parameter: 'purpose'.");
    if (typeof purpose !== 'string' || !(PURPOSES as readonly string[]).includes(purpose)) {
      throw invalid('purpose', 'invalid_value', `Invalid value: '${String(purpose).slice(0, 80)}'. Supported values are: ${listValues(PURPOSES)}.`);
    }
    const file = body.files.find((f) => f.field === 'file');
    if (!file) throw invalid('file', 'missing_required_parameter', "Missing required parameter: 'file'.");
    if (file.bytes.byteLength === 0) throw invalid('file', 'empty_file', "Invalid 'file': the file is empty.");
    if (file.bytes.byteLength > MAX_FILE_BYTES) throw invalid('file', 'file_too_large', "Invalid 'file': the offline API keeps files up to 64 MB.");

    const now = Math.floor(Date.now() / 1000);
    let expiresAt = now + FILE_TTL_MS / 1000;
    const anchor = body.fields['expires_after[anchor]'];
    const seconds = body.fields['expires_after[seconds]'];
    if (anchor !== undefined || seconds !== undefined) {
      if (anchor !== 'created_at') throw invalid('expires_after.anchor', 'invalid_value', `Invalid value: '${String(anchor ?? '')}'. Supported values are: 'created_at'.`);
      const s = Number(seconds);
      if (typeof seconds !== 'string' || !/^\d+$/.test(seconds) || s < 3600 || s > 2592000) {
        throw invalid('expires_after.seconds', 'invalid_value', `Invalid 'expires_after.seconds': expected an integer between 3600 and 2592000, but got '${String(seconds ?? '').slice(0, 20)}'.`);
      }
      // Kept in memory for an hour at most whatever is asked; the answer says what was asked.
      expiresAt = now + s;
    }
    const meta: FileMeta = {
      id: newId('file-', 12),
      object: 'file',
      bytes: file.bytes.byteLength,
      created_at: now,
      filename: file.filename ?? 'file',
      purpose,
      status: 'processed',
      expires_at: expiresAt,
    };
    putFile(meta, Buffer.from(file.bytes));
    return jsonResponse(meta, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  } finally {
    releaseBody(request);
  }
}

export async function handleGetFile(request: Request, fileId: string, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    const f = getFile(fileId);
    if (!f) throw new ApiError(404, { message: `No such File object: ${fileId.slice(0, 80)}`, type: 'invalid_request_error', param: 'id', code: null });
    return jsonResponse(f.meta, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
}
