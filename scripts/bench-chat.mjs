/**
 * Chat figures (issue #6), in Debian's Chromium against the production server bench.mjs started (offline
 * Responses API). benchChat(baseUrl) is called by bench.mjs; `node scripts/bench-chat.mjs http://127.0.0.1:3300`
 * runs it alone against a running server.
 *
 * - turn timing: a thread of 5 turns (the first generates, each next one continues it by previous_response_id),
 *   image tool at 1024x1024 high with 2 partial images and 1.5 s simulated latency (spread by the offline API over
 *   the 2 partials and the final: ~500 ms each). In the page: from the Send click (a capturing listener) until the
 *   turn's first partial image and its final image have decoded and been painted (img.decode() then the next
 *   animation frame). The same 5-turn chain is posted straight to POST /api/offline/v1/responses (stream) from
 *   Node, each direct turn right after its browser turn: time to the first partial_image record and to the
 *   output_item.done carrying the image. Relay overhead
 *   = browser median − direct median: the server action, the job, React's wire format, blob, decode and paint.
 * - reload: that 5-turn thread reloaded (text in localStorage, images in IndexedDB); time from navigation start
 *   until all 5 turns' final images have decoded and been painted; median of 3 reloads.
 */
import { chromium } from '@playwright/test';
import { createParser } from 'eventsource-parser';
import { pathToFileURL } from 'node:url';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const TURNS = 5;
const LATENCY = 1500;
const PARTIALS = 2;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Per turn, when its first partial and its final image were painted; and when each Send was clicked. */
const WATCH = () => {
  window.__sendAt = [];
  window.__turns = {};
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('button')?.textContent?.trim() === 'Send') window.__sendAt.push(performance.now());
  }, true);
  const check = () => {
    for (const img of document.querySelectorAll('article[aria-label^="Turn "] figure img')) {
      const turn = img.closest('article').getAttribute('aria-label');
      const kind = img.alt.startsWith('Partial image') ? 'partial' : 'final';
      if (img.dataset.watched === kind + img.src) continue;
      img.dataset.watched = kind + img.src;
      img.decode().then(() => requestAnimationFrame(() => ((window.__turns[turn] ??= {})[kind] ??= performance.now())), () => {});
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'alt'] });
};

const prompts = Array.from({ length: TURNS }, (_, i) => (i === 0 ? 'a lighthouse at dusk, chat bench' : `now make it ${['stormier', 'at night', 'in winter', 'from the sea'][i - 1]}`));

/** The same chain of turns straight to the offline Responses API, from Node: one turn per call. */
function directThread(base, model) {
  let previous;
  return async (text) => {
    const t = performance.now();
    const res = await fetch(`${base}/api/offline/v1/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench', 'content-type': 'application/json', 'x-offline-latency-ms': String(LATENCY) },
      body: JSON.stringify({
        model: 'gpt-6-luna', stream: true, input: [{ role: 'user', content: [{ type: 'input_text', text }] }],
        tools: [{ type: 'image_generation', model, size: '1024x1024', quality: 'high', partial_images: PARTIALS }],
        ...(previous ? { previous_response_id: previous } : {}),
      }),
    });
    if (!res.ok) throw new Error(`POST /responses answered ${res.status}: ${await res.text()}`);
    const r = { partial: null, final: null };
    const parser = createParser({
      onEvent(e) {
        const data = JSON.parse(e.data);
        if (data.type.endsWith('partial_image')) r.partial ??= performance.now() - t;
        if (data.type === 'response.output_item.done' && data.item.type === 'image_generation_call') r.final = performance.now() - t;
        if (data.type === 'response.completed') previous = data.response.id;
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
    return r;
  };
}

export async function benchChat(base) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    // How each turn's server-action request ended: Chromium marked some finished ones net::ERR_ABORTED while
    // actions answered `no-store` (lib/pipeline/action-cache-control.server.ts).
    const ended = { finished: 0, aborted: 0, failed: 0 };
    const isAction = (r) => r.method() === 'POST' && !!r.headers()['next-action'];
    page.on('requestfinished', (r) => isAction(r) && ended.finished++);
    page.on('requestfailed', (r) => isAction(r) && (/ERR_ABORTED/.test(r.failure()?.errorText ?? '') ? ended.aborted++ : ended.failed++));
    await page.goto(`${base}/chat`);
    await page.getByRole('combobox', { name: 'Main model' }).waitFor();
    await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
    await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
    await page.getByRole('spinbutton', { name: 'Partial images' }).fill(String(PARTIALS));
    await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill(String(LATENCY));
    const model = await page.getByRole('combobox', { name: 'Image model' }).inputValue();
    const direct = directThread(base, model);
    const api = [];
    // Browser turn and direct turn alternate, so both see the same load on this machine.
    for (const [i, text] of prompts.entries()) {
      await page.getByRole('textbox', { name: 'Message' }).fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForFunction((n) => window.__turns[`Turn ${n}`]?.final, i + 1, { timeout: 30_000 });
      api.push(await direct(text));
    }
    const { sendAt, turns } = await page.evaluate(() => ({ sendAt: window.__sendAt, turns: window.__turns }));
    const browserRuns = prompts.map((_, i) => ({ partial: turns[`Turn ${i + 1}`].partial - sendAt[i], final: turns[`Turn ${i + 1}`].final - sendAt[i] }));
    const [bp, bf, ap, af] = [median(browserRuns.map((r) => r.partial)), median(browserRuns.map((r) => r.final)), median(api.map((r) => r.partial)), median(api.map((r) => r.final))];
    const slice = LATENCY / (PARTIALS + 1);
    console.log(`chat turn, Send → first partial painted (${model} high 1024x1024, ${PARTIALS} partials, ${LATENCY / 1000} s simulated latency, ~${slice.toFixed(0)} ms of it before the first): median ${fmt(bp)} (straight from the offline API ${fmt(ap)}; relay overhead ${fmt(bp - ap)}) over ${TURNS} turns`);
    console.log(`chat turn, Send → final image painted: median ${fmt(bf)}, max ${fmt(Math.max(...browserRuns.map((r) => r.final)))} (straight from the offline API ${fmt(af)}; relay overhead ${fmt(bf - af)}; ${fmt(bf - LATENCY)} over the simulated latency)`);
    // The last turn's answer ends a moment after its image (spend settled, job ended).
    for (let i = 0; i < 50 && ended.finished + ended.aborted + ended.failed < TURNS; i++) await page.waitForTimeout(100);
    console.log(`chat action requests: ${ended.finished} finished, ${ended.aborted} marked net::ERR_ABORTED, ${ended.failed} failed otherwise`);

    const reloads = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      reloads.push(await page.waitForFunction((n) => {
        const t = Array.from({ length: n }, (_, i) => window.__turns[`Turn ${i + 1}`]?.final);
        return t.every(Boolean) && Math.max(...t);
      }, TURNS, { timeout: 30_000 }).then((h) => h.jsonValue()));
    }
    console.log(`chat reload, ${TURNS}-turn thread: all ${TURNS} images drawn from IndexedDB ${fmt(median(reloads))} after navigation start (median of 3 reloads)`);
    await context.close();
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchChat(process.argv[2] ?? 'http://127.0.0.1:3300');
