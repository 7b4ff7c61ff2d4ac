/**
 * A server of its own whose offline API calls go through a recording proxy (for the whole file), so a test can
 * count what went upstream — e.g. that taking a generation up again after a closed tab did not pay for it twice.
 */
import { test } from '@playwright/test';
import { startServer, type TestServer } from './server';
import { startIdleProxy, type IdleProxy } from './idle-proxy';

export function serverWithCountedUpstream(): { server: TestServer; upstream: IdleProxy } {
  const ctx = {} as { server: TestServer; upstream: IdleProxy };
  test.beforeAll(async () => {
    ctx.upstream = await startIdleProxy({ target: () => ctx.server.port, idleMs: 10 * 60_000 });
    ctx.server = await startServer({ OFFLINE_BASE_URL: `${ctx.upstream.url}/api/offline/v1` });
  });
  test.afterAll(async () => {
    await ctx.server?.stop();
    await ctx.upstream?.close();
  });
  return ctx;
}
