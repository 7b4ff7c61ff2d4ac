'use client';
/** Spend for the session and the day, with a small chart by hour and a split by model. */
import { useEffect, useState } from 'react';
import { useCost } from '@/lib/cost/cost-store.client';
import { totals } from '@/lib/cost/spend';

export function SpendSummary() {
  const entries = useCost((s) => s.entries);
  const sessionStart = useCost((s) => s.sessionStart);
  const estimator = useCost((s) => s.estimator);
  const [now, setNow] = useState(() => Date.now());
  // The day rolls over without a reload.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  const t = totals(entries, Math.max(now, entries.at(-1)?.at ?? 0), { sessionStart, hours: 24 });
  const fmt = estimator?.formatUsd ?? ((n: number) => `$${n.toFixed(2)}`);
  const max = Math.max(...t.byHour.map((h) => h.dollars), 1e-9);
  const models = Object.entries(t.byModel).sort((a, b) => b[1] - a[1]);
  return (
    <section role="region" aria-label="Spend" className="flex flex-wrap items-end gap-x-6 gap-y-2 rounded-lg border border-zinc-200 p-3 text-xs dark:border-zinc-800">
      <p>
        Session <strong aria-label="Session spend" data-dollars={t.session}>{fmt(t.session)}</strong>
      </p>
      <p>
        Today <strong aria-label="Today's spend" data-dollars={t.today}>{fmt(t.today)}</strong>
      </p>
      <figure className="flex items-end gap-px" aria-label="Spend by hour, last 24 hours">
        {t.byHour.map((h) => (
          <span key={h.start} title={`${new Date(h.start).getHours()}:00 ${fmt(h.dollars)}`} className="w-1.5 bg-indigo-500" style={{ height: `${Math.max(1, (h.dollars / max) * 28)}px`, opacity: h.dollars ? 1 : 0.2 }} />
        ))}
      </figure>
      {models.length > 0 && (
        <ul className="flex flex-wrap gap-x-3" aria-label="Spend by model">
          {models.map(([m, d]) => <li key={m}>{m} {fmt(d)}</li>)}
        </ul>
      )}
    </section>
  );
}
