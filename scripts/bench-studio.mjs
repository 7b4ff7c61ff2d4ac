/**
 * Studio figures, measured in Debian's Chromium driven by Playwright against a production server
 * (called by bench.mjs with the server's base URL).
 *
 * - relay overhead: the offline API stamps each SSE record with its emission time (an `: emitted-at` comment);
 *   the tile's <img> carries it as data-emitted-at; the page records when each partial image has decoded and
 *   been painted (img.decode() then the next animation frame). Delay = painted − emitted, same machine clock.
 *   Runs go one at a time, each to its end, and the count is checked against what the server sent (3 per run).
 *   Beside it, the floor: the same bytes decoded and painted from their Blob in the page. And how each action
 *   request ended (Chromium's net::ERR_ABORTED counted).
 * - wire ratio: bytes of the server action's response body (CDP dataLength summed: the body without HTTP's
 *   chunk framing) ÷ bytes of the image files it delivered (the blobs the page made from them); beside it what
 *   crossed the socket (loadingFinished encodedDataLength: headers and chunk framing included).
 * - first-load JS: every script the studio page loads on first visit, gzip-compressed here with zlib level 6
 *   (transport-independent), and whether any of it contains Konva.
 * - gallery with 200 stored images: IndexedDB is filled through the app's own history module shapes, the
 *   page is reloaded, and the time from navigation start until 200 history images are in the DOM and the
 *   visible ones have loaded; JS heap from CDP after a GC; object URLs alive vs images shown.
 */
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { benchMask } from './bench-mask.mjs';
import { openDeveloper } from './studio-ui.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/**
 * Watch partial images appear and note when each was painted. Beside each, the floor no relay can beat: the
 * same image bytes decoded and painted straight from their Blob in this page (decode + next frame), so the
 * overhead above it is what the server and the wire add. Decode failures are counted, not dropped silently.
 */
