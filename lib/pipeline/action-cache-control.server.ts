import 'server-only';
/**
 * Server-action answers say `Cache-Control: private, no-cache, max-age=0, must-revalidate` instead of Next's
 * `no-cache, no-store, max-age=0, must-revalidate`.
 *
 * Why: Chromium marks a streamed `no-store` response as failed (`net::ERR_ABORTED`, "canceled") when the page
 * reads it with a stream reader, as React's action client does, even though the page has read every byte and
 * the end of the body (the same report: microsoft/playwright#42742). The server's answer is whole either way
 * (checked at the TCP level: the stream's close row, the chunked terminator, the connection reused after).
 * Measured in Chromium 156 under Playwright: a bare Node server streaming 4 writes of 60 kB, read with
 * getReader() to the end, was marked aborted in 12 of 36 fetches with Next's header and 0 of 36 with this one;
 * the studio's streamed generations in 3 of 12 with it and 0 of 16 with this one.
 *
 * Nothing gets cached because of this: an action is a POST, whose answer a cache may not reuse without an
 * explicit lifetime (RFC 9111 §4; `no-cache, max-age=0, must-revalidate` forbid reuse anyway), and `private`
 * keeps shared caches from storing it at all. Only answers to requests carrying Next's `Next-Action` header
 * change; pages, API routes and static files keep their headers. Installed once at start-up (instrumentation.ts).
 */
import http from 'node:http';

const INSTALLED = Symbol.for('image-playground.action-cache-control');

/** `no-store` replaced by `private` (once); other directives kept in order. */
export function withoutNoStore(value: string): string {
  const directives = value.split(',').map((d) => d.trim()).filter(Boolean);
  if (!directives.some((d) => d.toLowerCase() === 'no-store')) return value;
  const kept = directives.filter((d) => d.toLowerCase() !== 'no-store');
  if (!kept.some((d) => d.toLowerCase() === 'private')) kept.unshift('private');
  return kept.join(', ');
}

export function actionsWithoutNoStore(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const setHeader = proto.setHeader;
  proto.setHeader = function (this: http.ServerResponse, name: string, value: number | string | readonly string[]) {
    if (typeof value === 'string' && name.toLowerCase() === 'cache-control' && this.req?.headers['next-action']) {
      return setHeader.call(this, name, withoutNoStore(value));
    }
    return setHeader.call(this, name, value);
  } as typeof proto.setHeader;
}
