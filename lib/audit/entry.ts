/**
 * One audit line per request: who, when, what was asked, what it cost, how it ended. Pure, so its shape is
 * tested: the prompt only when the policy says so, never image bytes, never a key.
 */
export type AuditStatus = 'ok' | 'failed' | 'cancelled' | 'refused';

export interface AuditEntry {
  time: string;
  user: { id: string; name: string };
  provider: string;
  model: string;
  endpoint: string;
  /** Request parameters without the prompt, files or anything key-like. */
  params: Record<string, unknown>;
  promptChars: number;
  /** Present only when the policy has auditPrompts. */
  prompt?: string;
  /** Whose key paid: the server's, or the user's own. */
  key: 'server' | 'user';
  estimatedUsd: { low: number; high: number } | null;
  actualUsd: number | null;
  status: AuditStatus;
  code: string | null;
  latencyMs: number;
}

export interface AuditInput extends Omit<AuditEntry, 'time' | 'params' | 'prompt' | 'promptChars'> {
  at: number;
  params: Record<string, unknown>;
  prompt: string;
  includePrompt: boolean;
}

const SECRET_NAME = /key|secret|token|authorization|password/i;
/** Caller-chosen strings (a previous_response_id) are clipped: one request must not write megabytes here. */
const MAX_STRING = 200;

/** Plain values only: files, byte arrays and anything named like a secret stay out. */
export function auditParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'prompt' || k === 'text' || SECRET_NAME.test(k) || v === undefined) continue;
    if (typeof v === 'string') out[k] = v.slice(0, MAX_STRING);
    else if (v === null || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    // Files and bytes (reference images, masks) are counted, never copied; so is any other list (it may hold
    // data URLs, which are image bytes too).
    else if (Array.isArray(v)) out[k] = `${v.length} ${v.every((x) => x instanceof Blob || x instanceof Uint8Array) ? 'file(s)' : 'item(s)'}`;
    else if (v instanceof Blob || v instanceof Uint8Array) out[k] = '1 file';
  }
  return out;
}

export function auditEntry(input: AuditInput): AuditEntry {
  const { at, params, prompt, includePrompt, ...rest } = input;
  return {
    time: new Date(at).toISOString(),
    user: rest.user,
    provider: rest.provider,
    model: rest.model,
    endpoint: rest.endpoint,
    params: auditParams(params),
    promptChars: prompt.length,
    ...(includePrompt ? { prompt } : {}),
    key: rest.key,
    estimatedUsd: rest.estimatedUsd,
    actualUsd: rest.actualUsd,
    status: rest.status,
    code: rest.code,
    latencyMs: rest.latencyMs,
  };
}
