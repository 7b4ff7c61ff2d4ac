'use client';
import { useEffect, useState } from 'react';
import { RotateCw, X } from 'lucide-react';
import type { GenerationError } from '@/lib/generation/events';
import { dismissRun, retryRun } from '@/lib/studio/run-generation.client';
import { Button, IconButton } from '@/components/ui/button';

/** Seconds left of a 429's Retry-After, counted from when the error arrived; 0 when free to retry. */
export function useRetryCountdown(error: GenerationError | undefined, arrivedAt: number | undefined): number {
  const until = error?.retryAfter !== undefined && arrivedAt ? arrivedAt + error.retryAfter * 1000 : 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || Date.now() >= until) return;
    const t = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= until) clearInterval(t);
    }, 250);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/** Retry (the same request again; held back while a Retry-After runs) and Dismiss, for a failed run. */
export function ErrorActions({ runId, error, arrivedAt }: { runId: string; error: GenerationError; arrivedAt?: number }) {
  const wait = useRetryCountdown(error, arrivedAt);
  return (
    <>
      <Button size="sm" onClick={() => void retryRun(runId)} disabled={wait > 0} aria-describedby={wait > 0 ? `${runId}-wait` : undefined}>
        <RotateCw aria-hidden className="size-3.5" />
        Retry
      </Button>
      {wait > 0 && (
        <span id={`${runId}-wait`} role="timer" aria-label="Retry countdown" className="tabular-nums">
          Retry in {wait} s
        </span>
      )}
      <IconButton label="Dismiss" icon={<X aria-hidden className="size-4" />} onClick={() => dismissRun(runId)} className="ml-auto" />
    </>
  );
}
