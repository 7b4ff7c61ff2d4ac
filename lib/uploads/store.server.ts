import 'server-only';
/**
 * Uploaded images waiting for the action that uses them (POST /api/uploads puts them here; `generate` and
 * `chat` take them by id). In memory, owned by User.id: another user's id is as unknown as a missing one. Ids
 * are random (144 bits), never derived from the content. An upload is taken (removed) when an action uses it,
 * and forgotten after UPLOAD_RETENTION_MIN if none does.
 *
 * Bytes are counted against three limits as they arrive, not after: one file (the registry's largest image),
 * one person's waiting uploads (UPLOAD_USER_MB) and everyone's (UPLOAD_TOTAL_MB). An upload in progress holds
 * a reservation that grows chunk by chunk, so parallel uploads cannot together overshoot a budget.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error';
import { megabytes, uploadLimits, type UploadLimits } from './limits';

export interface UploadFacts {
  /** From the bytes (lib/images/sniff.ts), never from the name or the declared type. */
  mime: string;
  width: number;
  height: number;
  filename: string;
}

export interface Upload extends UploadFacts {
  id: string;
  owner: string;
  bytes: Uint8Array;
  at: number;
}

export interface Reservation {
  /** Count `n` more bytes of this upload; an ApiError (413 or 429) when they do not fit a limit. */
  grow(n: number): ApiError | null;
  /** Keep the bytes under a new id; the reservation becomes the upload's share of the budgets. */
  commit(bytes: Uint8Array, facts: UploadFacts): Upload;
  /** The upload failed: give its bytes back. */
  release(): void;
}

export const UPLOAD_ID = /^upload-[A-Za-z0-9_-]{24}$/;

export function fileTooLarge(limit: number, size?: number): ApiError {
  const what = size === undefined ? 'This upload is larger than' : `This upload is ${megabytes(size)}; more than`;
  return new ApiError(413, {
    message: `${what} the limit for one file, ${megabytes(limit)} (the largest image or mask any model accepts).`,
    type: 'invalid_request_error',
    param: 'file',
    code: 'file_too_large',
  });
}

export class UploadStore {
  private items = new Map<string, Upload>();
  /** Bytes per owner, held and reserved. */
  private used = new Map<string, number>();
  private total = 0;

  constructor(
    private limits: () => UploadLimits = () => uploadLimits(),
    private now: () => number = Date.now,
  ) {}

  /** Bytes waiting (held and in progress): one owner's, or everyone's. */
  usage(owner?: string): number {
    this.sweep();
    return owner === undefined ? this.total : (this.used.get(owner) ?? 0);
  }

  /** Start an upload of `declared` bytes (0 when the length is not known: it grows as bytes arrive). */
  reserve(owner: string, declared = 0): Reservation | ApiError {
    this.sweep();
    let mine = 0;
    let open = true;
    const reservation: Reservation = {
      grow: (n) => {
        const limits = this.limits();
        if (mine + n > limits.fileBytes) return fileTooLarge(limits.fileBytes, declared > 0 ? declared : undefined);
        const userNow = this.used.get(owner) ?? 0;
        if (userNow + n > limits.userBytes) {
          return new ApiError(429, {
            message: `Your uploads waiting to be used would come to ${megabytes(userNow + n)}; the limit per person is ${megabytes(limits.userBytes)} (UPLOAD_USER_MB). Uploads are freed as soon as a generation uses them, or ${Math.round(limits.keepMs / 60_000)} minutes after they arrived.`,
            type: 'invalid_request_error',
            param: 'file',
            code: 'upload_budget_exceeded',
          });
        }
        if (this.total + n > limits.totalBytes) {
          return new ApiError(429, {
            message: `The server is holding ${megabytes(this.total)} of uploads waiting to be used; with this one it would pass its limit of ${megabytes(limits.totalBytes)} for everyone together (UPLOAD_TOTAL_MB). Try again in a minute.`,
            type: 'invalid_request_error',
            param: 'file',
            code: 'uploads_full',
          });
        }
        this.add(owner, n);
        mine += n;
        return null;
      },
      commit: (bytes, facts) => {
        if (!open) throw new Error('upload reservation used twice');
        open = false;
        // A declared length is exact (the HTTP parser holds the body to it); settle any difference anyway.
        this.add(owner, bytes.byteLength - mine);
        const upload: Upload = { ...facts, id: `upload-${randomBytes(18).toString('base64url')}`, owner, bytes, at: this.now() };
        this.items.set(upload.id, upload);
        return upload;
      },
      release: () => {
        if (!open) return;
        open = false;
        this.add(owner, -mine);
      },
    };
    const refused = declared > 0 ? reservation.grow(declared) : null;
    return refused ?? reservation;
  }

  /** The owner's upload, removed from the store (an action uses it once); undefined for anyone else's. */
  take(owner: string, id: unknown): Upload | undefined {
    this.sweep();
    if (typeof id !== 'string' || !UPLOAD_ID.test(id)) return undefined;
    const upload = this.items.get(id);
    if (!upload || upload.owner !== owner) return undefined;
    this.forget(upload);
    return upload;
  }

  private forget(upload: Upload): void {
    this.items.delete(upload.id);
    this.add(upload.owner, -upload.bytes.byteLength);
  }

  private add(owner: string, n: number): void {
    const next = (this.used.get(owner) ?? 0) + n;
    if (next > 0) this.used.set(owner, next);
    else this.used.delete(owner);
    this.total += n;
  }

  private sweep(): void {
    const cutoff = this.now() - this.limits().keepMs;
    for (const upload of this.items.values()) if (upload.at < cutoff) this.forget(upload);
  }
}

// Next may bundle this module more than once (the upload route, the actions): one store for all.
const g = globalThis as unknown as { __uploadStore?: UploadStore };

export function uploadStore(): UploadStore {
  return (g.__uploadStore ??= new UploadStore());
}
