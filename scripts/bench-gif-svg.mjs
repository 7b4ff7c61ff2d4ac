/**
 * GIF and SVG figures for gpt-image-2.6 (issue 15), in Debian's Chromium driven by Playwright against a production
 * server. benchGifSvg(baseUrl) is called by bench.mjs; `node scripts/bench-gif-svg.mjs http://127.0.0.1:3600` runs
 * it alone against a running server.
 *
 * - time from click to first GIF frame shown: in the studio on gpt-image-2.6-sunburst, Output format gif, 4 frames,
 *   150 ms a frame, 512x512, the Latency field left empty (the server's own OFFLINE_LATENCY_MS: 0 under bench.mjs).
 *   From the Generate click (the click event's timeStamp, in the page) until the GIF tile's <img> has loaded with
 *   naturalWidth > 0 and one requestAnimationFrame has run after that (the frame it is painted in). One run at a
 *   time, each to its end (the tile has read its 4 frames); median of 5 after a warm-up run.
 * - SVG sanitize time for a 1 MB SVG: the app's sanitizer (lib/studio/svg-sanitize.ts sanitizeSvg, what the gallery
 *   store runs on every SVG answer) called in the studio page through its `window.__svgBench` hook (set only when the
 *   page set `window.__svgBench = {}` first) on a ~1 MB document made here: thousands of shapes, gradients, <use>
 *   references and text, plus hostile bits (<script>, onload=, an external href, <foreignObject>, a javascript: link,
 *   an @import stylesheet). Median of 7 after a warm-up; bytes in and out, and that the hostile bits are gone.
 */
import { chromium } from '@playwright/test';
import { openDeveloper } from './studio-ui.mjs';
import { pathToFileURL } from 'node:url';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Note each Generate click's time, and when a GIF tile's <img> (alt = the prompt) is loaded and painted. */
const WATCH_GIF = () => {
  window.__gif = { clicks: [], shown: new Map() };
  document.addEventListener(
    'click',
    (e) => {
      const b = e.target instanceof Element ? e.target.closest('button') : null;
      if (b && b.textContent?.trim() === 'Generate') window.__gif.clicks.push(e.timeStamp);
    },
    true,
  );
  const seen = new WeakSet();
  const check = () => {
    for (const img of document.querySelectorAll('[data-testid=gif-stage] img')) {
      if (seen.has(img)) continue;
      seen.add(img);
      const prompt = img.alt;
      const painted = () => requestAnimationFrame(() => !window.__gif.shown.has(prompt) && img.naturalWidth > 0 && window.__gif.shown.set(prompt, { at: performance.now(), width: img.naturalWidth, height: img.naturalHeight }));
      if (img.complete && img.naturalWidth > 0) painted();
      else img.addEventListener('load', painted, { once: true });
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true });
  check();
};

async function gifFirstFrame(page, base, runs) {
  await page.goto(base);
  await page.getByText('Provider: Offline image API (built in)').waitFor();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Output format' }).selectOption('gif');
  const frames = page.getByRole('spinbutton', { name: 'Frames' });
  await frames.fill('4');
  await frames.blur();
  const duration = page.getByRole('spinbutton', { name: 'Frame duration (ms)' });
  await duration.fill('150');
  await duration.blur();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('512x512');
  // Latency (ms) stays empty: the server's own simulated latency.
  await openDeveloper(page);
  const latency = await page.getByRole('spinbutton', { name: 'Latency (ms)' }).inputValue();
  await page.evaluate(WATCH_GIF);
  const times = [];
  let size = '';
  for (let i = 0; i <= runs; i++) {
    const prompt = `gif bench ${i}: a red ball bouncing across a meadow`;
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await page.getByRole('button', { name: 'Generate' }).click();
    const r = await page.waitForFunction(
      (p) => {
        const s = window.__gif.shown.get(p);
        return s ? { ms: s.at - window.__gif.clicks.at(-1), width: s.width, height: s.height } : null;
      },
      prompt,
      { timeout: 60_000, polling: 50 },
    );
    const { ms, width, height } = await r.jsonValue();
    size = `${width}x${height}`;
    // The run's end: its tile has read the GIF's frames, and Generate is back.
    await page.locator(`[data-gif-frames="4"]:has(img[alt="${prompt}"])`).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Generate' }).waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    if (i > 0) times.push(ms);
  }
  const clicks = await page.evaluate(() => window.__gif.clicks.length);
  console.log(
    `time from click to first GIF frame shown, gpt-image-2.6-sunburst gif 4 frames × 150 ms 512x512 (offline latency: ${latency === '' ? "the server's own" : `${latency} ms`}): ` +
      `median ${fmt(median(times))} of ${times.length} after a warm-up (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}); shown at ${size}; ${clicks} clicks seen`,
  );
}

