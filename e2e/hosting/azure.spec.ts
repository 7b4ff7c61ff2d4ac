/**
 * Azure as companies run it (api-2026-12 §6), without Azure: the playground's Azure provider points at the offline
 * API's Azure routes through a recording proxy (so the test sees every header that went upstream), and signs in
 * keyless through the real @azure/identity DefaultAzureCredential, which finds IDENTITY_ENDPOINT/IDENTITY_HEADER
 * (App Service managed identity) pointing at the offline API's token endpoint stand-in. That stand-in requires
 * its tokens (OFFLINE_AZURE_AUTH=entra: a key is refused) and issues them for a few seconds only, so a session
 * sees a token renewed. Deployment names differ from model names, as in a real resource.
 */
import { expect, test, type Page } from '@playwright/test';
import { openDeveloper } from '../ui/helpers';
import sharp from 'sharp';
import { callAction } from '../helpers/actions';
import { startIdleProxy, type IdleProxy } from '../helpers/idle-proxy';
import { startServer, type TestServer } from '../helpers/server';
import { gallery } from '../ui/helpers';
import { browserStorage, builtClientFiles, carrying, recordResponses } from './secret-scan';

const IDENTITY_SECRET = 'identity-header-for-the-azure-spec';
const DEPLOYMENTS = 'gpt-image-2.6-sunburst=team-images,gpt-image-2=team-images-2,gpt-6-luna=team-chat';
/** Short-lived tokens: the credential renews at half their life, so a session of a few seconds sees two. */
const TOKEN_TTL_S = 8;

interface IdentityLog {
  issued: { token: string; jti: string; exp: number }[];
  seen: { route: 'v1' | 'deployments'; path: string; jti: string | null; apiKey: boolean; bearer: boolean }[];
}

let proxy: IdleProxy;
let server: TestServer;
let target = 0;

function azureEnv(route: 'v1' | 'deployments'): Record<string, string> {
  return {
    AZURE_OPENAI_ENDPOINT: `${proxy.url}/api/offline`,
    AZURE_OPENAI_DEPLOYMENTS: DEPLOYMENTS,
    AZURE_OPENAI_ROUTE: route,
    DEFAULT_PROVIDER: 'azure',
    // The stand-in's side: named deployments, tokens only, and the managed identity endpoint.
    OFFLINE_AZURE_DEPLOYMENTS: DEPLOYMENTS,
    OFFLINE_AZURE_AUTH: 'entra',
    OFFLINE_IDENTITY_HEADER: IDENTITY_SECRET,
    OFFLINE_TOKEN_TTL_S: String(TOKEN_TTL_S),
    // Azure's model list announces a retirement the shipped table does not have (its table says 2027-04-21).
    OFFLINE_AZURE_RETIREMENTS: 'gpt-image-2=2026-12-20',
    // What App Service gives a managed identity; DefaultAzureCredential reads them.
    IDENTITY_ENDPOINT: `${proxy.url}/api/offline/identity/token`,
    IDENTITY_HEADER: IDENTITY_SECRET,
  };
}

async function identityLog(s: TestServer, method: 'GET' | 'DELETE' = 'GET'): Promise<IdentityLog> {
  const r = await fetch(`${s.url}/api/offline/identity/log`, { method, headers: { 'x-identity-header': IDENTITY_SECRET } });
  expect(r.status).toBe(200);
  return method === 'GET' ? ((await r.json()) as IdentityLog) : { issued: [], seen: [] };
}

/** The upstream requests the proxy carried to the Azure routes: request line and headers, lower-cased names. */
function azureRequests(): { line: string; headers: Map<string, string> }[] {
  const out: { line: string; headers: Map<string, string> }[] = [];
  for (const m of proxy.sent().matchAll(/(POST \/api\/offline\/openai\/[^\r\n]+)\r\n([\s\S]*?)\r\n\r\n/g)) {
    const headers = new Map(m[2].split('\r\n').map((h) => [h.slice(0, h.indexOf(':')).toLowerCase(), h.slice(h.indexOf(':') + 1).trim()] as [string, string]));
    out.push({ line: m[1], headers });
  }
  return out;
}

async function reference(): Promise<Buffer> {
  return sharp({ create: { width: 512, height: 512, channels: 3, background: '#3a7bd5' } }).png().toBuffer();
}

