'use client';
/** One turn of the thread: the user's message and attachments, then the assistant's text and image. */
import { ErrorAlert } from '@/components/studio/error-alert';
import { ATTACH_MODE_LABEL } from '@/lib/chat/events';
import { useChat, type ChatAttachment, type ChatTurn } from '@/lib/chat/thread-store.client';
import { attachmentId, threadItems, turnImageAlt, turnImageId } from '@/lib/lightbox/chat';
import { useLightbox } from '@/components/lightbox/use-lightbox';
import { useMemo } from 'react';

const STATUS: Record<ChatTurn['status'], string> = {
  running: 'Working…',
  done: '',
  failed: 'Failed',
  cancelled: 'Cancelled — the last partial image is kept',
};

function How({ a }: { a: ChatAttachment }) {
  return <span className="text-[10px] text-zinc-500">{a.via === 'file' ? (a.fileId ? `uploaded · ${a.fileId}` : 'uploading…') : ATTACH_MODE_LABEL.data_url}</span>;
}

export interface TurnActions {
  onBranch?: () => void;
  branchSelected: boolean;
  onEditInStudio?: (url: string, name: string) => void;
}

export function TurnView({ turn, index, parentIndex, actions }: {
  turn: ChatTurn;
  index: number;
  /** 1-based number of the turn this one continues or branches from. */
  parentIndex?: number;
  actions: TurnActions;
}) {
  const shown = turn.image?.url ?? turn.partial;
  // Any image of the thread opens the lightbox, whose arrow keys go through the thread's images in turn order.
  const turns = useChat((s) => s.turns);
  const items = useMemo(() => threadItems(turns), [turns]);
  const lightbox = useLightbox(items);
  const zoomable = 'cursor-zoom-in rounded outline-none focus-visible:ring-2 focus-visible:ring-indigo-500';
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
      {parentIndex !== undefined && (
        <p className="text-xs text-purple-700 dark:text-purple-300">
          {turn.branchOf ? `Branch from turn ${parentIndex}` : `Continues turn ${parentIndex}`}
          {turn.referenceCallId && <span className="ml-1 text-zinc-500">(image {turn.referenceCallId.slice(0, 12)}…)</span>}
        </p>
      )}
      <div className="ml-auto max-w-prose rounded bg-blue-50 p-2 dark:bg-blue-950">
        <p className="whitespace-pre-wrap">{turn.text}</p>
        {(turn.attachments.length > 0 || turn.mask) && (
          <ul aria-label="Attached images" className="mt-2 flex flex-wrap gap-2">
            {turn.attachments.map((a, i) => (
              <li key={i} className="flex flex-col items-center">
                {a.url ? (
                  <button type="button" aria-label={`Open ${a.name}`} aria-haspopup="dialog" className={zoomable} onClick={(e) => lightbox.open(attachmentId(turn, i), e.currentTarget)}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- object URL from IndexedDB */}
                    <img src={a.url} alt={`Attached image ${i + 1}: ${a.name}`} className="h-12 w-12 rounded object-cover" />
                  </button>
                ) : (
                  <span className="text-xs">{a.name}</span>
                )}
                <How a={a} />
              </li>
            ))}
            {turn.mask && (
              <li className="flex flex-col items-center">
                {/* eslint-disable-next-line @next/next/no-img-element -- object URL from IndexedDB */}
                {turn.mask.url ? <img src={turn.mask.url} alt="Mask" className="h-12 w-12 rounded bg-[repeating-conic-gradient(#ddd_0_25%,#fff_0_50%)] bg-[length:8px_8px] object-cover" /> : <span className="text-xs">mask</span>}
                <How a={turn.mask} />
              </li>
            )}
          </ul>
        )}
      </div>
      {STATUS[turn.status] && (turn.status !== 'running' || !shown) && (
        <p role={turn.status === 'running' ? 'status' : undefined} className={`text-sm ${turn.status === 'cancelled' ? 'text-amber-600' : 'text-gray-500'}`}>{STATUS[turn.status]}</p>
      )}
      {shown && (
        <figure>
          <button type="button" aria-label={`Open ${turn.text}`} aria-haspopup="dialog" className={`block ${zoomable}`} onClick={(e) => lightbox.open(turnImageId(turn), e.currentTarget)}>
            {/* eslint-disable-next-line @next/next/no-img-element -- object URLs of streamed bytes */}
            <img src={shown} alt={turnImageAlt(turn)} className={`max-h-96 rounded ${turn.image?.url ? '' : 'opacity-80'}`} />
          </button>
          {turn.image?.revisedPrompt && <figcaption className="mt-1 text-sm">Revised prompt: {turn.image.revisedPrompt}</figcaption>}
        </figure>
      )}
      {!shown && turn.image?.revisedPrompt && <p className="text-sm">Revised prompt: {turn.image.revisedPrompt}</p>}
      {turn.assistantText && <p className="whitespace-pre-wrap text-sm">{turn.assistantText}</p>}
      {turn.error && <ErrorAlert error={turn.error} />}
      {lightbox.element}
      <div className="flex flex-wrap gap-2">
        {actions.onBranch && (
          <button type="button" onClick={actions.onBranch} aria-pressed={actions.branchSelected} className="rounded border px-2 py-1 text-xs">
            Continue from this image
          </button>
        )}
        {shown && actions.onEditInStudio && turn.status !== 'running' && (
          <button type="button" onClick={() => actions.onEditInStudio!(shown, `chat-turn-${index + 1}`)} className="rounded border px-2 py-1 text-xs">
            Edit in studio
          </button>
        )}
      </div>
    </article>
  );
}