/** A ~1 MB SVG of shapes and text, with a few hostile bits planted among them. */
export function bigSvg(target = 1_000_000) {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1024" height="1024" viewBox="0 0 1024 1024" role="img" onload="alert(1)">',
    '<script>alert("planted")</script>',
    '<style>@import url("https://evil.example/x.css"); .t{font:12px sans-serif}</style>',
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#4a90d9"/><stop offset="1" stop-color="#d94a90"/></linearGradient><circle id="dot" r="3" fill="#222"/></defs>',
    '<image href="https://evil.example/track.png" width="10" height="10"/>',
    '<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"></iframe></div></foreignObject>',
    '<a href="javascript:alert(2)"><text x="10" y="20">click</text></a>',
  ];
  let size = parts.join('\n').length;
  const hostile = ['<rect x="1" y="1" width="2" height="2" onclick="alert(3)"/>', '<use xlink:href="https://evil.example/s.svg#x"/>', '<script href="https://evil.example/a.js"/>'];
  for (let i = 0; size < target - 20; i++) {
    const x = (i * 37) % 1024;
    const y = (i * 91) % 1024;
    let el;
    switch (i % 6) {
      case 0:
        el = `<rect x="${x}" y="${y}" width="${8 + (i % 40)}" height="${6 + (i % 30)}" fill="hsl(${(i * 7) % 360} 60% 55%)" stroke="#333" stroke-width="0.5"/>`;
        break;
      case 1:
        el = `<circle cx="${x}" cy="${y}" r="${2 + (i % 17)}" fill="url(#g)" opacity="0.8"/>`;
        break;
      case 2:
        el = `<path d="M${x} ${y} q ${i % 50} ${-(i % 30)} ${(i % 80) + 10} 0 t ${(i % 40) + 5} ${i % 20}" fill="none" stroke="hsl(${(i * 13) % 360} 70% 40%)"/>`;
        break;
      case 3:
        el = `<text x="${x}" y="${y}" class="t" fill="#111">shape ${i}: a lighthouse at dusk</text>`;
        break;
      case 4:
        el = `<g transform="translate(${x} ${y}) rotate(${i % 360})"><ellipse rx="${3 + (i % 9)}" ry="${2 + (i % 5)}" fill="#e4b363"/><use href="#dot"/></g>`;
        break;
      default:
        el = `<polygon points="${x},${y} ${x + 10},${y + 4} ${x + 3},${y + 12}" fill="#5fa55a" stroke-linejoin="round"/>`;
    }
    if (i % 4000 === 1999) el += hostile[((i / 4000) | 0) % hostile.length];
    parts.push(el);
    size += el.length + 1;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

async function svgSanitize(page, base, runs) {
  await page.addInitScript(() => (window.__svgBench = {}));
  await page.goto(base);
  await page.getByText('Provider: Offline image API (built in)').waitFor();
  await page.waitForFunction(() => typeof window.__svgBench?.sanitize === 'function', null, { timeout: 30_000 });
  const source = bigSvg();
  await page.evaluate((s) => (window.__svgSource = s), source);
  const results = [];
  for (let i = 0; i <= runs; i++) {
    results.push(
      await page.evaluate(() => {
        const r = window.__svgBench.sanitize(window.__svgSource);
        const hostile = /<script|onload=|onclick=|foreignObject|evil\.example|javascript:|@import/i.test(r.text);
        return { ms: r.ms, bytesIn: r.bytesIn, bytesOut: r.bytesOut, nodes: r.nodes, removed: r.removed, hostile };
      }),
    );
  }
  const timed = results.slice(1).map((r) => r.ms);
  const r = results[0];
  console.log(
    `SVG sanitize time for a 1 MB SVG (lib/studio/svg-sanitize.ts, DOMPurify in Chromium): median ${fmt(median(timed))} of ${timed.length} after a warm-up (min ${fmt(Math.min(...timed))}, max ${fmt(Math.max(...timed))}); ` +
      `${r.bytesIn} bytes in, ${r.bytesOut} bytes out, ${r.nodes} nodes kept, ${r.removed} unsafe items removed; hostile bits left: ${results.some((x) => x.hostile) ? 'SOME' : 'none'}`,
  );
}

export async function benchGifSvg(base) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const gif = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await gifFirstFrame(await gif.newPage(), base, 5);
    await gif.close();
    const svg = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await svgSanitize(await svg.newPage(), base, 7);
    await svg.close();
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchGifSvg(process.argv[2] ?? 'http://127.0.0.1:3000');
}
