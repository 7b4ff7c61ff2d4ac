/**
 * How large a server action's body may be. Images travel as uploads (POST /api/uploads), so an action carries
 * only a prompt (at most 32,000 characters, ~128 kB of UTF-8) and fields: 1 MB is ample, and it is all Next
 * reads before the action can ask who is calling. next.config.mjs sets the same value (a unit test keeps them
 * equal). Over it, Next answers with an opaque server error, so the browser checks first and says why.
 */
import type { GenerationError } from '../generation/events';

export const ACTION_BODY_LIMIT = '1mb';
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** React's reply encoding adds a little to JSON (escaped `$`, row headers); keep clear of the edge. */
const HEADROOM = 16 * 1024;

/** A 413 naming `field` when `input` would not fit in an action's body; null when it fits. */
export function actionBodyTooLarge(input: unknown, field: string): GenerationError | null {
  const bytes = new TextEncoder().encode(JSON.stringify(input) ?? '').byteLength;
  if (bytes + HEADROOM <= ACTION_BODY_LIMIT_BYTES) return null;
  return {
    status: 413,
    message: `This request is ${Math.ceil(bytes / 1024)} kB; the server takes at most ${Math.floor((ACTION_BODY_LIMIT_BYTES - HEADROOM) / 1024)} kB of text and settings per request (images go separately, as uploads). Shorten '${field}'.`,
    type: 'invalid_request_error',
    param: field,
    code: 'request_too_large',
  };
}
