/**
 * For the limits, policy and audit tests: a real redis-server started and stopped by the test, and the
 * `generate` action called over plain HTTP with its outcome read from React's wire format.
 */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { callAction } from '../helpers/actions';
import { freePort } from '../helpers/server';
import { requireTools } from '../helpers/tools';

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
    s.on('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * `redis-server --port <free> --save ''`, with or without an append-only file (`aof`: a directory, fsync on every
 * write, as the README asks for a crash-safe spend). Without it nothing is written to disk. `port` reuses one,
 * to restart the same Redis after a crash.
 */
export async function startRedis(opts: { aof?: string; port?: number } = {}): Promise<RedisServer> {
  requireTools('redis-server');
  const port = opts.port ?? (await freePort());
  const persistence = opts.aof ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', opts.aof] : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }),
  };
}

export interface Outcome {
  ok: boolean;
  code?: string;
  param?: string | null;
  message?: string;
  retryAfter?: number;
  text: string;
}

/** What one generate call answered: ok, or the refusal's code, param, message and retryAfter. */
export function readOutcome(text: string): Outcome {
  const refusal = /"ok":false,"error":(\{[^{}]*\})/.exec(text);
  if (refusal) {
    const e = JSON.parse(refusal[1]) as { code: string; param: string | null; message: string; retryAfter?: number };
    return { ok: false, code: e.code, param: e.param, message: e.message, retryAfter: e.retryAfter, text };
  }
  if (!/"ok":true/.test(text)) throw new Error(`neither ok nor a refusal:\n${text.slice(0, 500)}`);
  return { ok: true, text };
}

export interface GenerateArgs {
  fields: Record<string, unknown>;
  provider?: string;
  userKey?: string;
}

export async function generate(baseUrl: string, args: GenerateArgs): Promise<Outcome> {
  const { status, text } = await callAction(baseUrl, 'generate', [{ provider: args.provider ?? 'offline', fields: args.fields, ...(args.userKey ? { userKey: args.userKey } : {}) }]);
  if (status !== 200) throw new Error(`generate answered ${status}: ${text.slice(0, 300)}`);
  return readOutcome(text);
}

/**
 * A cheap, fixed-price request: gpt-image-1 low 1024x1024, one image, no stream (its estimate is a point). OpenAI
 * shut gpt-image-1 down on 2026-10-23, but it is the model with published per-size token counts: the servers these
 * tests start keep it served (OFFLINE_SERVE_RETIRED), as a gateway still would.
 */
export const CHEAP = { model: 'gpt-image-1', prompt: 'a small red square', size: '1024x1024', quality: 'low', n: 1 };

/**
 * CHEAP's price from OpenAI's published figures, not from lib/cost: 272 output tokens for gpt-image-1 low
 * 1024x1024 (Image generation guide, "Cost and latency", https://platform.openai.com/docs/guides/image-generation)
 * at $40/1M, and 4 prompt tokens ('a small red square', o200k_base) at $5/1M
 * (https://developers.openai.com/api/docs/models/gpt-image-1): $0.01088 + $0.00002.
 */
export const CHEAP_USD = (272 * 40 + 4 * 5) / 1e6;

export function count(outcomes: Outcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) out[o.ok ? 'ok' : o.code!] = (out[o.ok ? 'ok' : o.code!] ?? 0) + 1;
  return out;
}
