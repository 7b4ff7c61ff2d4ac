/**
 * Hosting figures (issue #7), called by bench.mjs with the main server's base URL. Extra production servers of
 * the same build (NEXT_DIST_DIR) are started here on loopback with their own environment, and a throwaway
 * redis-server (`--save '' --appendonly no`); all are stopped at the end. Medians (and p95) over N runs.
 *
 * - session check: the `cancel` server action (it only asks who is calling, then finds no such job) and
 *   GET /api/offline/v1/models, called over HTTP alternately on a server without a passcode and one with a
 *   passcode and a valid session cookie; the difference of the medians is what checking the signed cookie costs.
 * - sign-in: POST /login as the form does without JavaScript (its hidden action fields plus the passcode),
 *   from request sent to the 303 with the session cookie.
 * - limits: the `generate` server action over HTTP (as e2e/helpers/actions.ts does) with a fixed-price request,
 *   called in turn on three servers: no limits, limits in memory, limits in Redis (RATE_LIMIT_* and SPEND_CAP_*
 *   far above what the bench uses, so nothing is refused and every call reserves and settles). Overhead =
 *   median of the per-round differences in wall time (with limits − without). Settlement runs when the job ends, as its last bytes go out,
 *   so it shows in wall time only through the CPU it takes; the Redis commands per generation (INFO
 *   commandstats) count both. Throughput: 50 concurrent calls per server, wall time until all answered, 3 rounds.
 * - job bytes: lib/pipeline/jobs.server.ts run directly (tsx, react-server condition) with the events of a real
 *   offline-API stream (gpt-image-2 high 1024x1024, 3 partials): what the registry counts while the job runs and
 *   after it ends (what JOB_RETENTION_MB bounds), and the ArrayBuffer memory 8 finished jobs really hold, per job.
 * - keep-alives: a raw HTTP/1.1 socket reads a streamed `generate` answer from a server with STREAM_KEEPALIVE_MS
 *   small; the bytes of the keep-alive rows with their chunked-encoding framing, scaled to the default interval.
 * - recovery: in Chromium, the studio generates with 2 partials and 3 s of simulated latency; the tab is closed
 *   after the first partial; a new tab of the same browser opens the studio; time from its navigation start until
 *   the final image has decoded and been painted (img.decode() then the next animation frame).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { root } from './setup.mjs';
import { openDeveloper } from './studio-ui.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PASSCODE = 'bench-passcode-1234';
const HIGH_LIMITS = { RATE_LIMIT_USER_PER_MIN: '1000000', RATE_LIMIT_GLOBAL_PER_MIN: '1000000', SPEND_CAP_USER_USD: '1000000', SPEND_CAP_TOTAL_USD: '1000000' };
/** gpt-image-2.6-sunburst low 1024x1024, one image, not streamed: a cheap fixed-price render. */
const CHEAP = { model: 'gpt-image-2.6-sunburst', prompt: 'a small red square', size: '1024x1024', quality: 'low', n: 1 };

export const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95) };
};
export const fmt = (ms) => `${ms.toFixed(1)} ms`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Ports above the main server's (BENCH_PORT), the first free ones, handed out once each.
let nextPort = Number(process.env.BENCH_PORT ?? 3300) + 1;
async function freePort() {
  for (;; nextPort++) {
    const port = nextPort;
    const free = await new Promise((res) => {
      const s = createServer().once('error', () => res(false));
      s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
    });
    if (free) return nextPort++;
  }
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) try { process.kill(-c.pid, 'SIGTERM'); } catch {}
});

function stopChild(child) {
  children.delete(child);
  return new Promise((res) => {
    if (child.exitCode !== null) return res();
    child.once('exit', res);
    try { process.kill(-child.pid, 'SIGTERM'); } catch { res(); }
  });
}

/** `next start` of this build with the bench defaults plus `env`. */
export async function startServer(env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: 'ignore', // audit lines go to stdout: not wanted here
    env: { ...process.env, PORT: String(port), OFFLINE_LATENCY_MS: '0', NEXT_TELEMETRY_DISABLED: '1', OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '', GATEWAY_API_KEY: '', OFFLINE_API_KEY: '', ...env },
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`server with ${JSON.stringify(env)} did not start`);
    try {
      await fetch(`${url}/api/offline/v1/models`);
      break;
    } catch {
      await sleep(100);
    }
  }
  return { url, stop: () => stopChild(child) };
}

