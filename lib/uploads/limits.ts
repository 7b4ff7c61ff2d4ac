/**
 * How much the upload store takes: one file, one person's waiting uploads, everyone's. The file limit and the
 * per-person default come from the model registry (the largest input image or mask any model accepts, and the
 * largest edit: 16 images and a mask), so a maximal edit always fits; the rest are operator knobs.
 */
import { MODELS } from '../models/registry';
import { envNumber } from '../pipeline/env-number.server';

const MB = 1024 * 1024;

export interface UploadLimits {
  /** One upload: the largest image or mask any model accepts. */
  fileBytes: number;
  /** One person's uploads waiting to be used, together (UPLOAD_USER_MB). */
  userBytes: number;
  /** Everyone's uploads waiting to be used, together (UPLOAD_TOTAL_MB). */
  totalBytes: number;
  /** An upload not used within this long is forgotten (UPLOAD_RETENTION_MIN). */
  keepMs: number;
}

function fromRegistry(): { fileBytes: number; requestBytes: number } {
  let fileBytes = 0;
  let requestBytes = 0;
  for (const model of MODELS) {
    for (const caps of Object.values(model.endpoints)) {
      const images = caps?.images ? caps.images.maxCount * caps.images.maxBytes : 0;
      const mask = caps?.mask?.maxBytes ?? 0;
      fileBytes = Math.max(fileBytes, caps?.images?.maxBytes ?? 0, mask);
      requestBytes = Math.max(requestBytes, images + mask);
    }
  }
  return { fileBytes, requestBytes };
}

const REGISTRY = fromRegistry();

/** Read on every use, so a test (or an operator's restart) sees its environment. */
export function uploadLimits(env: Record<string, string | undefined> = process.env): UploadLimits {
  return {
    fileBytes: REGISTRY.fileBytes,
    userBytes: envNumber('UPLOAD_USER_MB', REGISTRY.requestBytes / MB, env) * MB,
    totalBytes: envNumber('UPLOAD_TOTAL_MB', 1024, env) * MB,
    keepMs: envNumber('UPLOAD_RETENTION_MIN', 30, env) * 60_000,
  };
}

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < MB ? 2 : bytes < 10 * MB ? 1 : 0)} MB`;
}