/** `action`: the primary button's name in the mode (Generate, Edit). */
async function generate(page: Page, prompt: string, action = 'Generate') {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: action, exact: true }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 30_000 });
}

test.describe('keyless on the v1 route', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    proxy = await startIdleProxy({ target: () => target, idleMs: 10 * 60_000 });
    server = await startServer(azureEnv('v1'));
    target = server.port;
  });
  test.afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  test('the studio generates and edits and the chat takes a turn with Entra ID tokens, renewed as they expire; no api-key is sent', async ({ page }) => {
    test.setTimeout(120_000);
    const responses = recordResponses(page);
    await page.goto(`${server.url}/`);
    await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('azure');
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gpt-image-2.6-sunburst');

    await generate(page, 'a lighthouse signed in without a key');
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByLabel('Reference images').setInputFiles([{ name: 'harbour.png', mimeType: 'image/png', buffer: await reference() }]);
    await generate(page, 'the harbour at night', 'Edit');

    // Past the first token's renewal time: the next requests carry a new one.
    const first = (await identityLog(server)).issued.length;
    expect(first).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout((TOKEN_TTL_S / 2 + 1) * 1000);
    await page.getByRole('tab', { name: 'Generate' }).click();
    await generate(page, 'a second lighthouse, later');

    await page.goto(`${server.url}/chat`);
    await page.getByRole('textbox', { name: 'Message' }).fill('a lantern on the quay');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('img', { name: /lantern/ }).first()).toBeVisible({ timeout: 60_000 });

    // What went upstream: the v1 paths, deployment names as model, a bearer token and never an api-key.
    const sent = azureRequests();
    const lines = sent.map((r) => r.line);
    expect(lines.filter((l) => l.startsWith('POST /api/offline/openai/v1/images/generations?api-version=preview'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('POST /api/offline/openai/v1/images/edits?api-version=preview'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('POST /api/offline/openai/v1/responses?api-version=preview'))).toHaveLength(1);
    for (const r of sent) {
      expect(r.headers.has('api-key'), r.line).toBe(false);
      expect(r.headers.get('authorization'), r.line).toMatch(/^Bearer offline-entra\./);
    }
    expect(proxy.sent()).toContain('"model":"team-images"');
    expect(proxy.sent()).toContain('"model":"team-chat"');
    expect(proxy.sent()).toMatch(/x-ms-oai-image-generation-deployment: team-images/i);

    // Each bearer is a token the identity endpoint issued; two different ones over the session.
    const log = await identityLog(server);
    const issued = new Set(log.issued.map((t) => t.token));
    const bearers = new Set(sent.map((r) => r.headers.get('authorization')!.slice('Bearer '.length)));
    for (const b of bearers) expect(issued.has(b)).toBe(true);
    expect(bearers.size).toBeGreaterThanOrEqual(2);
    expect(log.seen.length).toBeGreaterThanOrEqual(4);
    expect(log.seen.every((s) => s.route === 'v1' && s.bearer && !s.apiKey && s.jti)).toBe(true);
    // The credential asked the endpoint as App Service managed identity does, with the resource of the default scope.
    expect(proxy.sent()).toMatch(/GET \/api\/offline\/identity\/token\?[^ ]*resource=https%3A%2F%2Fai\.azure\.com/);

    // Settings says how the server signs in, never the token.
    await page.goto(`${server.url}/settings`);
    await expect(page.getByTestId('azure-auth')).toHaveText('Keyless, with Entra ID (DefaultAzureCredential)');
    await expect(page.getByTestId('azure-credential')).toHaveText('ManagedIdentityCredential');
    await expect(page.getByTestId('azure-route')).toContainText('/api/offline/openai/v1');
    await expect(page.getByTestId('azure-route')).toContainText('api-version=preview');
    await expect(page.getByTestId('azure-expires')).toContainText('UTC');
    await expect(page.getByRole('list', { name: 'Azure deployments' })).toContainText('gpt-6-luna → team-chat');
    // The retirement date as Azure's own model list tells it, not the shipped table's.
    await expect(page.getByRole('table', { name: 'Models' }).getByRole('row').filter({ hasText: /^gpt-image-2(?!\.)/ })).toContainText('Shuts down 2026-12-20');

    // No token in any response, the browser's storage, the server's log or a built client file.
    const seen = await responses.all();
    const storage = await browserStorage(page);
    const tokens = (await identityLog(server)).issued.map((t) => t.token);
    const built = builtClientFiles();
    for (const token of tokens) {
      expect(carrying(seen, token)).toEqual([]);
      expect(storage.includes(token)).toBe(false);
      expect(server.output().includes(token), 'server log').toBe(false);
      // The signature alone, too (a token cut in a message would still leak it).
      const signature = token.slice(token.lastIndexOf('.') + 1);
      expect(carrying(seen, signature)).toEqual([]);
      expect(server.output().includes(signature), 'server log').toBe(false);
      for (const { file, text } of built) expect(text.includes(token), file).toBe(false);
    }
  });

  for (const [fault, title, code] of [
    ['azure_content_filter', "Blocked by Azure's content filter", 'content_filter'],
    ['content_filter', "Blocked by Azure's content filter", 'contentFilter'],
    ['azure_policy_violation', "Blocked by Azure's content filter", 'content_policy_violation'],
    ['azure_moderation', "Blocked by Azure's content filter", 'moderation_blocked'],
    ['azure_rate_limit', 'Rate limit reached', '429'],
    ['azure_unauthorized', 'Azure refused the sign-in', '401'],
    ['azure_forbidden', 'Azure refused access', null],
  ] as const) {
    test(`Azure's ${fault} answer is explained as such in the studio`, async ({ page }) => {
      await page.goto(`${server.url}/`);
      await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('azure');
      await page.getByRole('textbox', { name: 'Prompt' }).fill(`fault ${fault}`);
      await openDeveloper(page);
      await page.getByRole('combobox', { name: 'Simulate' }).selectOption(fault);
      await page.getByRole('button', { name: 'Generate' }).click();
      const alert = page.getByRole('alert').filter({ hasText: title });
      await expect(alert).toBeVisible();
      if (code) await expect(alert.locator('code').first()).toHaveText(code);
      if (fault === 'azure_rate_limit') await expect(alert).toContainText("Wait 3 s (the service's Retry-After)");
      if (fault === 'azure_unauthorized') await expect(alert).toContainText('Cognitive Services OpenAI User');
      if (fault === 'azure_forbidden') await expect(alert).toContainText('network rules');
      // Nothing is lost: the prompt stays for another try.
      await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(`fault ${fault}`);
    });
  }
});

