'use client';
/** The live estimate beside the primary button, with its breakdown on demand. */
import { useEffect, useMemo, useState } from 'react';
import { useCost } from '@/lib/cost/cost-store.client';
import { useLearned } from '@/lib/cost/learned-store.client';
import type { CostEstimate, EstimateInput } from '@/lib/cost/estimate';

/** The estimate for `input`, from the published figures or, for a combination billed before, from what was billed. */
export function useEstimate(input: EstimateInput | null): { estimate: CostEstimate | null; error: string | null } {
  const prices = useCost((s) => s.prices);
  const estimator = useCost((s) => s.estimator);
  const book = useLearned((s) => s.book);
  // Read from localStorage after mount, so the server's HTML and the first render agree.
  useEffect(() => void useLearned.getState().ensure(), []);
  return useMemo(() => {
    if (!input || !prices || !estimator) return { estimate: null, error: null };
    try {
      return { estimate: estimator.estimateCost(input, prices, book), error: null };
    } catch (e) {
      return { estimate: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [input, prices, estimator, book]);
}

export function EstimateStatus({ input }: { input: EstimateInput | null }) {
  const { estimate, error } = useEstimate(input);
  const estimator = useCost((s) => s.estimator);
  const [open, setOpen] = useState(false);
  const fmt = estimator?.formatUsd ?? ((n: number) => `$${n.toFixed(3)}`);
  const range = (r: { low: number; high: number }) => (r.low === r.high ? fmt(r.low) : `${fmt(r.low)}–${fmt(r.high)}`);
  const text = estimate ? range(estimate) : error ? 'not priced' : '…';
  const lines = estimate
    ? ([
        ['Text in', estimate.breakdown.textIn],
        ['Image in', estimate.breakdown.imageIn],
        ['Image out', estimate.breakdown.imageOut],
        ['Partial images', estimate.breakdown.partials],
      ] as const)
    : [];
  return (
    <div className="text-xs">
      <div className="flex items-center justify-between gap-2">
        <span
          role="status"
          aria-label="Estimated cost"
          data-low={estimate?.low}
          data-high={estimate?.high}
          data-learned-calls={estimate?.learned?.calls ?? 0}
          className="font-medium"
        >
          Estimated cost: {text}
          {estimate && !estimate.exact && <span className="font-normal text-zinc-500"> (auto quality: a range)</span>}
          {estimate?.learned && (
            <span className="font-normal text-zinc-500"> (from {estimate.learned.calls} of your call{estimate.learned.calls === 1 ? '' : 's'})</span>
          )}
          {estimate?.guessed && <span className="font-normal text-amber-600"> (estimate: no published figure)</span>}
          {estimate?.gif && <span className="font-normal text-zinc-500"> (GIF: {estimate.gif.cols}×{estimate.gif.rows} frame sheet as one image)</span>}
        </span>
        {estimate && (
          <button type="button" className="underline" aria-expanded={open} onClick={() => setOpen(!open)}>
            Breakdown
          </button>
        )}
      </div>
      {estimate?.svgAuthoring && (
        <p className="text-zinc-500" aria-label="Estimate lines">
          Image {range({ low: estimate.low - (estimate.svgAuthoring.dollars?.low ?? 0), high: estimate.high - (estimate.svgAuthoring.dollars?.high ?? 0) })} + svg_usage ({estimate.svgAuthoring.model}){' '}
          {estimate.svgAuthoring.dollars ? range(estimate.svgAuthoring.dollars) : 'not priced (text rates unknown)'}
        </p>
      )}
      {error && <p className="text-zinc-500">{error}</p>}
      {open && estimate && (
        <div className="mt-1 rounded border border-zinc-200 p-2 dark:border-zinc-800">
          <table className="w-full">
            <tbody>
              {lines.map(([label, line]) => (
                <tr key={label}>
                  <th className="text-left font-normal">{label}</th>
                  <td className="text-right">{line.tokens ? (line.tokens.low === line.tokens.high ? line.tokens.low : `${line.tokens.low}–${line.tokens.high}`) + ' tokens' : ''}</td>
                  <td className="pl-2 text-right">{range(line.dollars)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {estimate.svgAuthoring && (
            <p className="mt-1" aria-label="SVG authoring estimate">
              SVG authoring ({estimate.svgAuthoring.model}):{' '}
              {estimate.svgAuthoring.dollars ? range(estimate.svgAuthoring.dollars) : 'not priced — text rates unknown'}
            </p>
          )}
          {estimate.learned?.table && (
            <p className="mt-1 text-zinc-500">
              Published figures alone: {estimate.learned.table.low === estimate.learned.table.high ? estimate.learned.table.low : `${estimate.learned.table.low}–${estimate.learned.table.high}`} output tokens per image.
            </p>
          )}
          <ul className="mt-1 list-disc pl-4 text-zinc-500" aria-label="Estimate notes">
            {estimate.notes.map((n) => <li key={n}>{n}</li>)}
            <li>An estimate: the service&apos;s returned usage is what is billed.</li>
          </ul>
          {estimate.learned && <ForgetLearned />}
        </div>
      )}
    </div>
  );
}

/** Clear what this browser learned from earlier calls: estimates go back to the published figures. */
function ForgetLearned() {
  const forget = useLearned((s) => s.forget);
  return (
    <button type="button" className="mt-1 underline text-zinc-500" onClick={forget}>
      Forget what your calls taught the estimate
    </button>
  );
}
