'use client';
import { useEffect, useState } from 'react';

/** Seconds since `since`, ticking while `running`, frozen at `until` after. */
export function Elapsed({ since, until, running }: { since: number; until?: number; running: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(t);
  }, [running]);
  const end = running ? now : (until ?? now);
  return <span>{((end - since) / 1000).toFixed(1)} s</span>;
}
