'use client';
/** Today's spend from this browser's ledger (the same figure the studio's Spend panel shows). */
import { useEffect, useState } from 'react';
import { useCost } from '@/lib/cost/cost-store.client';
import { totals } from '@/lib/cost/spend';

export function TodaySpend() {
  const entries = useCost((s) => s.entries);
  const estimator = useCost((s) => s.estimator);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!useCost.persist.hasHydrated()) void useCost.persist.rehydrate();
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  if (now === null) return null;
  const today = totals(entries, Math.max(now, entries.at(-1)?.at ?? 0), { hours: 0 }).today;
  const fmt = estimator?.formatUsd ?? ((n: number) => `$${n.toFixed(2)}`);
  return (
    <span className="text-xs text-zinc-500" title="Spent today in this browser (estimates until billed usage arrives)">
      Today <strong className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">{fmt(today)}</strong>
    </span>
  );
}
