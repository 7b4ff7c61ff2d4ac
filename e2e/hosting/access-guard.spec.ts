/**
 * Every entry point checks the session, enumerated from the source and the build so a new one cannot be added
 * unchecked: each route handler file and each of its methods, each page, each server action. Without a
 * session none gives data (401, a redirect to /login, or a refusal); with the cookie the guard lets them by.
 * A static check makes the same promise for the code: every route method is wrapped in a guard and every
 * server action asks currentUser() first.
 */
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startServer, type TestServer } from '../helpers/server';
import { buildActions, callAction, findAction } from '../helpers/actions';
import { sessionCookie, signInThroughForm } from './access-helpers';

const ROOT = new URL('../..', import.meta.url).pathname;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
/** The door itself: the only actions that may run without a session. */
const PUBLIC_ACTIONS: Record<string, string[]> = { 'app/login/actions.ts': ['signIn', 'signOut'] };

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(relative(ROOT, p).split(sep).join('/'));
  }
  return out;
}

/** app/a/(group)/[id]/[[...rest]]/route.ts → /a/sample-id/x/y: sample values that match no stored object. */
function urlPath(file: string): string {
  const segments = file.replace(/^app\//, '').split('/').slice(0, -1);
  const parts = segments
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .flatMap((s) => (s.startsWith('[[...') || s.startsWith('[...') ? ['x', 'y'] : s.startsWith('[') ? [`sample-${s.slice(1, -1)}`] : [s]));
  return '/' + parts.join('/');
}

function exportedMethods(source: string): string[] {
  return METHODS.filter((m) => new RegExp(`export\\s+(?:const\\s+${m}\\b|(?:async\\s+)?function\\s+${m}\\b)`).test(source));
}

const appFiles = walk(join(ROOT, 'app'));
const routeFiles = appFiles.filter((f) => /\/route\.tsx?$/.test(f));
const pageFiles = appFiles.filter((f) => /\/page\.tsx?$/.test(f));
const actionFiles = walk(join(ROOT, 'app')).concat(walk(join(ROOT, 'lib')))
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .filter((f) => /^\s*['"]use server['"]/m.test(readFileSync(join(ROOT, f), 'utf8')));

test.describe('the code: every entry point calls the guard', () => {
  test('every exported method of every route file is wrapped in withOfflineAuth or withUser', () => {
    expect(routeFiles.length).toBeGreaterThan(5);
    const unguarded: string[] = [];
    for (const file of routeFiles) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const guarded = new Set<string>();
      const methods = exportedMethods(source);
      expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      // Wrapped directly, or an alias of a wrapped method in the same file.
      for (let pass = 0; pass < 3; pass++) {
        for (const m of methods) {
          const init = new RegExp(`export\\s+const\\s+${m}\\s*=\\s*([^;]+)`).exec(source)?.[1]?.trim() ?? '';
          if (/^(withOfflineAuth|withUser)\(/.test(init) || guarded.has(init)) guarded.add(m);
        }
      }
      for (const m of methods) if (!guarded.has(m)) unguarded.push(`${file} ${m}`);
    }
    expect(unguarded).toEqual([]);
  });

  test('every page and layout outside /login asks signedInOrRedirect() (behind proxy.ts, not instead of it)', () => {
    const pages = appFiles.filter((f) => /\/(page|layout)\.tsx?$/.test(f) && f !== 'app/layout.tsx' && !f.startsWith('app/login/'));
    expect(pages).toContain('app/page.tsx');
    // A page is covered by its own call or by a layout above it that makes one.
    const guards = (f: string) => /await\s+signedInOrRedirect\(/.test(readFileSync(join(ROOT, f), 'utf8'));
    const covered = (f: string) => {
      for (let dir = f.slice(0, f.lastIndexOf('/')); dir.startsWith('app/'); dir = dir.slice(0, dir.lastIndexOf('/'))) {
        if (pages.includes(`${dir}/layout.tsx`) && guards(`${dir}/layout.tsx`)) return true;
      }
      return guards(f);
    };
    expect(pages.filter((f) => !covered(f))).toEqual([]);
  });

  test('every server action asks currentUser() before doing anything else', () => {
    expect(actionFiles).toContain('app/actions.ts');
    const unchecked: string[] = [];
    for (const file of actionFiles) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) {
        const name = m[1];
        if (PUBLIC_ACTIONS[file]?.includes(name)) continue;
        // The body starts at the first brace that ends a line; its first statement must ask who is calling.
        const rest = source.slice(m.index);
        const open = rest.search(/\{\s*\n/);
        const firstStatement = open < 0 ? '' : rest.slice(open + 1).trimStart().split('\n')[0];
        if (!/await\s+currentUser\(\)/.test(firstStatement)) unchecked.push(`${file} ${name}`);
      }
      // Actions exported any other way (arrow functions, re-exports) escape the check above: refuse them.
      if (/export\s+(const|let|var|default)\b|export\s*\{/.test(source)) unchecked.push(`${file}: export it as \`export async function\``);
    }
    expect(unchecked).toEqual([]);
  });
});

test.describe('the running server: nothing without a session', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  let cookie = '';
  test.beforeAll(async ({ browser }) => {
    // The team passcode, and an invite for a second, different user (the stranger of the Cancel test).
    server = await startServer({ PLAYGROUND_PASSCODE: 'guard-test-passcode', PLAYGROUND_INVITES: 'stranger:stranger-code-9', ENABLE_DEV_PAGES: '1' });
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, 'guard-test-passcode');
    cookie = await sessionCookie(page.context());
    await page.close();
  });
  test.afterAll(async () => server?.stop());

  test('every route handler method answers 401 without a session and reaches its handler with one', async ({ request }) => {
    const checked: string[] = [];
    for (const file of routeFiles) {
      const path = urlPath(file);
      for (const method of exportedMethods(readFileSync(join(ROOT, file), 'utf8'))) {
        const url = server.url + path;
        const body = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : '{}';
        const headers = { 'content-type': 'application/json', authorization: 'Bearer not-the-server-key' };
        const anon = await request.fetch(url, { method, headers, data: body, maxRedirects: 0 });
        expect(anon.status(), `${method} ${path} without a session`).toBe(401);
        const text = await anon.text();
        expect(JSON.parse(text).error.message, `${method} ${path}`).toMatch(/asks for a passcode/);

        const signedIn = await request.fetch(url, { method, headers: { ...headers, cookie }, data: body, maxRedirects: 0 });
        expect(signedIn.status(), `${method} ${path} with a session`).not.toBe(401);
        checked.push(`${method} ${path} → ${signedIn.status()}`);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
    // A real answer, not just "not 401": the model list and an image.
    const models = await request.get(server.url + '/api/offline/v1/models', { headers: { cookie } });
    expect((await models.json()).data.length).toBeGreaterThan(3);
    const image = await request.post(server.url + '/api/offline/v1/images/generations', {
      headers: { cookie, 'content-type': 'application/json' },
      data: { model: 'gpt-image-2', prompt: 'a door with a lock', size: '1024x1024', quality: 'low' },
    });
    expect((await image.json()).data[0].b64_json.length).toBeGreaterThan(1000);
  });

  test('every page redirects to /login without a session (documents and RSC requests) and renders with one', async ({ request }) => {
    const paths = pageFiles.map(urlPath).map((p) => p.replace(/\/$/, '') || '/');
    expect(paths).toEqual(expect.arrayContaining(['/', '/chat', '/settings', '/login']));
    for (const path of paths.filter((p) => p !== '/login')) {
      for (const extra of [{}, { rsc: '1' }] as Record<string, string>[]) {
        const anon = await request.get(server.url + path, { headers: extra, maxRedirects: 0 });
        expect(anon.status(), `GET ${path} ${JSON.stringify(extra)}`).toBe(303);
        expect(anon.headers().location).toBe(`/login?next=${encodeURIComponent(path)}`);
      }
      const signedIn = await request.get(server.url + path, { headers: { cookie }, maxRedirects: 0 });
      expect(signedIn.status(), `GET ${path} signed in`).toBe(200);
    }
    const login = await request.get(server.url + '/login', { maxRedirects: 0 });
    expect(login.status()).toBe(200);
    expect(await login.text()).toContain('Passcode');
  });

  test('every server action in the build refuses a caller without a session, and runs for one with it', async () => {
    const actions = buildActions();
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['generate', 'cancel', 'chat', 'signIn', 'signOut']));
    const sample: Record<string, unknown[]> = {
      generate: [{ provider: 'offline', fields: { model: 'gpt-image-2', prompt: 'a guarded gate', size: '1024x1024', quality: 'low', n: 1 } }],
      chat: [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a guarded gate', tool: {} }],
    };
    for (const action of actions) {
      if (PUBLIC_ACTIONS[action.file]?.includes(action.name) || Object.values(PUBLIC_ACTIONS).flat().includes(action.name)) continue;
      const args = sample[action.name] ?? ['sample'];
      const anon = await callAction(server.url, action, args);
      expect(anon.text, `${action.name} without a session`).toMatch(/"code":"unauthorized"|"cancelled":false|Sign in first/);
      expect(anon.text).not.toMatch(/"ok":true/);
      const signedIn = await callAction(server.url, action, args, { cookie });
      expect(signedIn.text, `${action.name} with a session`).not.toMatch(/"code":"unauthorized"|Sign in first/);
    }
    const generated = await callAction(server.url, 'generate', sample.generate, { cookie });
    expect(generated.text).toContain('"ok":true');
  });

  /**
   * The generate action over plain HTTP, read as it arrives (React's wire format): `until` waits for a pattern in
   * what came so far, `rest` reads to the end.
   */
  async function startGenerate(owner: string, jobId: string, latencyMs: number) {
    const action = findAction('generate');
    const res = await fetch(new URL(action.page, server.url), {
      method: 'POST',
      headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', cookie: owner },
      body: JSON.stringify([{
        provider: 'offline', jobId, simulate: { latencyMs },
        fields: { model: 'gpt-image-2', prompt: 'a gate with a lock', size: '1024x1024', quality: 'low', n: 1, stream: true, partial_images: 1 },
      }]),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    let ended = false;
    const more = async () => {
      const { done, value } = await reader.read();
      if (done) ended = true;
      else text += Buffer.from(value).toString('latin1');
    };
    return {
      text: () => text,
      async until(pattern: RegExp) {
        while (!pattern.test(text)) {
          if (ended) throw new Error(`the answer ended without ${pattern}: …${text.slice(-400)}`);
          await more();
        }
      },
      async rest() {
        while (!ended) await more();
        return text;
      },
    };
  }

  test("a stranger's Cancel is refused: the job it names runs on and ends with its image; its owner's Cancel does stop it", async ({ browser }) => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, 'stranger-code-9');
    const stranger = await sessionCookie(page.context());
    await page.close();
    expect(stranger).not.toBe(cookie);

    // A job of the team's session, long enough for the Cancels to land while it runs.
    const id = randomUUID();
    const t0 = Date.now();
    const run = await startGenerate(cookie, id, 3000);
    await run.until(/"type":"started"/);
    // Cancel of that id by another signed-in user, and by a caller with no session: both refused.
    for (const who of [{ cookie: stranger }, {}]) {
      const answer = await callAction(server.url, 'cancel', [id], who);
      expect(answer.text).toMatch(/"cancelled":false/);
    }
    expect(Date.now() - t0, 'the Cancels landed while the job was still running').toBeLessThan(3000);
    const text = await run.rest();
    expect(text).toContain('"type":"completed"');
    expect(text).not.toContain('"type":"cancelled"');
    expect(text).not.toMatch(/"type":"error"/);
    // Its image came through (the completed event's bytes, well over a kilobyte of React's binary rows).
    expect(text.length).toBeGreaterThan(10_000);

    // The control: the same Cancel from the job's owner stops a job like it, so the refusal above was a refusal.
    const own = randomUUID();
    const second = await startGenerate(cookie, own, 3000);
    await second.until(/"type":"started"/);
    expect((await callAction(server.url, 'cancel', [own], { cookie })).text).toMatch(/"cancelled":true/);
    const stopped = await second.rest();
    expect(stopped).toContain('"type":"cancelled"');
    expect(stopped).not.toContain('"type":"completed"');
  });
});
