/**
 * Estimator error against billed usage (issue #13: "estimator error against billed usage over a sweep of sizes
 * and qualities per model, with the offline API billing off-table, before and after learning from 3 calls").
 *
 * How it measures. The bills are real answers: every call goes over HTTP to the offline API of the server under
 * bench, with `x-offline-billing-scale` (default 1.3, BENCH_BILLING_SCALE) so it bills off the published tables,
 * as a drifting model would. The estimates are computed here, in-process, by the very modules the browser runs —
 * lib/cost/estimate.ts for the estimate and lib/cost/learned.ts for what is learned, fed exactly as
 * lib/cost/learned-store.client.ts feeds them after a studio run (observe → addObservation → estimateCost with the
 * book). Driving the studio for ~460 runs would measure the same arithmetic far more slowly.
 *
 * Per model, size and fixed quality: calls 1–3 (different prompts) are learned from; call 4 (another prompt) is
 * held out and is what both estimates are scored against. Error = |estimate − billed| ÷ billed, in dollars of the
 * whole call (prompt, output image tokens). "Before" is the published tables alone; "after" is with the book of
 * calls 1–3. Quality auto is scored apart: Sunburst as a point (priced as high), Flare as a range (is the held-out
 * bill inside it, and how wide is it).
 */
import { tsImport } from 'tsx/esm/api';

const SCALE = Number(process.env.BENCH_BILLING_SCALE ?? 1.3);
const MODELS = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'];
const SIZES = ['1024x1024', '1536x1024', '1024x1536', '2048x2048', '3840x2160'];
const PROMPTS = [
  'a lighthouse at dusk',
  'a red fox asleep in fresh snow under a pine',
  'an isometric city block with a tram, a bakery, rooftop gardens and people on bicycles in the late afternoon sun',
  'a paper crane on a desk',
];

const pct = (x) => (x === 0 ? '0 %' : `${x < 0.001 ? (x * 100).toPrecision(2) : (x * 100).toFixed(1)} %`);
/**
 * Per-call drift for the second pass: the billing scale of calls 1–3 (learned from) and of call 4 (held out),
 * as a prompt-dependent bill would vary. Deterministic, so runs compare.
 */
