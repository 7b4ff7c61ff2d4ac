/**
 * What a request actually cost and how it ended, from the events it produced: the returned usage where there
 * is one; for an image that never completed, the partial images that did arrive (100 output tokens each).
 * A failed or cancelled call is settled at what it cost so far, never at nothing and never at the estimate.
 */
import { actualCost } from '../cost/estimate';
import { pricingFor, tokenDollars, type PriceTable } from '../cost/pricing';
import { PARTIAL_IMAGE_TOKENS } from '../cost/tokens';
import type { ImagesUsage } from '../cost/usage';
import type { ModelId } from '../models/types';
import type { AuditStatus } from '../audit/entry';

export interface Outcome {
  status: Exclude<AuditStatus, 'refused'>;
  code: string | null;
  actualUsd: number;
}

/** The parts of a generation or chat event the meter reads. */
export type MeteredEvent =
  | { type: 'partial'; tile: number }
  | { type: 'completed'; tile: number; usage: ImagesUsage | null; echoed?: { size?: string; quality?: string }; width?: number; height?: number }
  | { type: 'error'; tile?: number | null; error: { code: string | null } }
  | { type: 'cancelled'; tile?: number | null }
  | { type: string };

export class CostMeter {
  private readonly partials = new Map<number, number>();
  private readonly completed = new Set<number>();
  private readonly usages: ImagesUsage[] = [];
  private echoed: { size?: string; quality?: string } = {};
  private error: string | null | undefined;
  private cancelled = false;

  constructor(
    private readonly model: ModelId,
    private readonly prices: PriceTable,
    /** What was asked: the size and quality a per-image price is looked up by when nothing is echoed. */
    private readonly asked: { size: string; quality?: string },
    /** Estimate's high end for one image, for a completed image that came back without any usage. */
    private readonly perImageFallbackUsd: number,
  ) {}

  observe(e: MeteredEvent): void {
    if (e.type === 'partial' && 'tile' in e) this.partials.set(e.tile, (this.partials.get(e.tile) ?? 0) + 1);
    else if (e.type === 'completed' && 'tile' in e) {
      this.completed.add(e.tile);
      if ('usage' in e && e.usage) this.usages.push(e.usage);
      const echoed = 'echoed' in e ? e.echoed : undefined;
      this.echoed = { size: this.echoed.size || echoed?.size, quality: this.echoed.quality || echoed?.quality };
      if (!this.echoed.size && 'width' in e && e.width && e.height) this.echoed.size = `${e.width}x${e.height}`;
    } else if (e.type === 'error' && 'error' in e) this.error ??= e.error.code ?? 'error';
    else if (e.type === 'cancelled') this.cancelled = true;
  }

  outcome(): Outcome {
    const status = this.error !== undefined ? 'failed' : this.cancelled ? 'cancelled' : 'ok';
    return { status, code: this.error ?? (this.cancelled ? 'cancelled' : null), actualUsd: this.actualUsd() };
  }

  actualUsd(): number {
    // An id the registry does not know is priced as the model it borrows its rules from.
    const pricing = pricingFor(this.model, this.prices)?.pricing;
    const done = this.completed.size;
    let dollars = 0;
    if (!pricing) return done * this.perImageFallbackUsd;
    if (pricing.unit === 'per-image') {
      if (done) {
        const size = this.echoed.size ?? this.asked.size;
        dollars = actualCost(this.model, null, this.prices, { n: done, size, quality: this.echoed.quality ?? this.asked.quality }) ?? done * this.perImageFallbackUsd;
      }
      return dollars;
    }
    if (this.usages.length) dollars = actualCost(this.model, this.usages, this.prices) ?? 0;
    else if (done) dollars = done * this.perImageFallbackUsd;
    // Partials of images that never completed; a completed image's usage already counts its own.
    let orphanPartials = 0;
    for (const [tile, count] of this.partials) if (!this.completed.has(tile)) orphanPartials += count;
    return dollars + tokenDollars(orphanPartials * PARTIAL_IMAGE_TOKENS, pricing.imageOutput);
  }
}
