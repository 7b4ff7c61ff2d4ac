import 'server-only';
/** The gate (gate.ts) for an Images API generation, edit or variation: its estimate, audit fields and meter. */
import type { User } from '../access/user.server';
import { estimateCost, type CostEstimate } from '../cost/estimate';
import { loadPriceOverrides } from '../cost/overrides';
import type { GenerationError, GenerationEvent } from '../generation/events';
import type { Uploads } from '../generation/upstream.server';
import { sniffImage } from '../images/sniff';
import { getModel } from '../models/registry';
import type { Dimensions } from '../models/sizes';
import type { ImageRequest } from '../models/validate';
import type { ProviderInfo } from '../providers/config';
import { openGate } from './gate.server';
import { CostMeter } from './meter';

export interface GenerationGate {
  apiKey: string | undefined;
  /** Count what an event costs; returns it with our messages cleared of the user's key. */
  observe(e: GenerationEvent): GenerationEvent;
  /** Settle and audit once the request has ended, however it ended. */
  finish(): Promise<void>;
}

async function dimensionsOf(files: File[] | undefined): Promise<Dimensions[]> {
  const out: Dimensions[] = [];
  for (const f of files ?? []) {
    const info = sniffImage(new Uint8Array(await f.arrayBuffer()));
    if (info) out.push({ width: info.width, height: info.height });
  }
  return out;
}

/**
 * The estimate's high end must bound the bill: `auto` size is priced at the largest size it could become,
 * and n parallel streams each pay the input (the estimator counts it once, as one request with n does).
 */
export function boundingEstimate(req: ImageRequest, inputImages: Dimensions[], prices = loadPriceOverrides(process.env)): CostEstimate {
  const caps = getModel(req.model).endpoints[req.endpoint]!;
  const sizes = req.size === 'auto' ? ['auto', ...caps.sizes.filter((s) => s !== 'auto')] : [req.size];
  const estimates = sizes.map((size) =>
    estimateCost({
      model: req.model, endpoint: req.endpoint, size, quality: req.quality, n: req.n,
      partialImages: req.stream ? req.partialImages : 0, prompt: req.prompt, inputImages, inputFidelity: req.inputFidelity,
    }, prices),
  );
  const top = estimates.reduce((a, b) => (b.high > a.high ? b : a));
  if (!req.stream || req.n <= 1) return top;
  const extraInput = (req.n - 1) * (top.breakdown.textIn.dollars.high + top.breakdown.imageIn.dollars.high);
  return { ...top, low: top.low + extraInput, high: top.high + extraInput };
}

export async function admitGeneration(args: {
  user: User;
  provider: ProviderInfo;
  request: ImageRequest;
  fields: Record<string, unknown>;
  uploads: Uploads;
  userKey?: unknown;
}): Promise<{ ok: true; gate: GenerationGate } | { ok: false; error: GenerationError }> {
  const { request: req, uploads } = args;
  const inputImages = await dimensionsOf(uploads.images);
  const opened = await openGate({
    user: args.user,
    provider: args.provider,
    asked: { model: req.model, endpoint: req.endpoint, n: req.n, quality: req.quality, size: req.size, partialImages: req.stream ? req.partialImages : 0 },
    endpoint: req.endpoint,
    params: { ...args.fields, image: uploads.images, mask: uploads.mask },
    prompt: req.prompt,
    estimate: () => boundingEstimate(req, inputImages),
    userKey: args.userKey,
  });
  if (!opened.ok) return opened;
  const { gate } = opened;
  let prices;
  try {
    prices = loadPriceOverrides(process.env);
  } catch {
    prices = undefined;
  }
  const perImage = gate.estimate ? gate.estimate.high / Math.max(1, req.n) : 0;
  const meter = prices ? new CostMeter(req.model, prices, { size: req.size, quality: req.quality }, perImage) : null;
  return {
    ok: true,
    gate: {
      apiKey: gate.apiKey,
      observe(e) {
        meter?.observe(e);
        return e.type === 'error' ? { ...e, error: { ...e.error, message: gate.scrub(e.error.message) } } : e;
      },
      finish() {
        const outcome = meter?.outcome() ?? { status: 'ok' as const, code: null, actualUsd: 0 };
        return gate.finish(outcome);
      },
    },
  };
}