async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { detached: true, stdio: 'ignore' });
  children.add(child);
  for (let i = 0; ; i++) {
    const pong = await new Promise((res) => {
      const s = connect({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
      s.on('data', (d) => { res(d.toString().startsWith('+PONG')); s.destroy(); });
      s.on('error', () => res(false));
    });
    if (pong) break;
    if (child.exitCode !== null || i > 100) throw new Error('redis-server did not start (is the Debian package installed?)');
    await sleep(100);
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** A server action from this build's manifest, and the page a browser posts it to. */
export function findAction(name) {
  const dist = join(root, process.env.NEXT_DIST_DIR || '.next');
  const manifest = JSON.parse(readFileSync(join(dist, 'server', 'server-reference-manifest.json'), 'utf8'));
  const [id, a] = Object.entries(manifest.node).find(([, a]) => a.exportedName === name) ?? [];
  if (!id) throw new Error(`no server action named ${name} in the build`);
  const worker = Object.keys(a.workers)[0] ?? 'app/page';
  return { id, page: worker.replace(/^app/, '').replace(/\/page$/, '') || '/' };
}

export function postAction(base, action, args, headers = {}) {
  return fetch(new URL(action.page, base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', ...headers },
    body: JSON.stringify(args),
  });
}

/** Wall time of one request until the whole answer is in; `check` throws on an answer that is not what we time. */
async function timed(send, check = () => {}) {
  const t = performance.now();
  const res = await send();
  const text = await res.text();
  const ms = performance.now() - t;
  check(res, text);
  return ms;
}

const generated = (res, text) => {
  if (res.status !== 200 || !/"ok":true/.test(text)) throw new Error(`generate was not answered ok (HTTP ${res.status}): ${text.slice(0, 300)}`);
};

/** The sign-in form posted as a browser without JavaScript posts it: its hidden fields plus the passcode. */
async function signInForm(base) {
  const html = await (await fetch(`${base}/login`)).text();
  const form = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
  const fd = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) fd.append(m[1], (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  fd.append('passcode', PASSCODE);
  return fd;
}

async function access(open, locked) {
  const form = await signInForm(locked.url);
  const signIns = [];
  let cookie = '';
  for (let i = 0; i < RUNS; i++) {
    signIns.push(await timed(() => fetch(`${locked.url}/login`, { method: 'POST', body: form, redirect: 'manual' }), (res) => {
      const set = res.headers.getSetCookie().find((c) => c.startsWith('playground_session='));
      if (res.status !== 303 || !set) throw new Error(`sign-in answered ${res.status} without a session cookie`);
      cookie = set.split(';')[0];
    }));
  }
  const cancel = findAction('cancel');
  const ok = (res, text) => {
    if (res.status !== 200 || !text.includes('"cancelled":false')) throw new Error(`cancel answered ${res.status}: ${text.slice(0, 200)}`);
  };
  const models = (res) => {
    if (res.status !== 200) throw new Error(`GET /models answered ${res.status}`);
  };
  const calls = {
    action: (s) => () => postAction(s.url, cancel, ['no-such-job'], { cookie }),
    offline: (s) => () => fetch(`${s.url}/api/offline/v1/models`, { headers: s === open ? { authorization: 'Bearer bench' } : { cookie } }),
  };
  const n = RUNS * 10;
  const t = { action: { open: [], locked: [] }, offline: { open: [], locked: [] } };
  for (const kind of ['action', 'offline']) {
    const check = kind === 'action' ? ok : models;
    for (let i = 0; i < 10; i++) for (const s of [open, locked]) await timed(calls[kind](s), check); // warm
    for (let i = 0; i < n; i++) for (const [k, s] of [['open', open], ['locked', locked]]) t[kind][k].push(await timed(calls[kind](s), check));
  }
  const line = (label, { open: o, locked: l }) => {
    const [a, b] = [stats(o), stats(l)];
    console.log(`session check, ${label}: ${fmt(b.median - a.median)} per request (median ${fmt(b.median)} with a passcode and a session, ${fmt(a.median)} open; p95 ${fmt(b.p95)} vs ${fmt(a.p95)}; ${n} calls each, alternating)`);
  };
  line('server action (cancel)', t.action);
  line('offline API (GET /models)', t.offline);
  const s = stats(signIns);
  console.log(`sign-in POST (/login form, right passcode → 303 with the session cookie): median ${fmt(s.median)}, p95 ${fmt(s.p95)} over ${RUNS}`);
}

/** Commands a redis-server has run so far, by name (INFO commandstats), leaving out INFO itself. */
async function redisCommands(url) {
  const { hostname, port } = new URL(url);
  const text = await new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const s = connect({ host: hostname, port: Number(port) }, () => s.write('INFO commandstats\r\n'));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const head = /^\$(\d+)\r\n/.exec(buf.toString('latin1', 0, 20));
      if (head && buf.length >= head[0].length + Number(head[1]) + 2) {
        s.destroy();
        resolve(buf.toString('latin1'));
      }
    });
    s.on('error', reject);
  });
  return Object.fromEntries([...text.matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)].filter(([, name]) => name !== 'info').map(([, name, n]) => [name, Number(n)]));
}

