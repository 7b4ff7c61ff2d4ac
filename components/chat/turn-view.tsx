'use client';
/** One turn of the thread: the user's message and attachments, then the assistant's text and image. */
import { ErrorAlert } from '@/components/studio/error-alert';
import type { ChatTurn } from '@/lib/chat/thread-store';

export function TurnView({ turn, index, branchIndex, onBranch, branchSelected }: {
  turn: ChatTurn;
  index: number;
  /** 1-based number of the turn this one branched from. */
  branchIndex?: number;
  onBranch?: () => void;
  branchSelected: boolean;
}) {
  const alt = turn.image?.revisedPrompt || turn.text;
  return (
    <article
      aria-label={`Turn ${index + 1}`}
      className="space-y-2 rounded border border-gray-200 p-3 dark:border-gray-700"
      data-status={turn.status}
      data-response-id={turn.responseId ?? ''}
      data-previous-response-id={turn.previousResponseId ?? ''}
      data-reference-call-id={turn.referenceCallId ?? ''}
      data-call-id={turn.image?.callId ?? ''}
    >
      {branchIndex !== undefined && <p className="text-xs text-purple-700 dark:text-purple-300">Branch from turn {branchIndex}</p>}
      <div className="ml-auto max-w-prose rounded bg-blue-50 p-2 dark:bg-blue-950">
        <p className="whitespace-pre-wrap">{turn.text}</p>
        {turn.attachments.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-1">
            {turn.attachments.map((url, i) => (
              // eslint-disable-next-line @next/next/no-img-element
              <img key={url} src={url} alt={`Attached image ${i + 1}`} className="h-12 w-12 rounded object-cover" />
            ))}
          </div>
        )}
      </div>
      {turn.status === 'running' && !turn.partial && !turn.image && <p role="status" className="text-sm text-gray-500">Working…</p>}
      {turn.partial && !turn.image && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={turn.partial} alt={`Partial image for: ${turn.text}`} className="max-h-96 rounded opacity-80" />
      )}
      {turn.image && (
        <figure>
          {turn.image.url ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={turn.image.url} alt={alt} className="max-h-96 rounded" />
          ) : (
            <p className="text-xs text-gray-500">(Image not kept after reload.)</p>
          )}
          {turn.image.revisedPrompt && <figcaption className="mt-1 text-sm">Revised prompt: {turn.image.revisedPrompt}</figcaption>}
        </figure>
      )}
      {turn.assistantText && <p className="whitespace-pre-wrap text-sm">{turn.assistantText}</p>}
      {turn.error && <ErrorAlert error={turn.error} />}
      {onBranch && (
        <button type="button" onClick={onBranch} aria-pressed={branchSelected} className="rounded border px-2 py-1 text-xs">
          Continue from this image
        </button>
      )}
    </article>
  );
}
