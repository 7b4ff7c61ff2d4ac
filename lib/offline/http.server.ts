import 'server-only';
/** Response helpers for the offline API: JSON with OpenAI's headers, errors in OpenAI's shape, CORS. */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error';

export function requestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/** Browsers may call the offline API with the SDK (`dangerouslyAllowBrowser`): allow the SDK's headers. */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': [
    'authorization', 'content-type', 'accept', 'api-key', 'openai-organization', 'openai-project', 'user-agent',
    'x-stainless-lang', 'x-stainless-package-version', 'x-stainless-os', 'x-stainless-arch', 'x-stainless-runtime',
    'x-stainless-runtime-version', 'x-stainless-retry-count', 'x-stainless-timeout', 'x-stainless-helper-method',
    'x-offline-latency-ms', 'x-offline-fault', 'x-offline-variant', 'x-offline-billing-scale', 'x-offline-serve-retired',
    'x-ms-oai-image-generation-deployment',
  ].join(', '),
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms',
};

export function jsonResponse(body: unknown, status: number, id: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': id, ...CORS_HEADERS, ...headers },
  });
}

export function errorResponse(error: ApiError, id: string): Response {
  return jsonResponse(error.toBody(), error.status, id, error.headers);
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** Anything thrown that is not an ApiError is a bug: answer 500 in OpenAI's words, log without request data. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  console.error('[offline-api] internal error:', e instanceof Error ? e.stack : e);
  return new ApiError(500, {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
  });
}

/**
 * One SSE record. The leading `: emitted-at <epoch ms>` comment is ignored by every SSE parser (the SDK's
 * included); the playground's relay reads it to measure the delay from here to the browser's paint.
 */
export function sseRecord(type: string, data: object): string {
  return `: emitted-at ${Date.now()}\nevent: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** The headers of an SSE answer (api-reference §5.2). */
export function sseHeaders(id: string): Record<string, string> {
  return { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': id, ...CORS_HEADERS };
}
