/**
 * A chat turn's events folded into the turn, as a pure function (like the studio's applyEvent): the turn's new
 * fields, the images to store or drop, and whether the event ended the turn. send.ts applies the result.
 */
import type { ChatEvent } from './events';
import type { ChatTurn } from './thread-store.client';

export type ImageSlot = 'partial' | 'image';

export type ImageChange = { keep: ImageSlot; bytes: Uint8Array; mime: string } | { drop: ImageSlot };

export interface Folded {
  patch: Partial<ChatTurn>;
  images: ImageChange[];
  ended: boolean;
}

const none: Folded = { patch: {}, images: [], ended: false };

export function foldTurn(turn: ChatTurn, e: ChatEvent): Folded {
  switch (e.type) {
    case 'started':
      return { ...none, patch: { jobId: e.jobId } };
    case 'uploaded':
      return {
        ...none,
        patch: {
          attachments: turn.attachments.map((a, i) => ({ ...a, fileId: e.fileIds[i] })),
          ...(turn.mask && e.maskFileId ? { mask: { ...turn.mask, fileId: e.maskFileId } } : {}),
        },
      };
    case 'partial':
      return { ...none, images: [{ keep: 'partial', bytes: e.bytes, mime: e.mime }] };
    case 'image':
      // The final image replaces the partial: a replay need not carry both, and storage keeps one.
      return { ...none, patch: { image: { callId: e.callId, revisedPrompt: e.revisedPrompt } }, images: [{ keep: 'image', bytes: e.bytes, mime: e.mime }, { drop: 'partial' }] };
    case 'text':
      return { ...none, patch: { assistantText: e.text } };
    case 'completed':
      return { ...none, patch: { status: 'done', responseId: e.responseId, jobId: undefined }, ended: true };
    case 'cancelled':
      // What already arrived (the last partial) stays, in the page and in storage.
      return { ...none, patch: { status: 'cancelled', jobId: undefined }, ended: true };
    case 'error':
      return { ...none, patch: { status: 'failed', error: e.error, jobId: undefined }, ended: true };
    case 'keepalive':
      return none;
  }
}
