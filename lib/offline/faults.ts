/**
 * Simulated latency, fault injection and billing drift for the offline API, chosen per request by header
 * (`x-offline-latency-ms`, `x-offline-fault`, `x-offline-billing-scale`) or for the whole server by env
 * (`OFFLINE_LATENCY_MS`, `OFFLINE_BILLING_SCALE`). Which models are served (`x-offline-serve-retired`,
 * `OFFLINE_SERVE_RETIRED`, `OFFLINE_EXTRA_MODELS`) is in lineup.server.ts.
 */
import { ApiError } from '../errors/api-error';
import { apiErrorFor } from '../errors/codes';

/**
 * `stream_cut` drops the connection mid-stream; `stall` sends the first partial image (or nothing, without
 * partials) and then nothing more, keeping the connection open: an upstream that hangs. `hostile_svg` answers an
 * svg request with a document that carries what a sanitizer must remove (a `<script>`, `onload=` and other event
 * handlers, external and `javascript:` hrefs, a `<foreignObject>`, a CSS `@import`), still well-formed XML
 * (svg-output.server.ts `HOSTILE_SVG_PARTS`); other formats are answered as usual. The `azure_*` faults answer in
 * Azure OpenAI's own shapes on every route, OpenAI-style ones too (azure-faults.server.ts), so the playground's
 * Azure error handling can be exercised without an Azure resource.
 */
export const FAULTS = [
  'moderation', 'content_filter', 'rate_limit', 'server_error', 'stream_cut', 'stall', 'hostile_svg',
  'azure_content_filter', 'azure_policy_violation', 'azure_moderation', 'azure_rate_limit', 'azure_unauthorized', 'azure_forbidden',
] as const;
export type Fault = (typeof FAULTS)[number];

export const DEFAULT_LATENCY_MS = 1500;
const MAX_LATENCY_MS = 10 * 60 * 1000;

/** Total simulated time per image, spread over its partial images and the final one. */
export function latencyMs(headers: Headers): number {
  const raw = headers.get('x-offline-latency-ms') ?? process.env.OFFLINE_LATENCY_MS;
  const ms = raw === undefined || raw === null || raw === '' ? DEFAULT_LATENCY_MS : Number(raw);
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_LATENCY_MS) : DEFAULT_LATENCY_MS;
}

/**
 * `x-offline-variant`: part of the seed, so otherwise identical requests can differ. The playground sends it
 * when it runs n single-image streams side by side, as n real requests would not return n equal images.
 */
export function variantFrom(headers: Headers): string {
  return (headers.get('x-offline-variant') ?? '').slice(0, 40);
}

export const BILLING_SCALE_HEADER = 'x-offline-billing-scale';
const MAX_BILLING_SCALE = 10;

function scaleValue(raw: string): number | null {
  const v = raw.trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(v)) return null;
  const n = Number(v);
  return n > 0 && n <= MAX_BILLING_SCALE ? n : null;
}

let warnedScale: string | undefined;

/**
 * Billing drift: real models bill differently from any published table now and then, and the playground's
 * estimator must learn that from `usage`. The billed output image tokens are multiplied by this factor and rounded
 * (1 = the tables in lib/cost/tokens.ts). The header (sent by lib/pipeline/simulation.ts when the studio simulates)
 * wins over OFFLINE_BILLING_SCALE; a header that is not a number in (0, 10] is a 400 naming it, an env value that
 * is not is ignored with a warning.
 */
export function billingScaleFrom(headers: Headers): number {
  const raw = headers.get(BILLING_SCALE_HEADER);
  if (raw !== null) {
    const n = scaleValue(raw);
    if (n === null) {
      throw new ApiError(400, {
        message: `Invalid ${BILLING_SCALE_HEADER} header: '${raw.slice(0, 40)}'. Use a positive number up to ${MAX_BILLING_SCALE} (1 bills as the tables do).`,
        param: BILLING_SCALE_HEADER,
        code: 'invalid_value',
      });
    }
    return n;
  }
  const env = process.env.OFFLINE_BILLING_SCALE;
  if (env === undefined || env.trim() === '') return 1;
  const n = scaleValue(env);
  if (n === null) {
    if (warnedScale !== env) {
      warnedScale = env;
      console.warn(`[offline-api] OFFLINE_BILLING_SCALE='${env.slice(0, 40)}' is not a number in (0, ${MAX_BILLING_SCALE}]: billing as the tables do`);
    }
    return 1;
  }
  return n;
}

export function faultFrom(headers: Headers): Fault | null {
  const f = headers.get('x-offline-fault');
  if (!f) return null;
  if (!(FAULTS as readonly string[]).includes(f)) {
    throw new ApiError(400, {
      message: `Invalid x-offline-fault header: '${f.slice(0, 40)}'. Use one of ${FAULTS.join(', ')}.`,
      param: 'x-offline-fault',
      code: 'invalid_value',
    });
  }
  return f as Fault;
}

export function rateLimitError(): ApiError {
  return apiErrorFor(
    'rate_limit_exceeded',
    'Rate limit reached for images per minute (IPM) on the offline image API (simulated). Please try again in 1s.',
    null,
    { 'retry-after': '1', 'x-ratelimit-limit-requests': '5', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s' },
  );
}

export function serverError(): ApiError {
  return apiErrorFor('server_error', 'The server had an error while processing your request. Sorry about that! (simulated)');
}

/** What the real services answer when the safety system refuses a prompt (api-reference §7, §8). */
export function moderationError(family: 'gpt-image' | 'dall-e', requestId: string): ApiError {
  if (family === 'dall-e') {
    return apiErrorFor('content_policy_violation', 'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system. (simulated)');
  }
  return apiErrorFor('moderation_blocked', `Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID ${requestId}. (simulated) safety_violations=[simulated]`);
}

/** Azure's content filter answer, in its legacy shape (api-reference §8). */
export function contentFilterError(): ApiError {
  return apiErrorFor('contentFilter', 'Your task failed as a result of our safety system. (simulated)');
}

/** Hold a stalled stream open until the client goes away (its request signal, or the stream's cancel). */
export function hang(signal: AbortSignal, cancelled: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (cancelled()) done();
    }, 250);
    const done = () => {
      clearInterval(poll);
      resolve();
    };
    if (signal.aborted) return done();
    signal.addEventListener('abort', done, { once: true });
  });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
