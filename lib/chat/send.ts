'use client';
/** Send one chat turn: build the action input from the thread, then fold the streamed events into the turn. */
import { cancel, chat } from '@/app/actions';
import { readUserKey } from '../policy/user-key';
import type { GenerationError } from '../generation/events';
import type { ProviderKind } from '../providers/config';
import type { ChatEvent } from './events';
import { dropImage, keepImage } from './thread-images';
import { useChat } from './thread-store';

let counter = 0;

const blobOf = (bytes: Uint8Array, mime: string) => new Blob([bytes as BlobPart], { type: mime });

export interface Outgoing {
  text: string;
  images: File[];
  /** The painted input_image_mask, if any. */
  mask?: File;
}

export async function sendMessage(provider: ProviderKind, { text, images, mask }: Outgoing): Promise<void> {
  const s = useChat.getState();
  const branch = s.branchFrom ? s.turns.find((t) => t.id === s.branchFrom) : undefined;
  // A branch refers to the chosen turn's image call; otherwise continue from the last finished response.
  const last = [...s.turns].reverse().find((t) => t.responseId);
  const referenceCallId = branch?.image?.callId;
  const previousResponseId = referenceCallId ? undefined : last?.responseId;
  const id = `turn-${Date.now()}-${counter++}`;
  const via = s.attachAs;
  s.add({
    id,
    text,
    attachments: images.map((f) => ({ name: f.name, via })),
    mask: mask && { name: 'mask.png', via },
    parentId: branch?.id ?? (previousResponseId ? last?.id : undefined),
    previousResponseId,
    referenceCallId,
    branchOf: branch?.id,
    status: 'running',
  });
  s.setBranch(undefined);
  await Promise.all([...images.map((f, i) => keepImage(id, `attachment-${i}`, f)), mask ? keepImage(id, 'mask', mask) : undefined]);

  const update = useChat.getState().update;
  const fail = (error: GenerationError) => update(id, { status: 'failed', error, jobId: undefined });
  try {
    const simulate = provider === 'offline' ? { fault: s.simulate.fault || undefined, latencyMs: s.simulate.latencyMs ?? undefined } : undefined;
    const res = await chat({ provider, mainModel: s.mainModel, text, previousResponseId, referenceCallId, images, mask, attachAs: via, tool: s.tool, simulate, userKey: readUserKey() });
    if (!res.ok) return fail(res.error);
    const reader = res.events.getReader();
    let finished = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const e: ChatEvent = value;
      finished ||= await apply(id, e);
    }
    if (!finished) fail({ status: 0, message: 'The answer stopped before it was complete.', type: 'stream_error', param: null, code: 'stream_incomplete' });
  } catch (e) {
    fail({ status: 0, message: e instanceof Error ? e.message : String(e), type: 'connection_error', param: null, code: 'connection_error' });
  }
}

/** Fold one event into the turn; true when the turn is over. */
async function apply(id: string, e: ChatEvent): Promise<boolean> {
  const { update } = useChat.getState();
  const turn = () => useChat.getState().turns.find((t) => t.id === id)!;
  switch (e.type) {
    case 'started':
      update(id, { jobId: e.jobId });
      return false;
    case 'uploaded': {
      const t = turn();
      update(id, {
        attachments: t.attachments.map((a, i) => ({ ...a, fileId: e.fileIds[i] })),
        ...(t.mask && e.maskFileId ? { mask: { ...t.mask, fileId: e.maskFileId } } : {}),
      });
      return false;
    }
    case 'partial':
      await keepImage(id, 'partial', blobOf(e.bytes, e.mime));
      return false;
    case 'image':
      update(id, { image: { callId: e.callId, revisedPrompt: e.revisedPrompt } });
      await keepImage(id, 'image', blobOf(e.bytes, e.mime));
      await dropImage(id, 'partial');
      return false;
    case 'text':
      update(id, { assistantText: e.text });
      return false;
    case 'completed':
      update(id, { status: 'done', responseId: e.responseId, jobId: undefined });
      return true;
    case 'cancelled':
      // What already arrived (the last partial) stays, in the page and in storage.
      update(id, { status: 'cancelled', jobId: undefined });
      return true;
    case 'error':
      update(id, { status: 'failed', error: e.error, jobId: undefined });
      return true;
    case 'keepalive':
      return false;
  }
}

/** Cancel a running turn through the server's job registry (a server action has no request signal). */
export async function cancelTurn(id: string): Promise<void> {
  const t = useChat.getState().turns.find((x) => x.id === id);
  if (!t?.jobId) return;
  await cancel(t.jobId);
}
