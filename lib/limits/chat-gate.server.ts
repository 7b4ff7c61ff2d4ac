import 'server-only';
/**
 * The gate (gate.ts) for a chat turn. The Responses API reports the main model's usage only, none for the
 * image tool (api-reference §6), so each image a turn makes is settled at the estimate's high end for one
 * image; partial images of an image that never came count 100 output tokens each.
 * The main model's text tokens are not priced here (the price table holds image models only).
 */
import type { User } from '../access/user.server';
import type { ChatEvent } from '../chat/events';
import type { ChatRequest } from '../pipeline/action-input';
import { estimateCost, type CostEstimate } from '../cost/estimate';
import { loadPriceOverrides } from '../cost/overrides';
import type { GenerationError } from '../generation/events';
import { sniffImage } from '../images/sniff';
import { findModel } from '../models/registry';
import type { Dimensions } from '../models/sizes';
import type { ImageToolRequest } from '../models/validate';
import type { ProviderInfo } from '../providers/config';
import { openGate } from './gate.server';
import { CostMeter } from './meter';

export interface ChatGate {
  apiKey: string | undefined;
  observe(e: ChatEvent): ChatEvent;
  finish(): Promise<void>;
}

function chatEstimate(tool: ImageToolRequest, prompt: string, inputImages: Dimensions[]): CostEstimate {
  const endpoint = inputImages.length ? 'edit' : 'generate';
  const caps = findModel(tool.model)!.endpoints[endpoint]!;
  const sizes = tool.size === 'auto' ? ['auto', ...caps.sizes.filter((s) => s !== 'auto')] : [tool.size];
  const prices = loadPriceOverrides(process.env);
  return sizes
    .map((size) => estimateCost({ model: tool.model, endpoint, size, quality: tool.quality ?? 'auto', n: 1, partialImages: tool.partialImages, prompt, inputImages }, prices))
    .reduce((a, b) => (b.high > a.high ? b : a));
}

export async function admitChat(args: { user: User; provider: ProviderInfo; input: ChatRequest; tool: ImageToolRequest; images: { bytes: Uint8Array }[]; userKey?: unknown }): Promise<
  { ok: true; gate: ChatGate } | { ok: false; error: GenerationError }
> {
  const { input, tool } = args;
  const model = tool.model;
  const inputImages = args.images.flatMap((i) => {
    const info = sniffImage(i.bytes);
    return info ? [{ width: info.width, height: info.height }] : [];
  });
  const opened = await openGate({
    user: args.user,
    provider: args.provider,
    asked: { model, endpoint: 'responses', quality: tool.quality, size: tool.size, partialImages: tool.partialImages },
    paramPrefix: 'tools[0].',
    endpoint: 'responses',
    params: { main_model: input.mainModel, ...input.tool, images: input.imageIds, mask: input.maskId === undefined ? undefined : '1 file', previous_response_id: input.previousResponseId },
    prompt: input.text,
    estimate: () => chatEstimate(tool, input.text, inputImages),
    userKey: args.userKey,
  });
  if (!opened.ok) return opened;
  const { gate } = opened;
  let meter: CostMeter | null = null;
  try {
    meter = new CostMeter(model, loadPriceOverrides(process.env), { size: tool.size, quality: tool.quality }, gate.estimate?.high ?? 0);
  } catch {
    meter = null;
  }
  // The main model may call the image tool more than once in a response: each call is an image of its own
  // (a tile to the meter), and partials belong to the call still running.
  let images = 0;
  return {
    ok: true,
    gate: {
      apiKey: gate.apiKey,
      observe(e) {
        if (e.type === 'partial') meter?.observe({ type: 'partial', tile: images });
        else if (e.type === 'image') meter?.observe({ type: 'completed', tile: images++, usage: null });
        else if (e.type === 'error' || e.type === 'cancelled') meter?.observe(e);
        return e.type === 'error' ? { ...e, error: { ...e.error, message: gate.scrub(e.error.message) } } : e;
      },
      finish() {
        return gate.finish(meter?.outcome() ?? { status: 'ok', code: null, actualUsd: 0 });
      },
    },
  };
}
