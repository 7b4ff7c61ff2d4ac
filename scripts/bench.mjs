/**
 * `npm run bench`: figures for the offline image API, measured against a production server started here on
 * loopback with zero simulated latency. Prints one line per figure.
 *
 * - server time: wall time of a non-streamed generation from request sent to the last byte of the answer,
 *   on loopback (so it is the server's time plus well under a millisecond of transport); median and p95 of N.
 * - time to first partial: a streamed request until the first complete `partial_image` SSE record.
 * - peak RSS: the server's resident memory (whole process tree), sampled every 10 ms while 16 concurrent
 *   1536x1024 requests run.
 *
 * Then the cost estimator's error against billed usage (bench-cost.mjs), the studio and mask painter in Chromium (bench-studio.mjs, bench-mask.mjs), GIF and SVG
 * results in Chromium (bench-gif-svg.mjs: click to first GIF frame shown, sanitizing a 1 MB SVG), the chat (bench-chat.mjs) and
 * hosting for a team (bench-hosting.mjs: access, limits, keep-alives, jobs, recovery), each saying how it measures.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createParser } from 'eventsource-parser';
import { ensureBuild, ensurePackages, ensureTestTools, root } from './setup.mjs';
import { benchStudio } from './bench-studio.mjs';
import { benchGifSvg } from './bench-gif-svg.mjs';
import { benchChat } from './bench-chat.mjs';
import { benchHosting } from './bench-hosting.mjs';
import { benchCost } from './bench-cost.mjs';

ensurePackages();
ensureTestTools();
ensureBuild();

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}/api/offline/v1`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
  cwd: root,
  env: { ...process.env, PORT: String(PORT), OFFLINE_LATENCY_MS: '0', ENABLE_DEV_PAGES: '1', NEXT_TELEMETRY_DISABLED: '1', OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

async function waitUp() {
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`${BASE}/models`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('server did not start');
}

function post(body) {
  return fetch(`${BASE}/images/generations`, {
    method: 'POST',
    headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function timeGeneration(body) {
  const t = performance.now();
  const res = await post(body);
  const bytes = (await res.arrayBuffer()).byteLength;
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${new TextDecoder().decode(bytes)}`);
  return { ms: performance.now() - t, bytes };
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0] };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function serverTime(label, body, goal) {
  await timeGeneration(body); // warm: first call loads code paths and sharp
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await timeGeneration({ ...body, prompt: `${body.prompt} #${i}` });
    runs.push(r.ms);
    bytes = r.bytes;
  }
  const s = stats(runs);
  console.log(`${label}: median ${fmt(s.median)}, p95 ${fmt(s.p95)} over ${RUNS} runs (answer ${(bytes / 1e6).toFixed(2)} MB; goal ≤ ${goal} ms) ${s.median <= goal ? 'OK' : 'OVER'}`);
}

async function firstPartial(body) {
  const t = performance.now();
  const res = await post({ ...body, stream: true });
  let first = null;
  let done = null;
  const parser = createParser({
    onEvent(e) {
      if (first === null && e.event?.endsWith('partial_image')) first = performance.now() - t;
      if (e.event?.endsWith('completed')) done = performance.now() - t;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
  return { first, done };
}

function treeRss(pid) {
  let kb = 0;
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return kb * 1024;
}

async function peakRss(concurrency, body) {
  const before = treeRss(server.pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(server.pid))), 10);
  const t = performance.now();
  const results = await Promise.all(Array.from({ length: concurrency }, (_, i) => timeGeneration({ ...body, prompt: `${body.prompt} ${i}` })));
  const wall = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, treeRss(server.pid));
  const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(`peak RSS, ${concurrency} concurrent ${body.model} ${body.quality} ${body.size}: ${mb(peak)} (idle before: ${mb(before)}; all ${concurrency} answered in ${fmt(wall)}, slowest ${fmt(Math.max(...results.map((r) => r.ms)))})`);
}

try {
  await waitUp();
  console.log(`offline image API bench — node ${process.version}, ${RUNS} runs each, zero simulated latency, loopback\n`);
  await serverTime('server time, gpt-image-2.6-sunburst low 1024x1024', { model: 'gpt-image-2.6-sunburst', prompt: 'a lighthouse at dusk', quality: 'low', size: '1024x1024' }, 150);
  await serverTime('server time, gpt-image-2 high 3840x2160', { model: 'gpt-image-2', prompt: 'a lighthouse at dusk', quality: 'high', size: '3840x2160' }, 1500);
  const tt = [];
  for (let i = 0; i < RUNS; i++) tt.push(await firstPartial({ model: 'gpt-image-2.6-sunburst', prompt: `a lighthouse at dusk ${i}`, quality: 'high', size: '1024x1024', partial_images: 3 }));
  const f = stats(tt.map((r) => r.first));
  const d = stats(tt.map((r) => r.done));
  console.log(`time to first partial, gpt-image-2.6-sunburst high 1024x1024, 3 partials: median ${fmt(f.median)}, p95 ${fmt(f.p95)} (whole stream: median ${fmt(d.median)})`);
  const t4 = [];
  for (let i = 0; i < 5; i++) t4.push(await firstPartial({ model: 'gpt-image-2', prompt: `a lighthouse at dusk ${i}`, quality: 'high', size: '3840x2160', partial_images: 3 }));
  console.log(`time to first partial, gpt-image-2 high 3840x2160, 3 partials: median ${fmt(stats(t4.map((r) => r.first)).median)} (whole stream: median ${fmt(stats(t4.map((r) => r.done)).median)})`);
  await peakRss(16, { model: 'gpt-image-2.6-sunburst', prompt: 'a lighthouse at dusk', quality: 'high', size: '1536x1024' });
  console.log('\ncost estimator (bills over HTTP from the offline API, estimates in-process with lib/cost):');
  await benchCost(`http://127.0.0.1:${PORT}`);
  console.log('\nstudio, in Chromium:');
  await benchStudio(`http://127.0.0.1:${PORT}`);
  console.log('\ngpt-image-2.6 GIF and SVG results, in Chromium:');
  await benchGifSvg(`http://127.0.0.1:${PORT}`);
  console.log('\nchat, in Chromium:');
  await benchChat(`http://127.0.0.1:${PORT}`);
  console.log('\nhosting for a team (extra servers and a redis-server started here):');
  await benchHosting(`http://127.0.0.1:${PORT}`);
} finally {
  stop();
}
