/**
 * The operator's policy, applied in both places from one function: the server refuses anything outside it
 * (sent straight to the `generate` and `chat` actions, no UI) with policy_violation naming the field, the value
 * and what is allowed; the studio and Settings offer and show only what it allows.
 */
import { expect, test } from '@playwright/test';
import { callAction } from '../helpers/actions';
import { startServer, type TestServer } from '../helpers/server';
import { generate, readOutcome } from './limits-helpers';

const POLICY = { providers: ['offline'], models: ['gpt-image-2', 'gpt-image-1'], maxN: 2, maxQuality: 'medium', maxPixels: 1024 * 1024, maxPartialImages: 1 };
const OK = { model: 'gpt-image-1', prompt: 'a blue circle', size: '1024x1024', quality: 'low', n: 1 };

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', POLICY_JSON: JSON.stringify(POLICY), AUDIT_LOG: 'off' });
});
test.afterAll(async () => {
  await server?.stop();
});

test('the server refuses what the policy does not allow, naming the field, the value and what is allowed', async () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ model: 'dall-e-3', quality: 'standard' }, 'model', /Model 'dall-e-3' is not allowed.*Allowed: 'gpt-image-2', 'gpt-image-2-2026-04-21', and 'gpt-image-1'/],
    [{ n: 3 }, 'n', /n 3 is above this server's policy: at most 2 images per request/],
    [{ quality: 'high' }, 'quality', /quality 'high' is above this server's policy.*Allowed: 'low' and 'medium'/],
    [{ quality: undefined }, 'quality', /quality 'auto' \(the model's default, since none was sent\)/],
    [{ size: '1536x1024' }, 'size', /size '1536x1024' \(1,572,864 pixels\) is above this server's policy of 1,048,576 pixels\. Allowed: '1024x1024'/],
    [{ model: 'gpt-image-2', size: '2048x1152' }, 'size', /size '2048x1152' \(2,359,296 pixels\).*any WxH up to 1,048,576 pixels/],
    [{ stream: true, partial_images: 3 }, 'partial_images', /partial_images 3 is above this server's policy: at most 1/],
  ];
  for (const [change, param, message] of cases) {
    const o = await generate(server.url, { fields: { ...OK, ...change } });
    expect(o, JSON.stringify(change)).toMatchObject({ ok: false, code: 'policy_violation', param });
    expect(o.message).toMatch(message);
  }
  expect((await generate(server.url, { fields: { ...OK, model: 'gpt-image-2', n: 2, quality: 'medium', size: '1008x1008', stream: true, partial_images: 1 } })).ok).toBe(true);
});

test('the chat refuses a tool setting outside the policy, and a user key when none is allowed', async () => {
  const chat = (tool: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    callAction(server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a red kite', tool: { model: 'gpt-image-1', size: '1024x1024', ...tool }, ...extra }]).then((r) => readOutcome(r.text));
  expect(await chat({ quality: 'high' })).toMatchObject({ ok: false, code: 'policy_violation', param: 'tools[0].quality' });
  expect(await chat({ quality: 'low', partial_images: 2 })).toMatchObject({ ok: false, code: 'policy_violation', param: 'tools[0].partial_images' });
  expect((await chat({ quality: 'low' })).ok).toBe(true);
  const own = await generate(server.url, { fields: OK, userKey: 'sk-user-0123456789abcdef' });
  expect(own).toMatchObject({ ok: false, code: 'policy_violation', param: 'userKey' });
  expect(own.text).not.toContain('0123456789abcdef');
});

test('the studio offers only what the policy allows, and Settings shows the policy read-only', async ({ page }) => {
  await page.goto(server.url);
  const options = (name: string) => page.getByRole('combobox', { name, exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // The provider lists gpt-image-2's dated snapshot too; the policy's gpt-image-2 allows it.
  await expect.poll(() => options('Model')).toEqual(['gpt-image-2', 'gpt-image-2-2026-04-21', 'gpt-image-1']);
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('gpt-image-1');
  await expect.poll(() => options('Quality')).toEqual(['low', 'medium']);
  await expect(page.getByRole('combobox', { name: 'Quality', exact: true })).toHaveValue('medium');
  await expect.poll(() => options('Size')).toEqual(['1024x1024']);
  await expect(page.getByRole('spinbutton', { name: 'Number of images' })).toHaveAttribute('max', '2');
  await expect(page.getByRole('spinbutton', { name: 'Partial images' })).toHaveAttribute('max', '1');
  // What the studio sends is admitted: a generation from the UI completes.
  await page.getByRole('textbox', { name: 'Prompt' }).fill('a green triangle');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'a green triangle' })).toBeVisible({ timeout: 30_000 });

  await page.goto(`${server.url}/settings`);
  const policy = page.getByRole('table', { name: 'Policy' });
  await expect(policy.getByRole('row', { name: /Image models/ })).toContainText('gpt-image-2, gpt-image-1');
  await expect(policy.getByRole('row', { name: /Quality/ })).toContainText('up to medium');
  await expect(policy.getByRole('row', { name: /Image size/ })).toContainText('1,048,576 pixels');
  await expect(policy.getByRole('row', { name: /Your own API key/ })).toContainText('not allowed');
  await expect(page.getByLabel('Your API key')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Models' })).not.toContainText('dall-e-3');
});

test('a broken policy is reported and refuses every generation instead of failing open', async () => {
  const broken = await startServer({ POLICY_JSON: '{"maxQuality":"ultra"}', AUDIT_LOG: 'off' });
  try {
    const o = await generate(broken.url, { fields: { ...OK, model: 'gpt-image-2' } });
    expect(o).toMatchObject({ ok: false, code: 'policy_invalid' });
    expect(o.message).toMatch(/POLICY_JSON: maxQuality: .*got "ultra"/);
    const html = await (await fetch(broken.url)).text();
    expect(html).toContain('POLICY_JSON: maxQuality');
  } finally {
    await broken.stop();
  }
});
