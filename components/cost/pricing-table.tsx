/** The prices in force (defaults with the operator's overrides), each with its source: for the settings page. */
import { formatUsd, pricePerImage } from '@/lib/cost/estimate';
import { TOKEN_PRICE_FIELDS, TOKEN_PRICE_LABELS, type PriceTable } from '@/lib/cost/pricing';
import { UNMEASURED_QUALITIES, type TokenQuality } from '@/lib/cost/tokens';
import { MODELS } from '@/lib/models/registry';
import { parseSize } from '@/lib/models/sizes';

const TOKEN_QUALITIES: readonly string[] = ['low', 'medium', 'high', 'xhigh', 'max'];

export function PricingTable({ prices }: { prices: PriceTable }) {
  return (
    <table className="w-full text-left text-xs" aria-label="Pricing">
      <thead className="border-b border-zinc-200 dark:border-zinc-800">
        <tr><th className="py-1 pr-3">Model</th><th className="py-1 pr-3">Prices</th><th className="py-1 pr-3">Per image</th><th className="py-1">Source</th></tr>
      </thead>
      <tbody>
        {MODELS.map((m) => {
          const p = prices[m.id];
          const sizes = (m.endpoints.generate?.sizes ?? []).filter((s) => s !== 'auto').slice(0, 3);
          const qualities = (m.endpoints.generate?.qualities ?? []).filter((q) => TOKEN_QUALITIES.includes(q));
          return (
            <tr key={m.id} className="border-b border-zinc-100 align-top dark:border-zinc-900">
              <td className="py-2 pr-3 font-mono">{m.id}</td>
              <td className="py-2 pr-3">
                {p.unit === 'per-1m-tokens'
                  ? TOKEN_PRICE_FIELDS.filter((f) => p[f] !== undefined).map((f) => <div key={f}>{TOKEN_PRICE_LABELS[f]}: ${p[f]} / 1M</div>)
                  : 'per image'}
              </td>
              <td className="py-2 pr-3">
                {sizes.map((s) => (
                  <div key={s}>
                    {s}:{' '}
                    {(p.unit === 'per-image' ? Object.keys(p.perImage[s] ?? {}) : qualities)
                      .map((q) => {
                        const d = pricePerImage(m.id, parseSize(s)!, q, prices);
                        // xhigh and max have no published or measured figure: the price shown is a guess.
                        const guess = p.unit !== 'per-image' && UNMEASURED_QUALITIES.includes(q as TokenQuality);
                        return d === null ? null : `${q} ${guess ? '≈' : ''}${formatUsd(d)}${guess ? ' (guess)' : ''}`;
                      })
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                ))}
              </td>
              <td className="py-2">{p.sourceKind}: {p.source} ({p.date}){p.note && <div className="text-zinc-500">{p.note}</div>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
