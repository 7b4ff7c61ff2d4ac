/**
 * The two seed documents (shared/seeds) and their commands: find a curl block by what it contains, point it at
 * the offline API, and run it with bash in a temporary directory, as someone copying from the docs would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

/** The seed whose file name starts with `prefix` (000: Azure how-to in German, 001: OpenAI guide in Chinese). */
export function seedText(prefix: '000' | '001'): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}_*`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

/**
 * The shell command that starts at the first line beginning with `curl` whose block contains every `needle`.
 * A block runs while a line ends in a backslash or a quote is open; trailing blanks after the backslash (as the seed has on one
 * line) count as a continuation here, so the block is found whole and the caller decides what to do with it.
 */
export function curlBlock(text: string, needles: string[]): { command: string; line: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('curl ')) continue;
    let j = i;
    // Go on while a line ends in a backslash or a single-quoted argument (`-d '{ …`) is still open.
    const open = (k: number) => (lines.slice(i, k + 1).join('\n').match(/'/g) ?? []).length % 2 === 1;
    while (j + 1 < lines.length && (/\\\s*$/.test(lines[j]) || open(j))) j++;
    const command = lines.slice(i, j + 1).join('\n');
    if (needles.every((n) => command.includes(n))) return { command, line: i + 1 };
  }
  throw new Error(`no curl block with ${needles.join(', ')}`);
}

/** Replace the document's base URL with the offline API's. */
export function pointAt(command: string, from: string, to: string): string {
  if (!command.includes(from)) throw new Error(`command does not contain ${from}`);
  return command.split(from).join(to);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `command` with bash -c in `cwd`, with `env` added; never longer than `timeoutMs`. */
export function bash(command: string, cwd: string, env: Record<string, string>, timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], { cwd, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'offline-seed-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Wait for a file written by a process substitution (`-o >(jq … > out.png)`): bash does not wait for those,
 * so the file may still be growing when bash returns. Resolves with its bytes once `ok` accepts them.
 */
export async function settledFile(path: string, ok: (bytes: Buffer) => Promise<boolean>, timeoutMs = 10_000): Promise<Buffer> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const bytes = readFileSync(path);
      if (await ok(bytes)) return bytes;
      last = `${bytes.length} bytes not accepted yet`;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`${path} never settled: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AzureRecipe {
  /** The URL template with <your_resource_name>, <your_deployment_name> and <api_version>. */
  url: string;
  /** The required headers as the document lists them ("-\nName\n:value"). */
  headers: [string, string][];
  /** The example JSON body (generations) or the curl -F lines (edits). */
  body: string;
}

/**
 * The Azure how-to gives no curl command, only the POST URL, the required headers and an example body.
 * Collect the three for `op`, starting from the URL line.
 */
export function azureRecipe(text: string, op: 'generations' | 'edits'): AzureRecipe {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('https://<your_resource_name>') && l.includes(`/images/${op}?api-version=`));
  if (at < 0) throw new Error(`no Azure ${op} URL`);
  const headerStart = lines.findIndex((l, i) => i > at && l.startsWith('Erforderliche Header'));
  const bodyStart = lines.findIndex((l, i) => i > headerStart && l.startsWith('Body:'));
  const headerText = lines.slice(headerStart + 1, bodyStart).join('\n');
  const headers = [...headerText.matchAll(/^-\s*\n([\w-]+)\s*\n:(.+)$/gm)].map((m) => [m[1], m[2].trim()] as [string, string]);
  let body: string;
  if (op === 'generations') {
    const open = lines.findIndex((l, i) => i > bodyStart && l.trim() === '{');
    const close = lines.findIndex((l, i) => i > open && l.trim() === '}');
    body = lines.slice(open, close + 1).join('\n');
  } else {
    const first = lines.findIndex((l, i) => i > bodyStart && l.startsWith('-F '));
    let last = first;
    while (/\\\s*$/.test(lines[last])) last++;
    body = lines.slice(first, last + 1).join('\n');
  }
  return { url: lines[at].trim(), headers, body };
}
