/**
 * One pipeline for the studio and the chat, seen from outside: against an upstream that stalls (sends its first
 * partial image, then nothing, without closing), a generation and a chat turn both end with the idle-timeout
 * error and keep their partial; malformed action input is a typed 400 naming the field, for both, never a 500.
 */
import { expect, test } from '@playwright/test';
import { callAction } from '../helpers/actions';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
const IDLE_MS = 1500;

test.beforeAll(async () => {
  server = await startServer({ UPSTREAM_IDLE_TIMEOUT_MS: String(IDLE_MS), STREAM_KEEPALIVE_MS: '0' });
});
test.afterAll(async () => {
  await server?.stop();
});

const stall = { fault: 'stall', latencyMs: 0 };

test('a generation whose upstream stalls ends with the idle-timeout error and keeps its partial', async () => {
  const started = Date.now();
  const fields = { model: 'gpt-image-2', prompt: 'a lighthouse at dusk', size: '1024x1024', quality: 'low', stream: true, partial_images: 2 };
  const answer = await callAction(server.url, 'generate', [{ provider: 'offline', fields, simulate: stall }]);
  const took = Date.now() - started;
  expect(answer.text).toContain('"type":"partial"');
  expect(answer.text).toContain('"code":"upstream_idle_timeout"');
  expect(answer.text).not.toContain('"type":"completed"');
  // Ended by the idle limit, not by the test's own timeout (and not before the limit).
  expect(took).toBeGreaterThanOrEqual(IDLE_MS);
  expect(took).toBeLessThan(IDLE_MS + 8000);
});

test('a chat turn whose upstream stalls ends with the same error and keeps its partial', async () => {
  const started = Date.now();
  const answer = await callAction(server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a lighthouse at dusk', tool: { model: 'gpt-image-2', quality: 'low', size: '1024x1024', partial_images: 2 }, simulate: stall }]);
  const took = Date.now() - started;
  expect(answer.text).toContain('"type":"partial"');
  expect(answer.text).toContain('"code":"upstream_idle_timeout"');
  expect(answer.text).not.toContain('"type":"image"');
  expect(took).toBeGreaterThanOrEqual(IDLE_MS);
  expect(took).toBeLessThan(IDLE_MS + 8000);
});

test('malformed action input is a typed 400 naming the field, for the studio and the chat alike', async () => {
  const cases: [string, unknown[], string][] = [
    ['generate', [{ provider: 'offline' }], '"param":"fields"'],
    ['generate', [null], '"param":"input"'],
    ['generate', [{ provider: 'mars', fields: {} }], '"param":"provider"'],
    ['generate', [{ provider: 'offline', fields: { model: 'gpt-image-2', prompt: 'x' }, imageIds: [{}] }], '"param":"imageIds[0]"'],
    ['chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'x', tool: { model: 'gpt-image-2' }, previousResponseId: { toString: 1 } }], '"param":"previousResponseId"'],
    ['chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'x', tool: { model: 'gpt-image-2', output_format: 'png', output_compression: 50 } }], '"param":"tools[0].output_compression"'],
    ['chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'b'.repeat(32_001), tool: { model: 'gpt-image-2' } }], '"param":"text"'],
    ['resume', [{ toString: 1 }], '"param":"jobId"'],
    ['resumeChat', [42], '"param":"jobId"'],
  ];
  for (const [action, args, param] of cases) {
    const answer = await callAction(server.url, action, args);
    expect(answer.status, `${action} ${JSON.stringify(args).slice(0, 80)}`).toBe(200);
    expect(answer.text, action).toContain('"status":400');
    expect(answer.text, action).toContain(param);
  }
  // The same option rule, one validator: compression 100 with png passes for both screens.
  const ok = await callAction(server.url, 'generate', [{ provider: 'offline', fields: { model: 'gpt-image-2', prompt: 'a kite', size: '1024x1024', quality: 'low', output_format: 'png', output_compression: 100 } }]);
  expect(ok.text).toContain('"type":"completed"');
  const turn = await callAction(server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a kite', tool: { model: 'gpt-image-2', quality: 'low', size: '1024x1024', output_format: 'png', output_compression: 100 } }]);
  expect(turn.text).toContain('"type":"image"');
});
