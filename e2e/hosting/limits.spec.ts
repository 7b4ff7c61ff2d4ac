/**
 * Rate limits and the daily spend cap hold exactly under 50 concurrent requests, on one server with the
 * in-memory store: the `generate` action is called over plain HTTP, as a script could.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateCost, formatUsd } from '../../lib/cost/estimate';
import { startServer, type TestServer } from '../helpers/server';
import { CHEAP, CHEAP_USD, count, generate } from './limits-helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: TestServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test('a per-user rate limit of 7 admits exactly 7 of 50 concurrent requests', async () => {
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', RATE_LIMIT_USER_PER_MIN: '7', AUDIT_LOG: 'off' });
  const outcomes = await Promise.all(Array.from({ length: 50 }, () => generate(server!.url, { fields: CHEAP })));
  expect(count(outcomes)).toEqual({ ok: 7, rate_limited: 43 });
  const refused = outcomes.find((o) => !o.ok)!;
  expect(refused.retryAfter).toBeGreaterThan(50);
  expect(refused.retryAfter).toBeLessThanOrEqual(60);
  expect(refused.message).toMatch(/^Too many requests: this server allows 7 a minute per user \(anonymous\)\. Try again in \d+ s\.$/);
});

test('a spend cap of 10.5 × the estimate admits exactly 10 of 50 concurrent requests and says what is left', async () => {
  // The published price (CHEAP_USD): what the estimate must say and what the returned usage must cost.
  const each = CHEAP_USD;
  expect(estimateCost({ model: 'gpt-image-1', size: '1024x1024', quality: 'low', n: 1, prompt: CHEAP.prompt }).high).toBeCloseTo(each, 12);
  const cap = Math.round(each * 10.5 * 1e6) / 1e6;
  const dir = mkdtempSync(join(tmpdir(), 'limits-audit-'));
  const log = join(dir, 'audit.jsonl');
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', SPEND_CAP_TOTAL_USD: String(cap), AUDIT_LOG: log });
  const outcomes = await Promise.all(Array.from({ length: 50 }, () => generate(server!.url, { fields: CHEAP })));
  expect(count(outcomes)).toEqual({ ok: 10, spend_cap_reached: 40 });
  const refused = outcomes.find((o) => !o.ok)!;
  expect(refused.message).toContain(`of today's ${formatUsd(cap)} left; this request is estimated at up to ${formatUsd(each)}.`);
  expect(refused.message).toMatch(/^The team's daily spend cap is reached: \$[\d.]+ of today's/);

  // Settled at the returned usage: the offline API's usage prices at the published figure, so nothing frees up.
  await expect.poll(() => readFileSync(log, 'utf8').trim().split('\n').length).toBe(50);
  const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const ok = lines.filter((l) => l.status === 'ok');
  expect(ok).toHaveLength(10);
  for (const l of ok) expect(l.actualUsd).toBeCloseTo(each, 9);
  expect(lines.filter((l) => l.status === 'refused' && l.code === 'spend_cap_reached')).toHaveLength(40);
  const again = await generate(server.url, { fields: CHEAP });
  expect(again.code).toBe('spend_cap_reached');
});

test('a cancelled or failed request settles at what it cost, freeing the rest of its reservation', async () => {
  // Room for one reservation of the stream below at a time: each one must settle low for the next to pass.
  const fields = { model: 'gpt-image-1', prompt: 'a fox', size: '1024x1024', quality: 'medium', n: 1, stream: true, partial_images: 2 };
  const each = estimateCost({ model: 'gpt-image-1', size: '1024x1024', quality: 'medium', n: 1, partialImages: 2, prompt: 'a fox' }).high;
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', SPEND_CAP_TOTAL_USD: String(Math.round(each * 1.5 * 1e6) / 1e6), AUDIT_LOG: 'stdout' });
  const { callAction } = await import('../helpers/actions');
  // A stream cut after its first partial costs that partial's 100 tokens, not the whole image.
  for (let i = 0; i < 3; i++) {
    const { text } = await callAction(server.url, 'generate', [{ provider: 'offline', fields, simulate: { fault: 'stream_cut' } }]);
    expect(text).toMatch(/"ok":true/);
  }
  await expect.poll(() => server!.output().split('\n').filter((l) => l.startsWith('audit ')).length).toBe(3);
  const lines = server.output().split('\n').filter((l) => l.startsWith('audit ')).map((l) => JSON.parse(l.slice(6)));
  for (const l of lines) {
    expect(l.status).toBe('failed');
    expect(l.actualUsd).toBeGreaterThan(0);
    expect(l.actualUsd).toBeLessThan(each / 10);
  }
  // The whole image now fits once (1.5 × its estimate minus three partials), and only once.
  expect((await generate(server.url, { fields })).ok).toBe(true);
  expect((await generate(server.url, { fields })).code).toBe('spend_cap_reached');
});

test('the studio shows a spend-cap refusal as its usual alert, with the budget left', async ({ page }) => {
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', SPEND_CAP_USER_USD: '0.001', AUDIT_LOG: 'off' });
  await page.goto(server.url);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('an expensive castle');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'spend_cap_reached' });
  await expect(alert).toContainText("Today's spend cap is reached");
  await expect(alert).toContainText("$0.001 of today's $0.001 left; this request is estimated at up to $");
  // The parameters stay for a cheaper try.
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('an expensive castle');
});

test('Settings shows the limits and where the person stands against today’s caps, settled at actual cost', async ({ page }) => {
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1', SPEND_CAP_USER_USD: '2', RATE_LIMIT_GLOBAL_PER_MIN: '30', AUDIT_LOG: 'off' });
  await page.goto(`${server.url}/settings`);
  const limits = page.getByRole('table', { name: 'Limits' });
  await expect(limits.getByRole('row', { name: /Requests \(everyone\)/ })).toContainText('30 a minute');
  await expect(limits.getByRole('row', { name: /Requests \(you\)/ })).toContainText('no limit');
  await expect(limits.getByRole('row', { name: /Kept/ })).toContainText('memory');
  await expect(limits.getByRole('row', { name: /Your spend today/ })).toContainText('$0.00 of $2.00; $2.00 left');
  const outcome = await generate(server.url, { fields: CHEAP });
  expect(outcome.ok).toBe(true);
  // Settled at the returned usage, which must price at OpenAI's published figure for this request.
  const each = CHEAP_USD;
  await page.reload();
  await expect(limits.getByRole('row', { name: /Your spend today/ })).toContainText(`${formatUsd(each)} of $2.00; ${formatUsd(2 - each)} left`);
  await expect(limits.getByRole('row', { name: /Team spend today/ })).toContainText(`${formatUsd(each)}, no cap`);
});
