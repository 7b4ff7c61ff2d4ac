/**
 * A second (third, …) production server of the same build with its own environment, for tests that need a
 * configuration the shared server does not have (a passcode, Redis, a policy). Free ports are picked at run
 * time so parallel workers and CI never collide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';

export interface TestServer {
  url: string;
  port: number;
  /** Everything the server printed (stdout and stderr), for asserting on log lines. */
  output(): string;
  /** The process that serves (npx starts it as a grandchild), e.g. to read its memory from /proc/<pid>/status. */
  pid(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The descendant of `root` named next-server (`next start` sets that process title). */
function serverProcess(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command (which may hold spaces) start after its closing parenthesis: state, ppid, ...
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  for (const queue = [root]; queue.length; ) {
    const pid = queue.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('next-server')) return pid;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no next-server process under ${root}`);
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms:\n${log()}`);
}

/** Start `next start` on a free port with the test defaults plus `env`; stop it when done. */
export async function startServer(env: Record<string, string> = {}, opts: { timeoutMs?: number } = {}): Promise<TestServer> {
  const port = await freePort();
  let out = '';
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(port),
      OFFLINE_LATENCY_MS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      OPENAI_API_KEY: '',
      AZURE_OPENAI_API_KEY: '',
      GATEWAY_API_KEY: '',
      OFFLINE_API_KEY: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/offline/v1/models`, child, () => out, opts.timeoutMs ?? 60_000);
  return {
    url,
    port,
    output: () => out,
    pid: () => serverProcess(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          resolve();
        }
      }),
  };
}