async function limits(servers, redis) {
  const generate = findAction('generate');
  const call = (s, i) => () => postAction(s.url, generate, [{ provider: 'offline', fields: { ...CHEAP, prompt: `${CHEAP.prompt} ${i}` } }]);
  for (const s of servers) for (let i = 0; i < 3; i++) await timed(call(s, i), generated); // warm
  const times = new Map(servers.map((s) => [s, []]));
  const n = RUNS * 4;
  const before = await redisCommands(redis.url);
  // Round-robin, starting with a different server each round, so drift and order effects fall on all alike.
  for (let i = 0; i < n; i++) for (let j = 0; j < servers.length; j++) {
    const s = servers[(i + j) % servers.length];
    times.get(s).push(await timed(call(s, i), generated));
  }
  const after = await redisCommands(redis.url);
  const base = stats(times.get(servers[0]));
  console.log(`generate action without limits (${CHEAP.model} ${CHEAP.quality} ${CHEAP.size}, not streamed): median ${fmt(base.median)}, p95 ${fmt(base.p95)} over ${n} calls`);
  for (const s of servers.slice(1)) {
    const m = stats(times.get(s));
    // Paired by round: each call against the call without limits made in the same round.
    const paired = stats(times.get(s).map((ms, i) => ms - times.get(servers[0])[i]));
    console.log(`admission + settlement, ${s.label}: ${fmt(paired.median)} per generation (median of ${n} paired differences; medians ${fmt(m.median)} vs ${fmt(base.median)}, p95 ${fmt(m.p95)}; round-robin with the server without limits)`);
  }
  const used = Object.entries(after).map(([name, calls]) => [name, (calls - (before[name] ?? 0)) / n]).filter(([, per]) => per > 0);
  console.log(`Redis commands per generation, counting those the Lua scripts run: ${used.reduce((a, [, per]) => a + per, 0).toFixed(1)} (${used.map(([name, per]) => `${name} ${per.toFixed(1)}`).join(', ')}; INFO commandstats before and after the ${n} calls)`);
  const walls = new Map(servers.map((s) => [s, []]));
  for (let round = 0; round < 3; round++) {
    for (const s of servers) {
      const t = performance.now();
      await Promise.all(Array.from({ length: 50 }, (_, i) => timed(call(s, `r${round} c${i}`), generated)));
      walls.get(s).push(performance.now() - t);
    }
  }
  const parts = servers.map((s) => `${s.label} ${fmt(stats(walls.get(s)).median)}`);
  console.log(`throughput, 50 concurrent generate actions until all answered ok (median of 3 rounds): ${parts.join('; ')}`);
}

