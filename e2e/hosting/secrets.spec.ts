/**
 * The server's key never leaves the server. A server runs the OpenAI provider with OPENAI_API_KEY set to a fresh
 * random secret and OPENAI_BASE_URL pointing back at its own offline API (OFFLINE_API_KEY is the same secret, so
 * the offline API takes only that key: the provider's calls really carry it), behind a passcode. A person signs
 * in, generates an image and takes a chat turn in Chromium; then neither the secret nor the passcode may appear
 * in the built client files, in any response the browser received (bodies and headers), in the browser's
 * storage, or in the server's log.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import OpenAI from 'openai';
import { freePort, startServer, type TestServer } from '../helpers/server';
import { signInThroughForm } from './access-helpers';
import { browserStorage, builtClientFiles, carrying, recordResponses } from './secret-scan';
const SECRET = `sk-proj-${randomBytes(24).toString('hex')}`;
const PASSCODE = `pass-${randomBytes(12).toString('hex')}`;

/**
 * OPENAI_BASE_URL must be known before the server starts, its port only after: a plain TCP-level forwarder on a
 * port picked first stands in for the upstream host (like a corporate gateway would).
 */
const carriedSecret: string[] = [];
function forwarder(port: number, target: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.headers.authorization === `Bearer ${SECRET}`) carriedSecret.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', target());
    const up = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let server: TestServer;
let gateway: Server;
test.beforeAll(async () => {
  const port = await freePort();
  let target = '';
  gateway = await forwarder(port, () => target);
  server = await startServer({
    OPENAI_API_KEY: SECRET,
    OPENAI_BASE_URL: `http://127.0.0.1:${port}/api/offline/v1`,
    OFFLINE_API_KEY: SECRET,
    DEFAULT_PROVIDER: 'openai',
    PLAYGROUND_PASSCODE: PASSCODE,
  });
  target = server.url;
});
test.afterAll(async () => {
  await server?.stop();
  gateway?.close();
});

test('the server key and the passcode reach no browser, no response and no log line', async ({ page }) => {
  test.setTimeout(120_000);
  const responses = recordResponses(page);

  await signInThroughForm(page, server.url, PASSCODE);
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('openai');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('a lighthouse keeping a secret');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'a lighthouse keeping a secret' }).first()).toBeVisible({ timeout: 60_000 });

  await page.goto(server.url + '/chat');
  await page.getByRole('textbox', { name: 'Message' }).fill('a lantern that never tells');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('img', { name: /lantern/ }).first()).toBeVisible({ timeout: 60_000 });

  // A wrong key against the offline API from outside: its error names a masked key, never a configured one.
  const outsider = new OpenAI({ apiKey: 'sk-wrong-key-for-the-log', baseURL: server.url + '/api/offline/v1', maxRetries: 0 });
  await expect(outsider.models.list()).rejects.toMatchObject({ status: 401 });

  const storage = await browserStorage(page);

  // The provider really used the key: upstream calls through the stand-in gateway carried it.
  expect(carriedSecret.some((c) => c.startsWith('POST /api/offline/v1/images/generations'))).toBe(true);
  expect(carriedSecret.some((c) => c.startsWith('POST /api/offline/v1/responses'))).toBe(true);

  const seen = await responses.all();
  expect(seen.length).toBeGreaterThan(10);
  expect(seen.some((s) => /image\/|x-component/.test(s.headers))).toBe(true);
  for (const secret of [SECRET, PASSCODE, SECRET.slice(8, 40)]) {
    expect(carrying(seen, secret)).toEqual([]);
    expect(storage.includes(secret)).toBe(false);
    expect(server.output().includes(secret), 'server log').toBe(false);
  }
  expect(storage).not.toContain('playground_session');

  const built = builtClientFiles();
  expect(built.length).toBeGreaterThan(10);
  for (const { file: f, text } of built) {
    expect(text.includes(SECRET) || text.includes(PASSCODE), f).toBe(false);
    // What a bundle would hold if server code reading the keys leaked into it.
    expect(/process\.env\.(OPENAI_API_KEY|AZURE_OPENAI_API_KEY|GATEWAY_API_KEY|SESSION_SECRET|PLAYGROUND_PASSCODE|PLAYGROUND_INVITES|IDENTITY_HEADER|AZURE_CLIENT_SECRET)\b/.test(text), f).toBe(false);
    // @azure/identity (keyless Azure sign-in) is server code: none of it in a bundle.
    expect(text.includes('ManagedIdentityCredential'), f).toBe(false);
    expect(text.includes('sk-internal-'), f).toBe(false);
  }
});
