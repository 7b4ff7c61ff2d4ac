'use client';
import { useEffect, useState } from 'react';
import { estimatedProgress } from '@/lib/studio/typical-duration';

/**
 * What a streaming tile says over its image: partial k of n, the time so far, and an estimate from the model's
 * typical time (lib/studio/typical-duration.ts). Ticks on its own, so the image under it does not re-render.
 */
export function StreamProgress({ since, typicalMs, partial, partialsAsked }: { since: number; typicalMs?: number; partial?: number; partialsAsked: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, []);
  const elapsed = Math.max(0, now - since);
  const share = typicalMs ? estimatedProgress(elapsed, typicalMs) : null;
  const left = typicalMs ? Math.max(0, Math.ceil((typicalMs - elapsed) / 1000)) : null;
  const step = partial === undefined ? (partialsAsked ? 'Waiting for the first partial' : 'Generating') : `Partial ${partial} of ${partialsAsked}`;
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/70 via-black/40 to-transparent px-3 pb-2.5 pt-8 text-white">
      <p className="flex items-baseline gap-2 text-sm font-medium drop-shadow">
        {/* Only the step is announced: the clock would speak five times a second. */}
        <span role="status">{step}</span>
        <span className="ml-auto text-xs font-normal tabular-nums opacity-90">
          {(elapsed / 1000).toFixed(1)} s{left !== null && (left > 0 ? ` · about ${left} s left` : ' · finishing…')}
        </span>
      </p>
      {share !== null && (
        <div role="progressbar" aria-label="Estimated progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} className="mt-1.5 h-1 overflow-hidden rounded-full bg-white/25">
          <div className="h-full rounded-full bg-indigo-400 transition-[width] duration-200 ease-linear" style={{ width: `${share * 100}%` }} />
        </div>
      )}
    </div>
  );
}
