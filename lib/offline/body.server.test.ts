import { describe, expect, it } from 'vitest';
import { capBody, readBody } from './body.server';
import { ApiError } from '../errors/api-error';

function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent++ >= chunks) return c.close();
      c.enqueue(new Uint8Array(size));
    },
  });
}

describe('request body limits', () => {
  it('stops a stream once it passes the limit, with a 413 in OpenAI’s shape', async () => {
    const capped = capBody(chunked(10, 1000), 5000);
    const error = await new Response(capped.stream).arrayBuffer().then(() => null, (e: unknown) => e);
    expect(capped.exceeded()).toBe(true);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect((error as ApiError).toBody().error).toMatchObject({ code: 'request_too_large', type: 'invalid_request_error' });
  });

  it('lets a body at the limit through untouched', async () => {
    const capped = capBody(chunked(5, 1000), 5000);
    expect((await new Response(capped.stream).arrayBuffer()).byteLength).toBe(5000);
    expect(capped.exceeded()).toBe(false);
  });

  it('refuses a JSON body over 2 MB and a form that declares more than the edit limit', async () => {
    const big = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"prompt":"${'a'.repeat(2 * 1024 * 1024)}"}` });
    await expect(readBody(big)).rejects.toMatchObject({ status: 413 });
    const form = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(900 * 1024 * 1024) }, body: '--x--' });
    await expect(readBody(form)).rejects.toMatchObject({ status: 413 });
  });
});

describe('request bodies count against the memory budget', () => {
  const form = () => {
    const f = new FormData();
    f.set('prompt', 'x');
    f.set('image', new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/png' }), 'a.png');
    return new Request('http://offline.test/v1/images/edits', { method: 'POST', body: f });
  };

  it('holds a form body while its request runs and gives it back when the handler is done', async () => {
    const { memoryInUse } = await import('../pipeline/memory.server');
    const { releaseBody } = await import('./body.server');
    const request = form();
    await readBody(request);
    expect(memoryInUse().by['offline API bodies']).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    releaseBody(request);
    expect(memoryInUse().by['offline API bodies']).toBe(0);
  });

  it('refuses a body that would pass MEMORY_BUDGET_MB with server_busy (503) before reading it all', async () => {
    process.env.MEMORY_BUDGET_MB = '1';
    try {
      const error = await readBody(form()).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(503);
      expect((error as ApiError).toBody().error).toMatchObject({ code: 'server_busy', type: 'server_error' });
    } finally {
      delete process.env.MEMORY_BUDGET_MB;
    }
  });
});