const WATCH = () => {
  window.__paints = [];
  window.__floors = [];
  window.__decodeFailures = 0;
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = (b) => {
    const url = create.call(URL, b);
    if (b instanceof Blob) blobs.set(url, b);
    return url;
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const floor = async (blob) => {
    const url = create.call(URL, blob);
    const im = new Image();
    const started = performance.now();
    im.src = url;
    await im.decode();
    await frame();
    URL.revokeObjectURL(url);
    return performance.now() - started;
  };
  const seen = new Set();
  new MutationObserver(() => {
    for (const img of document.querySelectorAll('img[data-emitted-at]')) {
      const key = img.src;
      if (seen.has(key) || !img.alt.startsWith('Partial image')) continue;
      seen.add(key);
      const emitted = Number(img.dataset.emittedAt);
      const blob = blobs.get(key);
      img.decode().then(
        () => requestAnimationFrame(() => {
          window.__paints.push(Date.now() - emitted);
          if (blob) void floor(blob).then((ms) => window.__floors.push(ms), () => {});
        }),
        () => window.__decodeFailures++,
      );
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
};

async function studio(page, base) {
  await page.goto(base);
  await page.getByRole('combobox', { name: 'Model' }).waitFor();
}

export async function relay(page, base, { model, size, label, runs }) {
  await studio(page, base);
  await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
  if (size.includes('x') && !['1024x1024', '1536x1024', '1024x1536'].includes(size)) {
    await page.getByRole('combobox', { name: 'Size' }).selectOption('custom');
    const [w, h] = size.split('x');
    await page.getByRole('spinbutton', { name: 'Width' }).fill(w);
    await page.getByRole('spinbutton', { name: 'Height' }).fill(h);
    await page.getByRole('spinbutton', { name: 'Height' }).blur();
  } else {
    await page.getByRole('combobox', { name: 'Size' }).selectOption(size);
  }
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('3');
  await openDeveloper(page);
  await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('2000');
  await page.evaluate(WATCH);
  const actions = watchActions(page);
  for (let i = 0; i < runs; i++) {
    const prompt = `relay bench ${label} ${i}`;
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    const request = page.waitForRequest(isAction);
    await page.getByRole('button', { name: 'Generate' }).click();
    // One run at a time, each to its end: its final image shown and its action's answer over. (Waiting for the
    // Generate button to come back, as this bench did, returned at once: the button stays until the run is
    // recorded, after the estimator loads. Runs then overlapped and the figures were read while the last ones
    // still streamed: 6 of 12 partials counted at 1024².)
    await page.getByRole('img', { name: prompt, exact: true }).waitFor({ timeout: 60_000 });
    await actions.ended(await request);
  }
  await page.waitForTimeout(300);
  const { delays, floors, failures } = await page.evaluate(() => ({ delays: window.__paints, floors: window.__floors, failures: window.__decodeFailures }));
  // What the tiles say arrived ("3 partials received" on each), against what the offline API sends: 3 per run.
  const received = (await page.locator('text=/\\d+ partials? received/').allTextContents()).reduce((n, t) => n + Number(/(\d+)/.exec(t)[1]), 0);
  console.log(
    `relay overhead, ${label} (${model} high, 3 partials, 2 s simulated latency): median ${fmt(median(delays))}, max ${fmt(Math.max(...delays))}; ` +
      `floor (the same bytes decoded and painted from a Blob here) median ${fmt(median(floors))}, so ${fmt(median(delays) - median(floors))} above it; ` +
      `${delays.length} of the ${runs * 3} partial images the server sent were painted and timed (tiles received ${received}; ${failures} decode failures); ` +
      `${actions.summary()}`,
  );
}

const isAction = (r) => r.method() === 'POST' && !!r.headers()['next-action'];

/** How each server-action request of `page` ended: finished, or failed (Chromium's ERR_ABORTED among them). */
function watchActions(page) {
  const outcome = new Map();
  const waiters = new Map();
  const end = (r, how) => {
    if (!isAction(r)) return;
    outcome.set(r, how);
    waiters.get(r)?.();
  };
  page.on('requestfinished', (r) => end(r, 'finished'));
  page.on('requestfailed', (r) => end(r, r.failure()?.errorText ?? 'failed'));
  return {
    ended: (r) => (outcome.has(r) ? Promise.resolve() : new Promise((resolve) => waiters.set(r, resolve))),
    summary() {
      const all = [...outcome.values()];
      const aborted = all.filter((how) => /ERR_ABORTED/.test(how)).length;
      return `${all.length - aborted} of ${all.length} action requests finished, ${aborted} marked net::ERR_ABORTED`;
    },
  };
}

async function wireRatio(browser, base) {
  // A fresh browser context: no history, so every image blob counted below came over this request.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await studio(page, base);
  await cdp.send('Network.enable');
  const sizes = new Map();
  const socket = new Map();
  let aborted = 0;
  // A streamed response's bytes arrive as dataReceived events; loadingFinished may come later or not at all.
  cdp.on('Network.requestWillBeSent', (e) => e.request.method === 'POST' && e.request.url.startsWith(base) && sizes.set(e.requestId, 0));
  // dataLength is the body's bytes (no gzip on this path). Summing max(dataLength, encodedDataLength) per event,
  // as this bench did, counted some bytes twice: it reported 1.087 where the body itself is 1.0015 (rows parsed).
  cdp.on('Network.dataReceived', (e) => sizes.has(e.requestId) && sizes.set(e.requestId, sizes.get(e.requestId) + e.dataLength));
  cdp.on('Network.loadingFailed', (e) => {
    if (!sizes.has(e.requestId)) return;
    if (/ERR_ABORTED/.test(e.errorText)) aborted++;
    socket.set(e.requestId, null);
  });
  cdp.on('Network.loadingFinished', (e) => sizes.has(e.requestId) && socket.set(e.requestId, e.encodedDataLength));
  const cases = [
    ['gpt-image-2.6-sunburst high 1024x1024, 1 image, not streamed', { model: 'gpt-image-2.6-sunburst', size: '1024x1024', stream: false }],
    ['gpt-image-2.6-sunburst high 1024x1024, 1 image, streamed with 3 partials', { model: 'gpt-image-2.6-sunburst', size: '1024x1024', stream: true, partials: '3' }],
    ['gpt-image-2 high 1536x1024, 1 image, streamed with 3 partials', { model: 'gpt-image-2', size: '1536x1024', stream: true, partials: '3' }],
  ];
  for (const [label, c] of cases) {
    sizes.clear();
    socket.clear();
    await page.getByRole('combobox', { name: 'Model' }).selectOption(c.model);
    await page.getByRole('combobox', { name: 'Size' }).selectOption(c.size);
    await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
    await openDeveloper(page);
    await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('0');
    const stream = page.getByRole('checkbox', { name: /Stream/ });
    if (c.stream) await stream.check();
    else await stream.uncheck();
    if (c.partials) await page.getByRole('spinbutton', { name: 'Partial images' }).fill(c.partials);
    await page.evaluate(() => {
      window.__blobBytes = 0;
      window.__origCreate ??= URL.createObjectURL;
      // Partial and final images become blobs in the gallery; history thumbnails are WebP made here, not sent.
      URL.createObjectURL = (b) => {
        if (b instanceof Blob && b.type.startsWith('image/') && b.type !== 'image/webp') window.__blobBytes += b.size;
        return window.__origCreate.call(URL, b);
      };
    });
    await page.getByRole('textbox', { name: 'Prompt' }).fill(`wire bench ${label}`);
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('img', { name: `wire bench ${label}`, exact: true }).waitFor();
    // The answer ends when its job does (spend settled, a moment after the last image).
    for (let i = 0; i < 50 && socket.size < sizes.size; i++) await page.waitForTimeout(100);
    // Every partial and final image becomes a blob with an object URL: their sizes are the image files.
    const blobs = await page.evaluate(() => window.__blobBytes);
    const [id, wire] = [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a));
    const onSocket = socket.get(id);
    console.log(
      `wire ratio, ${label}: ${(wire / blobs).toFixed(4)} (${wire} body bytes received for ${blobs} bytes of image files; ` +
        `${onSocket ? `${onSocket} on the socket: + ${onSocket - wire} of HTTP headers and chunk framing` : 'no socket count: the request did not finish'})`,
    );
  }
  console.log(`requests Chromium marked aborted (net::ERR_ABORTED) after their stream: ${aborted} of ${cases.length}`);
  await context.close();
}

async function firstLoad(browser, base) {
  const page = await browser.newPage();
  const scripts = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r);
  });
  const html = await (await page.goto(base, { waitUntil: 'networkidle' })).text();
  // First load = the scripts the server's HTML names; chunks fetched later on demand (the estimator with its
  // tokenizer, the mask painter) are reported apart.
  const named = new Set([...html.matchAll(/\/_next\/static\/[^"'\s]+?\.js/g)].map((m) => m[0]));
  const sum = { first: { raw: 0, gz: 0, n: 0, konva: false }, later: { raw: 0, gz: 0, n: 0, konva: false } };
  for (const r of scripts) {
    const body = await r.body();
    const bucket = named.has(new URL(r.url()).pathname) ? sum.first : sum.later;
    bucket.raw += body.length;
    bucket.gz += gzipSync(body, { level: 6 }).length;
    bucket.n++;
    if (/\bKonva\b/.test(body.toString('latin1'))) bucket.konva = true;
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`studio first-load JS: ${kb(sum.first.gz)} gzip (${kb(sum.first.raw)} raw, ${sum.first.n} scripts named by the HTML; goal ≤ 180 kB) ${sum.first.gz <= 180 * 1024 ? 'OK' : 'OVER'}; konva ${sum.first.konva ? 'IS' : 'is not'} in it`);
  console.log(`  loaded after first paint, on demand: ${kb(sum.later.gz)} gzip in ${sum.later.n} scripts (the cost estimator with the o200k tokenizer${sum.later.konva ? ', and konva' : ''})`);
  await page.close();
}

async function gallery200(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await studio(page, base);
  // 200 entries as the app stores them: a 1024x1024 PNG and a 384 px WebP thumbnail each.
  await page.evaluate(async () => {
    const open = indexedDB.open('image-playground', 1);
    const db = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const make = async (size, type, i) => {
      const c = new OffscreenCanvas(size, size);
      const g = c.getContext('2d');
      g.fillStyle = `hsl(${(i * 37) % 360} 60% 55%)`;
      g.fillRect(0, 0, size, size);
      g.fillStyle = '#fff';
      g.font = `${size / 8}px sans-serif`;
      g.fillText(String(i), size / 10, size / 2);
      return c.convertToBlob({ type });
    };
    for (let i = 0; i < 200; i++) {
      const [image, thumb] = await Promise.all([make(1024, 'image/png', i), make(384, 'image/webp', i)]);
      const tx = db.transaction(['meta', 'images'], 'readwrite');
      const id = `bench-${i}`;
      tx.objectStore('meta').put({ id, createdAt: Date.now() - i * 1000, prompt: `bench image ${i}`, provider: 'offline', model: 'gpt-image-2.6-sunburst', fields: { model: 'gpt-image-2.6-sunburst', prompt: `bench image ${i}`, size: '1024x1024' }, status: 'done', width: 1024, height: 1024, mime: 'image/png', bytes: image.size, thumb });
      tx.objectStore('images').put(image, id);
      await new Promise((res) => (tx.oncomplete = res));
    }
  });
  await page.addInitScript(() => {
    let live = 0;
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (b) => {
      live++;
      return create.call(URL, b);
    };
    URL.revokeObjectURL = (u) => {
      live--;
      return revoke.call(URL, u);
    };
    window.__live = () => live;
  });
  const times = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    const ms = await page.evaluate(async () => {
      const visibleLoaded = () => {
        const imgs = [...document.querySelectorAll('img[alt^="bench image"]')];
        if (imgs.length < 200) return false;
        return imgs.filter((im) => im.getBoundingClientRect().top < innerHeight).every((im) => im.complete && im.naturalWidth > 0);
      };
      while (!visibleLoaded()) await new Promise((r) => requestAnimationFrame(r));
      return performance.now();
    });
    times.push(ms);
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const live = await page.evaluate(() => window.__live());
  const shown = await page.locator('img[alt^="bench image"]').count();
  console.log(`gallery with 200 stored images: shown ${fmt(median(times))} after navigation start (median of 3 reloads; goal ≤ 1000 ms); JS heap ${(heap.usedSize / 1024 / 1024).toFixed(1)} MiB used; ${live} object URLs alive for ${shown} thumbnails shown`);
  await context.close();
}

export async function benchStudio(base) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await relay(page, base, { model: 'gpt-image-2.6-sunburst', size: '1024x1024', label: '1024x1024', runs: 4 });
    await relay(page, base, { model: 'gpt-image-2', size: '3840x2160', label: '3840x2160', runs: 3 });
    await context.close();
    await wireRatio(browser, base);
    await firstLoad(browser, base);
    await gallery200(browser, base);
    console.log('\nmask painter, in Chromium:');
    const maskPage = await browser.newPage();
    await benchMask(maskPage, base);
    await maskPage.close();
  } finally {
    await browser.close();
  }
}