const JITTER = [0.94, 1.04, 0.98, 1.05];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function benchCost(base) {
  const est = await tsImport('../lib/cost/estimate.ts', import.meta.url);
  const learned = await tsImport('../lib/cost/learned.ts', import.meta.url);
  const { getModel } = await tsImport('../lib/models/registry.ts', import.meta.url);

  async function bill(body, scale = SCALE) {
    const res = await fetch(`${base}/api/offline/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench', 'content-type': 'application/json', 'x-offline-billing-scale': String(scale) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${body.model} ${body.size} ${body.quality}: HTTP ${res.status} ${JSON.stringify(json.error ?? json).slice(0, 200)}`);
    return { usage: json.usage, size: json.size ?? body.size };
  }

  /** One combination: 3 calls learned from, 1 held out; the estimates before and after, and the bill. */
  async function combo(model, size, quality, jitter = false) {
    const input = (prompt) => ({ provider: 'offline', model, size, quality, n: 1, partialImages: 0, prompt });
    let book = learned.emptyBook();
    const c = { provider: 'offline', model, size, quality };
    for (const [i, prompt] of PROMPTS.slice(0, 3).entries()) {
      const { usage, size: billedSize } = await bill({ model, prompt, size, quality }, jitter ? SCALE * JITTER[i] : SCALE);
      const [w, h] = billedSize.split('x').map(Number);
      const obs = learned.observe({
        usages: [usage], images: 1, at: Date.now(), promptTokens: est.textTokens(prompt),
        table: est.tableOutputPerImage(model, { width: w, height: h }, quality, 0),
      });
      book = learned.addObservation(book, c, obs);
    }
    const held = PROMPTS[3];
    const { usage } = await bill({ model, prompt: held, size, quality }, jitter ? SCALE * JITTER[3] : SCALE);
    const billed = est.actualCost(model, usage);
    const before = est.estimateCost(input(held));
    const after = est.estimateCost(input(held), undefined, book);
    if (!after.learned) throw new Error(`${model} ${size} ${quality}: the book was not used`);
    return { billed, before, after };
  }

  const where = (w) => (w.e > 0 ? ` (${w.at})` : '');
  const qualitiesOf = (model) => getModel(model).endpoints.generate.qualities.filter((q) => q !== 'auto');
  console.log(`estimator error against billed usage — offline API billing ${SCALE} × the published output tokens; 3 calls learned, a 4th held out; error in dollars of the whole call`);
  const all = { before: [], after: [] };
  for (const model of MODELS) {
    const rows = { before: [], after: [] };
    let worst = { before: null, after: null };
    for (const size of SIZES) {
      for (const quality of qualitiesOf(model)) {
        const r = await combo(model, size, quality);
        for (const k of ['before', 'after']) {
          const e = Math.abs(r[k].low - r.billed) / r.billed;
          rows[k].push(e);
          all[k].push(e);
          if (!worst[k] || e > worst[k].e) worst[k] = { e, at: `${size} ${quality}` };
        }
      }
    }
    console.log(
      `  ${model}: ${rows.before.length} size×quality points — before learning median ${pct(median(rows.before))}, max ${pct(worst.before.e)}${where(worst.before)}; ` +
        `after 3 calls median ${pct(median(rows.after))}, max ${pct(worst.after.e)}${where(worst.after)}`,
    );
  }
  console.log(`  all models, ${all.before.length} points: before median ${pct(median(all.before))}, max ${pct(Math.max(...all.before))}; after median ${pct(median(all.after))}, max ${pct(Math.max(...all.after))}`);
  console.log('  (the offline API bills one combination the same for every prompt, so 3 calls pin it down; the pass below lets the bill drift per call)');

  // Per-call drift: what the median of 3 is worth when each bill differs a little from the last.
  const drift = { before: [], after: [] };
  for (const model of MODELS) {
    for (const size of SIZES) {
      for (const quality of qualitiesOf(model)) {
        const r = await combo(model, size, quality, true);
        for (const k of ['before', 'after']) drift[k].push(Math.abs(r[k].low - r.billed) / r.billed);
      }
    }
  }
  console.log(
    `  with per-call drift (scale ${SCALE} × ${JITTER.slice(0, 3).join('/')} on the learned calls, × ${JITTER[3]} on the held-out one), ${drift.before.length} points: ` +
      `before median ${pct(median(drift.before))}, max ${pct(Math.max(...drift.before))}; after median ${pct(median(drift.after))}, max ${pct(Math.max(...drift.after))}`,
  );

  // Quality auto: Sunburst is priced as high (a point); Flare as a range the model picks in.
  for (const model of MODELS.filter((m) => /-(sunburst|flare)$/.test(m))) {
    const rows = [];
    for (const size of SIZES) rows.push(await combo(model, size, 'auto'));
    const inside = (e, b) => b >= e.low - 1e-12 && b <= e.high + 1e-12;
    if (model.endsWith('-sunburst')) {
      const b = rows.map((r) => Math.abs(r.before.low - r.billed) / r.billed);
      const a = rows.map((r) => Math.abs(r.after.low - r.billed) / r.billed);
      console.log(`  ${model} quality auto (priced as high), ${rows.length} sizes: before median ${pct(median(b))}, max ${pct(Math.max(...b))}; after median ${pct(median(a))}, max ${pct(Math.max(...a))}`);
    } else {
      const width = (e) => e.high / e.low;
      console.log(
        `  ${model} quality auto (a range; the offline API picks by prompt length), ${rows.length} sizes: held-out bill inside the range before ${rows.filter((r) => inside(r.before, r.billed)).length}/${rows.length} ` +
          `(range ×${median(rows.map((r) => width(r.before))).toFixed(1)} wide, median), after ${rows.filter((r) => inside(r.after, r.billed)).length}/${rows.length} (×${median(rows.map((r) => width(r.after))).toFixed(1)})`,
      );
    }
  }
}

// Alone: `node scripts/bench-cost.mjs http://127.0.0.1:3000` against a running server.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCost(process.argv[2] ?? 'http://127.0.0.1:3000');
}
