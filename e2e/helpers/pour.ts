/**
 * Send a large body to a test server as fast as it takes it, sampling the serving process's resident memory:
 * what a caller can make the server hold. Shared by the hosting tests of body limits.
 */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import type { TestServer } from './server';

const MB = 1024 * 1024;

export const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export interface Sent {
  status: number | null;
  body: string;
  /** From the first byte sent to the answer's status line. */
  answeredMs: number | null;
  sentMB: number;
  rssBeforeMB: number;
  rssPeakMB: number;
}

/**
 * POST `mb` MiB (after `head`) to `path` as fast as the server takes them, sampling the server's resident
 * memory every 20 ms. Keeps sending for a second after an early answer (or until the server closes the
 * connection): a server that went on reading the rest into memory would show it.
 */
export async function pour(server: TestServer, path: string, mb: number, headers: Record<string, string>, head: Buffer = Buffer.alloc(0), tail: Buffer = Buffer.alloc(0)): Promise<Sent> {
  const pid = server.pid();
  const rssBeforeMB = rssMB(pid);
  let rssPeakMB = rssBeforeMB;
  const sampler = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, rssMB(pid))), 20);
  const started = Date.now();
  const req = httpRequest(server.url + path, { method: 'POST', headers });
  const result: Sent = { status: null, body: '', answeredMs: null, sentMB: 0, rssBeforeMB, rssPeakMB };
  const finished = new Promise<void>((resolve) => {
    req.on('response', (res) => {
      result.answeredMs = Date.now() - started;
      result.status = res.statusCode ?? null;
      res.on('data', (d) => (result.body += d));
      // Keep sending for a second after the answer: a server that went on reading would show it here.
      setTimeout(resolve, 1000);
    });
    req.on('error', () => resolve());
    req.on('close', () => setTimeout(resolve, 200));
  });
  const chunk = Buffer.alloc(MB, 7);
  // The writer runs beside the wait: a server that stops reading leaves it blocked until the request is destroyed.
  void (async () => {
    req.write(head);
    for (let i = 0; i < mb && !req.destroyed; i++) {
      if (!req.write(chunk)) {
        await new Promise<void>((resolve) => {
          const go = () => (req.off('drain', go), req.off('close', go), resolve());
          req.on('drain', go);
          req.on('close', go);
        });
      }
      result.sentMB++;
    }
    if (!req.destroyed) req.end(tail);
  })();
  await finished;
  req.destroy();
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(sampler);
  result.rssPeakMB = rssPeakMB;
  return result;
}