test.describe('keyless on the dated deployments route', () => {
  test.beforeAll(async () => {
    proxy = await startIdleProxy({ target: () => target, idleMs: 10 * 60_000 });
    server = await startServer(azureEnv('deployments'));
    target = server.port;
  });
  test.afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  test('images and the chat go to the deployment paths with azureADTokenProvider’s bearer token and no api-key', async () => {
    const image = await callAction(server.url, 'generate', [{ provider: 'azure', fields: { model: 'gpt-image-2', prompt: 'a dated lighthouse', size: '1024x1024', quality: 'low' } }]);
    expect(image.text).toContain('"type":"completed"');
    const turn = await callAction(server.url, 'chat', [{ provider: 'azure', mainModel: 'gpt-6-luna', text: 'a dated lantern', tool: { model: 'gpt-image-2', quality: 'low', size: '1024x1024' } }]);
    expect(turn.text).toContain('"type":"completed"');
    const sent = azureRequests();
    expect(sent.map((r) => r.line.split(' ')[1])).toEqual([
      '/api/offline/openai/deployments/team-images-2/images/generations?api-version=2025-04-01-preview',
      '/api/offline/openai/responses?api-version=2025-04-01-preview',
    ]);
    for (const r of sent) {
      expect(r.headers.has('api-key')).toBe(false);
      expect(r.headers.get('authorization')).toMatch(/^Bearer offline-entra\./);
    }
    // Those two and the models list (for Azure's retirement dates): all on the dated route, all with a token.
    const log = await identityLog(server);
    expect(log.seen.length).toBeGreaterThanOrEqual(3);
    expect(log.seen.every((s) => s.route === 'deployments' && s.bearer && !s.apiKey)).toBe(true);
    expect(proxy.sent()).toMatch(/GET \/api\/offline\/openai\/models\?api-version=2025-04-01-preview/);
  });
});
