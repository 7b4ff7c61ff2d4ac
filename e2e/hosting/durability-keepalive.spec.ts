/**
 * Streams survive proxies that cut idle connections: the studio driven through a TCP proxy with an idle
 * timeout (e2e/helpers/idle-proxy.ts). The offline API's latency is spread evenly over the partial images and
 * the final one, so 1 partial over 120 s means two silences of 60 s on the stream — only keep-alives fill them.
 * The short pair shows the proxy really cuts: the same generation, keep-alives every 1 s vs none within 3 s.
 */
import { expect, test, type Page } from '@playwright/test';
import { findAction } from '../helpers/actions';
import { startIdleProxy, type IdleProxy } from '../helpers/idle-proxy';
import { startServer, type TestServer } from '../helpers/server';
import { gallery, setLatency } from '../ui/helpers';

let standard: TestServer; // the default STREAM_KEEPALIVE_MS (15 s)
let frequent: TestServer; // keep-alives every second
const proxies: IdleProxy[] = [];

test.beforeAll(async () => {
  [standard, frequent] = await Promise.all([startServer(), startServer({ STREAM_KEEPALIVE_MS: '1000' })]);
});

test.afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all([standard?.stop(), frequent?.stop()]);
});

async function proxy(server: TestServer, idleMs: number): Promise<IdleProxy> {
  const p = await startIdleProxy({ target: server.port, idleMs });
  proxies.push(p);
  return p;
}

async function generate(page: Page, url: string, prompt: string, latencyMs: number) {
  await page.goto(url);
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('1');
  await setLatency(page, latencyMs);
  await page.getByRole('button', { name: 'Generate' }).click();
}

test('a 120 s generation through a proxy with a 60 s idle timeout completes', async ({ page }) => {
  test.setTimeout(200_000);
  const p = await proxy(standard, 60_000);
  const prompt = 'A slow two-minute lighthouse behind a strict proxy';
  await generate(page, p.url, prompt, 120_000);
  await expect(gallery(page).getByRole('img', { name: /^Partial image 1 of/ })).toBeVisible({ timeout: 80_000 });
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 100_000 });
  await expect(gallery(page).getByRole('alert')).toHaveCount(0);
});

test('with keep-alives every second, an 8 s generation passes a proxy with a 3 s idle timeout', async ({ page }) => {
  const p = await proxy(frequent, 3_000);
  const prompt = 'Kept alive through a 3 s proxy';
  await generate(page, p.url, prompt, 8_000);
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(gallery(page).getByRole('alert')).toHaveCount(0);
});

test('without a keep-alive inside the idle timeout, the proxy cuts the same generation', async ({ page }) => {
  const p = await proxy(standard, 3_000);
  const prompt = 'Cut by a 3 s proxy';
  await generate(page, p.url, prompt, 8_000);
  const alert = gallery(page).getByRole('alert').filter({ hasText: 'connection to the server was lost' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('reload the page to take it up again');
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toHaveCount(0);
  expect(p.cuts()).toBeGreaterThan(0);
});

test('each keep-alive reaches the socket at once: no silence on the wire longer than the interval', async () => {
  // The generate action over plain HTTP, reading the socket's bytes as they arrive (React's wire format).
  const action = findAction('generate');
  const started = Date.now();
  const res = await fetch(new URL(action.page, frequent.url), {
    method: 'POST',
    headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
    body: JSON.stringify([{ provider: 'offline', fields: { model: 'gpt-image-2', prompt: 'wire check', size: '1024x1024', quality: 'low', stream: true, partial_images: 0 }, simulate: { latencyMs: 6000 } }]),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const arrivals: { at: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    arrivals.push({ at: Date.now() - started, text: Buffer.from(value).toString('latin1') });
  }
  const keepalives = arrivals.filter((a) => a.text.includes('"type":"keepalive"'));
  expect(keepalives.length).toBeGreaterThanOrEqual(4);
  const gaps = arrivals.slice(1).map((a, i) => a.at - arrivals[i].at);
  expect(Math.max(...gaps)).toBeLessThan(1_600);
  expect(arrivals.at(-1)!.at).toBeGreaterThan(5_500);
  expect(arrivals.some((a) => a.text.includes('"type":"completed"'))).toBe(true);
});
