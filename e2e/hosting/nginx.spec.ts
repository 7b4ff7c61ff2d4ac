/**
 * The README's nginx block, run as written (TLS lines dropped, ports and the read timeout scaled down) in front
 * of a passcode-protected server: signing in works through it (server actions compare Origin with the
 * forwarded Host, which must carry the port), and a streamed generation longer than nginx's read timeout
 * arrives because keep-alives reach the browser through unbuffered proxying.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer, type TestServer } from '../helpers/server';
import { requireTools } from '../helpers/tools';
import { signInThroughForm } from './access-helpers';
import { openDeveloper } from '../ui/helpers';

const README = new URL('../../README.md', import.meta.url).pathname;

/** The server block from the README's "Behind nginx" fence, adapted to loopback ports and a short read timeout. */
function readmeConfig(upstreamPort: number, listenPort: number, readTimeoutS: number, dir: string): string {
  const fence = /```nginx\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!fence) throw new Error('README has no nginx block');
  const block = fence
    .replace(/server 127\.0\.0\.1:\d+;/, `server 127.0.0.1:${upstreamPort};`)
    .replace(/listen 443 ssl;/, `listen 127.0.0.1:${listenPort};`)
    .replace(/^\s*ssl_certificate.*$/gm, '')
    .replace(/proxy_read_timeout \d+s;/, `proxy_read_timeout ${readTimeoutS}s;`);
  expect(block).toContain(`proxy_read_timeout ${readTimeoutS}s;`);
  return `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 64; }
http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
${block}
}`;
}

let server: TestServer;
let nginx: ChildProcess;
let url = '';

test.beforeAll(async () => {
  // Without nginx this fails saying what to install: a skip would end the run green with the README block untested.
  requireTools('nginx');
  server = await startServer({ PLAYGROUND_PASSCODE: 'behind-nginx', TRUST_PROXY: '1', STREAM_KEEPALIVE_MS: '1000' });
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), readmeConfig(server.port, port, 3, dir));
  nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await fetch(url).then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
});

test.afterAll(async () => {
  nginx?.kill('SIGQUIT');
  await server?.stop();
});

test('through the README nginx block: sign in, then a generation twice as long as the read timeout arrives', async ({ page }) => {
  test.setTimeout(60_000);
  await signInThroughForm(page, url, 'behind-nginx');
  const prompt = 'a lighthouse seen through nginx';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('1');
  await openDeveloper(page);
  await page.getByLabel('Latency (ms)').fill('12000');
  await page.getByRole('button', { name: 'Generate' }).click();
  const gallery = page.getByRole('region', { name: 'Gallery' });
  // One partial over 12 s: two silences of ~6 s, each twice nginx's 3 s read timeout; only keep-alives bridge them.
  await expect(gallery.getByRole('img', { name: /^Partial image/ })).toBeVisible({ timeout: 15_000 });
  await expect(gallery.getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(gallery.getByRole('alert')).toHaveCount(0);
});
