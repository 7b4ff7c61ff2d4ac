'use client';
/** Send one chat turn: build the action input from the thread, then fold the streamed events into the turn. */
import { chat } from '@/app/actions';
import type { ProviderKind } from '../providers/config';
import type { ChatEvent } from './events';
import { useChat } from './thread-store';

let counter = 0;

const urlOf = (bytes: Uint8Array, mime: string) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));

export async function sendMessage(provider: ProviderKind, text: string, images: File[]): Promise<void> {
  const s = useChat.getState();
  const branch = s.branchFrom ? s.turns.find((t) => t.id === s.branchFrom) : undefined;
  // A branch refers to the chosen turn's image call; otherwise continue from the last finished response.
  const last = [...s.turns].reverse().find((t) => t.responseId);
  const referenceCallId = branch?.image?.callId;
  const previousResponseId = referenceCallId ? undefined : last?.responseId;
  const id = `turn-${Date.now()}-${counter++}`;
  s.add({ id, text, attachments: images.map((f) => URL.createObjectURL(f)), previousResponseId, referenceCallId, branchOf: branch?.id, status: 'running' });
  s.setBranch(undefined);
  const update = useChat.getState().update;
  const fail = (error: NonNullable<Parameters<typeof update>[1]['error']>) => update(id, { status: 'failed', error });
  try {
    const res = await chat({ provider, mainModel: s.mainModel, text, previousResponseId, referenceCallId, images, tool: s.tool });
    if (!res.ok) return fail(res.error);
    const reader = res.events.getReader();
    let finished = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const e: ChatEvent = value;
      if (e.type === 'partial') update(id, { partial: urlOf(e.bytes, e.mime) });
      else if (e.type === 'image') update(id, { partial: undefined, image: { url: urlOf(e.bytes, e.mime), callId: e.callId, revisedPrompt: e.revisedPrompt } });
      else if (e.type === 'text') update(id, { assistantText: e.text });
      else if (e.type === 'completed') {
        finished = true;
        update(id, { status: 'done', responseId: e.responseId });
      } else if (e.type === 'error') {
        finished = true;
        fail(e.error);
      }
    }
    if (!finished) fail({ status: 0, message: 'The answer stopped before it was complete.', type: 'stream_error', param: null, code: 'stream_incomplete' });
  } catch (e) {
    fail({ status: 0, message: e instanceof Error ? e.message : String(e), type: 'connection_error', param: null, code: 'connection_error' });
  }
}
