import type { ReactNode } from 'react';
import { CircleAlert } from 'lucide-react';
import { explain } from '@/lib/errors/explain';
import type { GenerationError } from '@/lib/generation/events';

/**
 * An error a person can act on: what happened, the code and status, the service's words, what to do; `children`
 * are its actions (Retry, Dismiss). Compact: one card, not a tile's worth of empty space.
 */
export function ErrorAlert({ error, children }: { error: GenerationError; children?: ReactNode }) {
  const { title, advice } = explain(error);
  return (
    <div role="alert" className="flex gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-xs text-red-900 dark:border-red-900/60 dark:bg-red-950/60 dark:text-red-100">
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium">
          {title}
          {error.code && <code className="rounded bg-red-100 px-1 text-xs font-normal dark:bg-red-900/60">{error.code}</code>}
          {error.status > 0 && <span className="text-xs font-normal opacity-80">HTTP {error.status}</span>}
        </p>
        <p className="break-words">{error.message}</p>
        {error.param && <p>Field: <code>{error.param}</code></p>}
        <p className="opacity-80">{advice}</p>
        {error.requestId && <p className="opacity-60">Request ID {error.requestId}</p>}
        {children && <div className="flex flex-wrap items-center gap-2 pt-1">{children}</div>}
      </div>
    </div>
  );
}
