/**
 * Lightbox items from a chat thread: in the order of the turns, each turn's attachments, then its image
 * (final or the partial kept). Ids are stable across renders (turn id and position), alts are the thread's.
 */
import type { ChatTurn } from '../chat/thread-store.client';
import { ATTACH_MODE_LABEL } from '../chat/events';
import { filenameFor } from '../history/filename';
import type { LightboxItem } from './items';

/** The alt the thread gives a turn's image. */
export function turnImageAlt(turn: ChatTurn): string {
  return turn.image?.url ? turn.image.revisedPrompt || turn.text : `Partial image for: ${turn.text}${turn.status === 'cancelled' ? ' (cancelled)' : ''}`;
}

export const attachmentId = (turn: ChatTurn, i: number) => `${turn.id}:attachment:${i}`;
export const turnImageId = (turn: ChatTurn) => `${turn.id}:image`;

export function threadItems(turns: readonly ChatTurn[]): LightboxItem[] {
  const items: LightboxItem[] = [];
  turns.forEach((turn, index) => {
    turn.attachments.forEach((a, i) => {
      if (!a.url) return;
      items.push({
        id: attachmentId(turn, i),
        alt: `Attached image ${i + 1}: ${a.name}`,
        title: `${a.name} (attached to turn ${index + 1})`,
        mime: '',
        src: a.url,
        filename: a.name,
        details: {
          prompt: turn.text,
          extra: [
            ['attached to', `turn ${index + 1}`],
            ['sent as', a.via === 'file' ? (a.fileId ? `Files API upload · ${a.fileId}` : 'Files API upload') : ATTACH_MODE_LABEL.data_url],
          ],
        },
      });
    });
    const shown = turn.image?.url ?? turn.partial;
    if (!shown) return;
    const extra: [string, string][] = [['turn', String(index + 1)]];
    if (turn.responseId) extra.push(['response', turn.responseId]);
    if (turn.image?.callId) extra.push(['image call', turn.image.callId]);
    if (turn.previousResponseId) extra.push(['continues', turn.previousResponseId]);
    items.push({
      id: turnImageId(turn),
      alt: turnImageAlt(turn),
      title: turn.text,
      mime: '',
      src: shown,
      filename: filenameFor(turn.text, 'image/png', turn.image?.url ? '' : 'partial'),
      details: {
        prompt: turn.text,
        revisedPrompt: turn.image?.revisedPrompt,
        status: turn.image?.url ? undefined : turn.status === 'running' ? 'streaming' : turn.status,
        extra,
      },
    });
  });
  return items;
}
