/**
 * The audit log: one JSON line per request with who, what, cost, status and latency; never a key or image
 * bytes, and the prompt only when the policy says so. A user's own key is used for the request, never echoed,
 * and our messages about a refused key do not contain it even masked.
 */
import { expect, test } from '@playwright/test';
import { callAction } from '../helpers/actions';
import { startServer, type TestServer } from '../helpers/server';
import { generate } from './limits-helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const auditLines = (s: TestServer) => s.output().split('\n').filter((l) => l.startsWith('audit ')).map((l) => JSON.parse(l.slice('audit '.length)));
const FIELDS = { model: 'gpt-image-1', prompt: 'a confidential launch poster', size: '1024x1024', quality: 'low', n: 1, stream: true, partial_images: 1 };
const USER_KEY = 'sk-user-0123456789abcdef';

test('lines go to stdout with who, what, cost and status, without the prompt or any key', async () => {
  const server = await startServer({ OFFLINE_SERVE_RETIRED: '1', OFFLINE_API_KEY: 'offline-server-secret', POLICY_JSON: JSON.stringify({ allowUserKey: true }) });
  try {
    expect((await generate(server.url, { fields: FIELDS })).ok).toBe(true);
    // The user's key reaches the provider (here refused: the offline API wants OFFLINE_API_KEY), but no message of ours names it.
    const own = await generate(server.url, { fields: FIELDS, userKey: USER_KEY });
    expect(own.ok).toBe(true);
    expect(own.text).toMatch(/"code":"invalid_api_key"/);
    expect(own.text).toContain('[your key, masked]');
    for (const part of [USER_KEY, '0123456789abcdef', 'cdef.', 'offline-server-secret']) expect(own.text).not.toContain(part);

    await expect.poll(() => auditLines(server).length).toBe(2);
    const [mine, theirs] = auditLines(server);
    expect(mine).toMatchObject({
      user: { id: 'anonymous', name: 'anonymous' }, provider: 'offline', model: 'gpt-image-1', endpoint: 'generate',
      params: { model: 'gpt-image-1', size: '1024x1024', quality: 'low', n: 1, stream: true, partial_images: 1 },
      promptChars: FIELDS.prompt.length, key: 'server', status: 'ok', code: null,
    });
    expect(mine.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Both against OpenAI's published figures (not each other): gpt-image-1 low 1024x1024 is 272 output tokens
    // and a streamed partial 100 more (https://platform.openai.com/docs/guides/image-generation, "Cost and
    // latency"), at $40/1M; 'a confidential launch poster' is 4 prompt tokens at $5/1M
    // (https://developers.openai.com/api/docs/models/gpt-image-1).
    const published = ((272 + 100) * 40 + 4 * 5) / 1e6;
    expect(mine.estimatedUsd.high).toBeCloseTo(published, 9);
    expect(mine.actualUsd).toBeCloseTo(published, 9);
    expect(mine.latencyMs).toBeGreaterThanOrEqual(0);
    expect(theirs).toMatchObject({ key: 'user', status: 'failed', code: 'invalid_api_key', actualUsd: 0 });
    const out = server.output();
    expect(out).not.toContain('confidential launch');
    expect(out).not.toContain('0123456789abcdef');
    expect(out).not.toContain('offline-server-secret');
    expect(out).not.toContain('b64_json');
  } finally {
    await server.stop();
  }
});

test('with auditPrompts the prompt is kept; a key pasted in Settings stays in the tab and is audited as the user’s', async ({ page }) => {
  const server = await startServer({ OFFLINE_SERVE_RETIRED: '1', POLICY_JSON: JSON.stringify({ allowUserKey: true, auditPrompts: true }) });
  try {
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('Your API key').fill('sk-user-ui-5555aaaa');
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your key is used' })).toBeVisible();
    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'Prompt' }).fill('a lighthouse at dusk');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'a lighthouse at dusk' })).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => auditLines(server).length).toBe(1);
    expect(auditLines(server)[0]).toMatchObject({ key: 'user', status: 'ok', prompt: 'a lighthouse at dusk' });
    // Only in this tab's session storage: not in local storage, not in the server's output.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain('sk-user-ui-5555aaaa');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('sk-user-ui-5555aaaa');
    expect(server.output()).not.toContain('5555aaaa');

    // A chat turn is audited too, under the Responses endpoint.
    const { text } = await callAction(server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a paper boat', tool: { model: 'gpt-image-1', size: '1024x1024', quality: 'low' } }]);
    expect(text).toMatch(/"ok":true/);
    await expect.poll(() => auditLines(server).length).toBe(2);
    expect(auditLines(server)[1]).toMatchObject({ endpoint: 'responses', model: 'gpt-image-1', key: 'server', status: 'ok', prompt: 'a paper boat', params: { main_model: 'gpt-6-luna', quality: 'low' } });
    expect(auditLines(server)[1].actualUsd).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
});
