'use client';
/** A run's actual cost from the returned usage, next to the estimate and the difference. */
import { useCost } from '@/lib/cost/cost-store.client';
import type { RunState } from '@/lib/studio/apply-event';

export function RunCost({ run }: { run: RunState }) {
  const estimator = useCost((s) => s.estimator);
  if (!estimator || run.actual === undefined) return null;
  const fmt = estimator.formatUsd;
  if (run.actual === null) {
    return <p className="text-xs text-zinc-500">Actual cost: not priced (no usage returned).</p>;
  }
  const diff = run.estimate ? estimator.costDifference(run.estimate, run.actual) : null;
  const est = run.estimate && (run.estimate.low === run.estimate.high ? fmt(run.estimate.low) : `${fmt(run.estimate.low)}–${fmt(run.estimate.high)}`);
  const svg = run.actualSvg;
  if (svg) {
    return (
      <div className="text-xs" aria-label="Actual cost" data-dollars={run.actual} data-estimate-low={run.estimate?.low} data-estimate-high={run.estimate?.high}>
        <p>
          <strong>Actual cost {fmt(run.actual)}</strong>
          {est && <span className="text-zinc-500"> · estimated {est}</span>}
          {diff && <span className={diff.within ? 'text-zinc-500' : 'text-amber-600'}> · {diff.summary}</span>}
        </p>
        <ul className="text-zinc-600 dark:text-zinc-400">
          <li aria-label="Image usage cost">Image usage (reference raster): {run.actualImage == null ? 'not priced' : fmt(run.actualImage)}</li>
          <li aria-label="SVG authoring cost">
            svg_usage ({svg.model}):{' '}
            {svg.usage
              ? `${svg.usage.input_tokens.toLocaleString('en-US')} in · ${svg.usage.output_tokens.toLocaleString('en-US')} out · ${svg.dollars === null ? `not priced — ${svg.model}'s text rates are unknown` : fmt(svg.dollars)}`
              : 'not returned with this answer — not priced'}
          </li>
        </ul>
      </div>
    );
  }
  return (
    <p className="text-xs" aria-label="Actual cost" data-dollars={run.actual} data-estimate-low={run.estimate?.low} data-estimate-high={run.estimate?.high}>
      <strong>Actual cost {fmt(run.actual)}</strong>
      {est && <span className="text-zinc-500"> · estimated {est}</span>}
      {diff && <span className={diff.within ? 'text-zinc-500' : 'text-amber-600'}> · {diff.summary}</span>}
    </p>
  );
}
