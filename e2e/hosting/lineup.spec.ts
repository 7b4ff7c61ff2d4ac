/**
 * The lineup against providers that answer `GET /models`: OpenAI and a gateway, both stand-ins (the offline API of
 * a server of its own, behind a counting proxy, so the test sees every request that went upstream). The offline
 * API there lists one id the registry does not know (OFFLINE_EXTRA_MODELS), as a gateway adding a new model would.
 */
import { expect, test } from '@playwright/test';
import { callAction } from '../helpers/actions';
import { startIdleProxy, type IdleProxy } from '../helpers/idle-proxy';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let upstream: IdleProxy;

test.beforeAll(async () => {
  upstream = await startIdleProxy({ target: () => server.port, idleMs: 10 * 60_000 });
  const base = `${upstream.url}/api/offline/v1`;
  server = await startServer({
    OPENAI_API_KEY: 'sk-test-lineup-not-a-real-key',
    OPENAI_BASE_URL: base,
    GATEWAY_API_KEY: 'gw-test-lineup',
    GATEWAY_BASE_URL: base,
    GATEWAY_NAME: 'Stand-in gateway',
    OFFLINE_EXTRA_MODELS: 'gpt-image-2.7-test',
    DEFAULT_PROVIDER: 'openai',
  });
});
test.afterAll(async () => {
  await server?.stop();
  await upstream?.close();
});

/** Image requests that reached the upstream, by path. */
const imageRequests = () => upstream.sent().match(/POST \/api\/offline\/v1\/images\/\w+/g) ?? [];

test('on the OpenAI provider the Model list has the 2.6 and 2.5 models, the listed newcomer, and no shut-down model', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.getByRole('combobox', { name: 'Provider' }).selectOption('openai');
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model).toHaveValue('gpt-image-2.6-sunburst');
  const values = await model.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // api-2026-12 §1: served on OpenAI on 2026-12-03, and shut down.
  for (const id of ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2']) expect(values).toContain(id);
  for (const id of ['gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2']) expect(values).not.toContain(id);
  expect(values).toContain('gpt-image-2.7-test');
  await expect(model.locator('option[value="gpt-image-2.7-test"]')).toHaveText(/not in the registry/);
  // It came from the provider's own list, asked by the server.
  expect(upstream.sent()).toMatch(/GET \/api\/offline\/v1\/models/);
});

test('a shut-down model is refused before anything is sent, naming the model, the date and the replacement', async () => {
  const before = imageRequests().length;
  for (const provider of ['openai', 'offline']) {
    const answer = await callAction(server.url, 'generate', [{ provider, fields: { model: 'gpt-image-1.5', prompt: 'a lighthouse', size: '1024x1024', quality: 'low' } }]);
    expect(answer.text).toContain('"code":"model_shut_down"');
    expect(answer.text).toContain("The model 'gpt-image-1.5' was shut down on OpenAI on 2026-12-01. Use gpt-image-2.6-sunburst instead");
    // The image tool in the chat, too.
    const turn = await callAction(server.url, 'chat', [{ provider, mainModel: 'gpt-6-luna', text: 'a lighthouse', tool: { model: 'gpt-image-1', quality: 'low', size: '1024x1024' } }]);
    expect(turn.text).toContain('"code":"model_shut_down"');
    expect(turn.text).toContain('2026-10-23');
  }
  const mainGone = await callAction(server.url, 'chat', [{ provider: 'openai', mainModel: 'gpt-4.1-nano', text: 'a lighthouse', tool: { model: 'gpt-image-2.5-sunburst', quality: 'low', size: '1024x1024' } }]);
  expect(mainGone.text).toContain("Main model 'gpt-4.1-nano' was shut down on OpenAI on 2026-10-23; use gpt-6-luna instead");
  // Nothing went upstream for any of them.
  expect(imageRequests().length).toBe(before);
  expect(upstream.sent()).not.toMatch(/"model":"gpt-image-1(\.5)?"/);
});

test('an id the gateway lists and the registry does not know generates, on its family rules, as asked', async () => {
  const answer = await callAction(server.url, 'generate', [{ provider: 'gateway', fields: { model: 'gpt-image-2.7-test', prompt: 'a lighthouse', size: '1280x720', quality: 'low' } }]);
  expect(answer.text).toContain('"type":"completed"');
  // Sent as asked, not downgraded to the family it borrows rules from.
  expect(upstream.sent()).toContain('"model":"gpt-image-2.7-test"');
  // gpt-image-2's rules (its longest known prefix): no xhigh.
  const refused = await callAction(server.url, 'generate', [{ provider: 'gateway', fields: { model: 'gpt-image-2.7-test', prompt: 'a lighthouse', size: '1024x1024', quality: 'xhigh' } }]);
  expect(refused.text).toContain('"param":"quality"');
  expect(refused.text).toContain("Invalid value for 'quality': 'xhigh'. gpt-image-2.7-test supports");
});