/** jobs.ts in a child process: `server-only` resolves to its empty react-server entry, tsx compiles the TypeScript. */
const JOB_BYTES = `
import { createParser } from 'eventsource-parser';
const { startJob, endJob, retainedBytes } = await import(process.cwd() + '/lib/pipeline/jobs.server.ts');
const res = await fetch(process.env.BENCH_BASE + '/api/offline/v1/images/generations', {
  method: 'POST', headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'gpt-image-2', prompt: 'a lighthouse at dusk, kept for a closed tab', size: '1024x1024', quality: 'high', stream: true, partial_images: 3 }),
});
const records = [];
const parser = createParser({ onEvent: (e) => records.push(JSON.parse(e.data)) });
const decoder = new TextDecoder();
for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
const partials = records.filter((r) => r.type.endsWith('partial_image'));
const final = records.find((r) => r.type.endsWith('completed'));
const imageBytes = (r) => Buffer.byteLength(r.b64_json, 'base64');
function run(k) {
  const { job } = startJob('bench', undefined);
  let peak = 0;
  const emit = (e) => { job.emit(e); peak = Math.max(peak, retainedBytes()); };
  emit({ type: 'started', jobId: job.id, tiles: 1, streaming: true });
  for (const p of partials) emit({ type: 'partial', tile: 0, partialIndex: p.partial_image_index, bytes: new Uint8Array(Buffer.from(p.b64_json, 'base64')), mime: 'image/png', at: Date.now() });
  emit({ type: 'completed', tile: 0, bytes: new Uint8Array(Buffer.from(final.b64_json, 'base64')), mime: 'image/png', width: 1024, height: 1024, echoed: {}, usage: null, latencyMs: 0, at: Date.now() });
  endJob(job.id);
  return peak;
}
const before = retainedBytes();
const peak = run() - before;
const kept = retainedBytes() - before;
global.gc(); const ab0 = process.memoryUsage().arrayBuffers;
for (let k = 0; k < 8; k++) run();
global.gc(); const ab1 = process.memoryUsage().arrayBuffers;
console.log(JSON.stringify({ partials: partials.map(imageBytes), final: imageBytes(final), peak, kept, heldPerJob: (ab1 - ab0) / 8 }));
`;

function jobBytes(base) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', JOB_BYTES], { cwd: root, env: { ...process.env, BENCH_BASE: base }, encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').at(-1);
  if (r.status !== 0 || !line?.startsWith('{')) {
    console.log(`bytes kept per job: skipped (lib/pipeline/jobs.server.ts could not be run directly: ${(r.stderr || r.stdout).trim().split('\n')[0]})`);
    return;
  }
  const j = JSON.parse(line);
  const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
  console.log(`bytes kept per job, gpt-image-2 high 1024x1024, 3 partials (${j.partials.map(kb).join(' + ')} partials, ${kb(j.final)} final): ${kb(j.peak)} at most while running, ${kb(j.kept)} once ended, as jobs.ts counts them; ${kb(j.heldPerJob)} of ArrayBuffers really held per finished job (8 jobs)`);
}

