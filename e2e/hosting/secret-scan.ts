/**
 * Where a secret must never turn up, for the secrets specs (the server key and passcode; Azure's Entra ID token):
 * every response the browser received (bodies and headers), the browser's storage, and the built client files.
 */
import type { Page } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface SeenResponse {
  url: string;
  headers: string;
  body: string;
}

/** Records every response of `page`; `all()` waits for the bodies still being read. */
export function recordResponses(page: Page): { all(): Promise<SeenResponse[]> } {
  const seen: SeenResponse[] = [];
  const reading: Promise<void>[] = [];
  page.on('response', (r) => {
    reading.push(
      (async () => {
        const headers = JSON.stringify(await r.allHeaders());
        const body = await r.body().then((b) => b.toString('latin1'), () => '');
        seen.push({ url: r.url(), headers, body });
      })(),
    );
  });
  return { all: async () => (await Promise.all(reading), seen) };
}

/** The URLs of the responses whose body or headers hold `secret`. */
export function carrying(seen: SeenResponse[], secret: string): string[] {
  return seen.filter((s) => s.body.includes(secret) || s.headers.includes(secret)).map((s) => s.url);
}

/** Cookies, localStorage, sessionStorage and every IndexedDB store, as one string. */
export function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: string[] = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((ok) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
        });
        dump.push(JSON.stringify(all));
      }
      db.close();
    }
    return dump.join('\n');
  });
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** The built client files (what any browser may download), with their text. */
export function builtClientFiles(): { file: string; text: string }[] {
  const dist = join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'static');
  return files(dist).map((file) => ({ file, text: readFileSync(file, 'latin1') }));
}
