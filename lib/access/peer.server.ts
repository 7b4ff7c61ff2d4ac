import 'server-only';
/**
 * The socket's address on every request, in a header of our own that a client cannot set (it is overwritten).
 * Next.js gives handlers no socket, and fills X-Forwarded-For from it only when the client sent none: a client
 * that sends `X-Forwarded-For: 127.0.0.1` is indistinguishable from 127.0.0.1. Installed once at start-up
 * (instrumentation.ts) in front of Next's own request handling.
 */
import http from 'node:http';
import { PEER_HEADER } from './lockout';

const INSTALLED = Symbol.for('image-playground.peer-address');

export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? 'unknown';
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