/** A streamed generate answer read from a raw socket: each keep-alive row with its chunked framing, as sent. */
async function keepalives(server) {
  const generate = findAction('generate');
  const body = JSON.stringify([{ provider: 'offline', fields: { model: 'gpt-image-2', prompt: 'keep-alive bench', size: '1024x1024', quality: 'low', stream: true, partial_images: 0 }, simulate: { latencyMs: 6000 } }]);
  const { hostname, port } = new URL(server.url);
  const wire = await new Promise((resolve, reject) => {
    const chunks = [];
    const s = connect({ host: hostname, port: Number(port) }, () => {
      s.write(`POST ${generate.page} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nnext-action: ${generate.id}\r\ncontent-type: text/plain;charset=UTF-8\r\naccept: text/x-component\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    });
    s.on('data', (d) => chunks.push(d));
    s.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    s.on('error', reject);
  });
  // Chunked transfer encoding: `<hex size>\r\n<data>\r\n` per write; keep-alives are written on their own.
  const rows = [...wire.matchAll(/(?<=\r\n)([0-9a-f]+\r\n)([^\r]*"type":"keepalive"[^\r]*)\r\n/g)].map((m) => m[1].length + m[2].length + 2);
  if (rows.length < 3) throw new Error(`expected keep-alives on the wire, found ${rows.length}`);
  const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
  const perMin = 60_000 / 15_000;
  console.log(`keep-alives on the wire: ${mean.toFixed(1)} bytes each (HTTP chunk with its framing; ${rows.length} seen in a 6 s silence at STREAM_KEEPALIVE_MS=500) → ${perMin} per minute at the default 15 s = ${(mean * perMin).toFixed(0)} bytes/min of HTTP body, about ${((mean + 66 + 66) * perMin).toFixed(0)} bytes/min with loopback TCP/IP headers (66 bytes) and the ACK (66 bytes)`);
}

/** Note (in the page) when an <img> with this alt has decoded and been painted. */
const WATCH = (alt) => {
  window.__shownAt = null;
  const check = () => {
    for (const img of document.querySelectorAll('img')) {
      if (img.alt !== alt || img.dataset.watched === img.src) continue;
      img.dataset.watched = img.src;
      img.decode().then(() => requestAnimationFrame(() => (window.__shownAt ??= performance.now())), () => {});
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'alt'] });
};

async function recovery(browser, base) {
  const latency = 3000;
  const mid = [];
  const after = [];
  const ready = [];
  for (let i = 0; i < 6; i++) {
    const waitForEnd = i % 2 === 1; // alternate: open again at once, or once the job has ended on the server
    const prompt = `a glass greenhouse in the snow, recovery bench ${i}`;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(WATCH, prompt);
    const first = await context.newPage();
    await first.goto(base);
    await first.getByLabel('Storage used').filter({ hasText: 'stored in this browser' }).waitFor();
    await first.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
    await first.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
    await openDeveloper(first);
    await first.getByRole('spinbutton', { name: 'Latency (ms)' }).fill(String(latency));
    await first.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    const clicked = Date.now();
    await first.getByRole('button', { name: 'Generate' }).click();
    await first.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: /^Partial image 1 of/ }).waitFor({ timeout: 15_000 });
    await first.close();
    const left = latency - (Date.now() - clicked);
    if (waitForEnd) await sleep(left + 500);
    const second = await context.newPage();
    await second.goto(base);
    const pageReady = await second.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    const shown = await second.waitForFunction(() => window.__shownAt, null, { timeout: 20_000 }).then((h) => h.jsonValue());
    if (waitForEnd) {
      after.push(shown);
      ready.push(pageReady);
    } else mid.push({ shown, left });
    await context.close();
  }
  const m = stats(mid.map((r) => r.shown));
  console.log(`recovery after a closed tab, reopened at once (${latency / 1000} s simulated latency, 2 partials, tab closed after the first): final image shown ${fmt(m.median)} after navigation start (median of ${mid.length}; the job had ~${fmt(stats(mid.map((r) => r.left)).median)} of simulated work left)`);
  console.log(`recovery after a closed tab, reopened once the job had ended: final image shown ${fmt(stats(after).median)} after navigation start (median of ${after.length}; the page's load event at ${fmt(stats(ready).median)})`);
}

export async function benchHosting(base) {
  const redis = await startRedis();
  const started = [];
  const start = async (label, env) => {
    const s = await startServer(env);
    started.push(s);
    return { ...s, label };
  };
  try {
    const [open, locked, memory, shared, chatty] = await Promise.all([
      start('no limits', {}),
      start('passcode', { PLAYGROUND_PASSCODE: PASSCODE }),
      start('limits in memory', HIGH_LIMITS),
      start('limits in Redis', { ...HIGH_LIMITS, REDIS_URL: redis.url }),
      start('keep-alives', { STREAM_KEEPALIVE_MS: '500' }),
    ]);
    await access(open, locked);
    await limits([open, memory, shared], redis);
    await keepalives(chatty);
    await Promise.all(started.splice(0).map((s) => s.stop()));
    await redis.stop();
    jobBytes(base);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    try {
      await recovery(browser, base);
    } finally {
      await browser.close();
    }
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    await redis.stop();
  }
}

// `node scripts/bench-hosting.mjs http://127.0.0.1:3350` runs it alone against a running main server.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchHosting(process.argv[2] ?? 'http://127.0.0.1:3300');
