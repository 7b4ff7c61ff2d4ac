import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { actionsWithoutNoStore, withoutNoStore } from './action-cache-control.server';

/** Next's own header on every action answer (next/dist/server/app-render/action-handler.js). */
const NEXT_ACTION_CACHE_CONTROL = 'no-cache, no-store, max-age=0, must-revalidate';

describe('withoutNoStore', () => {
  it("turns Next's action header into private, no-cache, keeping the other directives in order", () => {
    expect(withoutNoStore(NEXT_ACTION_CACHE_CONTROL)).toBe('private, no-cache, max-age=0, must-revalidate');
    expect(withoutNoStore('private, no-cache, no-store, max-age=0, must-revalidate')).toBe('private, no-cache, max-age=0, must-revalidate');
    expect(withoutNoStore('NO-STORE')).toBe('private');
  });

  it('leaves a header without no-store as it is', () => {
    expect(withoutNoStore('public, max-age=31536000, immutable')).toBe('public, max-age=31536000, immutable');
    expect(withoutNoStore('no-cache')).toBe('no-cache');
  });
});

async function cacheControl(headers: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((_req, res) => {
      res.setHeader('Cache-Control', NEXT_ACTION_CACHE_CONTROL);
      res.end('0:{}\n');
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers }, (r) => {
        r.resume();
        r.on('end', () => {
          server.close();
          resolve(r.headers['cache-control']);
        });
      });
      req.on('error', reject);
      req.end('[]');
    });
  });
}

describe('action answers without no-store', () => {
  it('rewrites the header only on answers to a server action (a Next-Action header)', async () => {
    actionsWithoutNoStore();
    actionsWithoutNoStore(); // once only
    expect(await cacheControl({ 'next-action': '40abcdef', accept: 'text/x-component' })).toBe('private, no-cache, max-age=0, must-revalidate');
    expect(await cacheControl({})).toBe(NEXT_ACTION_CACHE_CONTROL);
  });
});
