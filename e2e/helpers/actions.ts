/**
 * Server actions called over plain HTTP, the way a script (or an attacker) can without a browser: the build's
 * own manifest names every action, so a test can enumerate them all and a new one cannot be added unchecked.
 * The answer is React's wire format (text/x-component); tests look for the fields they expect in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface ActionRef {
  id: string;
  name: string;
  file: string;
  /** A page whose bundle uses the action (where a browser would post it). */
  page: string;
}

/** Every server action in the current build (NEXT_DIST_DIR or .next). */
export function buildActions(): ActionRef[] {
  const dist = join(ROOT, process.env.NEXT_DIST_DIR || '.next');
  const manifest = JSON.parse(readFileSync(join(dist, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const worker = Object.keys(a.workers)[0] ?? 'app/page';
    const page = worker.replace(/^app/, '').replace(/\/page$/, '') || '/';
    return { id, name: a.exportedName, file: a.filename, page };
  });
}

export function findAction(name: string): ActionRef {
  const found = buildActions().find((a) => a.name === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found;
}

/** POST one action with JSON-encodable arguments; resolves when the whole answer (every streamed part) is in. */
export async function callAction(baseUrl: string, action: ActionRef | string, args: unknown[], opts: { cookie?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const ref = typeof action === 'string' ? findAction(action) : action;
  const res = await fetch(new URL(ref.page, baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'next-action': ref.id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: JSON.stringify(args),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
