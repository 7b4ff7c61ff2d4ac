/**
 * The documentation examples the project keeps as compatibility fixtures (e2e/fixtures/docs-examples: the OpenAI
 * guide's curl commands and the Azure how-to's REST recipe, restated in the repository) and how to run them:
 * point a command at the offline API and run it with bash in a temporary directory, as someone copying from
 * the docs would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { AZURE_EDITS, AZURE_GENERATIONS, type AzureRestRecipe } from '../../fixtures/docs-examples/azure-rest';

const EXAMPLES = new URL('../../fixtures/docs-examples/', import.meta.url);

/** The base URL the example commands are written against. */
export const DOCS_BASE = 'https://api.openai.com/v1';

export type DocsCommand = 'guide-generate.sh' | 'guide-edit-references.sh' | 'guide-edit-mask.sh';

/**
 * The command in a fixture, byte for byte but for its header: the leading `#` comment lines (which say what
 * the command reproduces) are dropped, and the one final newline. Trailing blanks inside stay as written.
 */
export function docsCommand(name: DocsCommand): string {
  const lines = readFileSync(new URL(name, EXAMPLES), 'utf8').replace(/\n$/, '').split('\n');
  const first = lines.findIndex((l) => !l.startsWith('#'));
  const command = lines.slice(first).join('\n');
  if (!command.startsWith('curl ')) throw new Error(`${name}: the command after the header should start with curl`);
  return command;
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
