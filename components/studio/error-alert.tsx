import { explain } from '@/lib/errors/explain';
import type { GenerationError } from '@/lib/generation/events';

/** An error a person can act on: what happened, the code and status, the service's words, what to do. */
export function ErrorAlert({ error }: { error: GenerationError }) {
  const { title, advice } = explain(error);
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">
        {title}
        {error.code && <code className="ml-2 rounded bg-red-100 px-1 text-xs dark:bg-red-900">{error.code}</code>}
        {error.status > 0 && <span className="ml-2 text-xs font-normal">HTTP {error.status}</span>}
      </p>
      <p className="mt-1 break-words">{error.message}</p>
      {error.param && <p className="mt-1 text-xs">Field: <code>{error.param}</code></p>}
      <p className="mt-1 text-xs">{advice}</p>
      {error.requestId && <p className="mt-1 text-xs opacity-70">Request ID {error.requestId}</p>}
    </div>
  );
}
