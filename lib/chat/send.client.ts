'use client';
/**
 * Send one chat turn, or take up one a closed page left running: upload the turn's images, build the action
 * input from the thread, then fold the streamed events (live or replayed by the server's job) into the turn with one switch.
 */
import { readUserKey } from '../policy/user-key';
import type { GenerationError } from '../generation/events';
import { followJob } from '../pipeline/follow';
import { serverActions } from '../pipeline/server-actions';
import { foldTurn } from './fold';
import type { ProviderKind } from '../providers/config';
import type { ChatEvent, ChatInput, ChatStart } from './events';
import type { UploadItem } from '../uploads/client';
import { startWithUploads, stopStart } from '../uploads/start.client';
import { dropImage, keepImage } from './thread-images.client';
import { useChat } from './thread-store.client';

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
  // The browser names the turn's job and saves the turn with it before anything leaves the page: closed during
  // the uploads or before the first event, the next load still finds the job (or learns the server never got it).
  const jobId = crypto.randomUUID();
  s.add({
    id,
    jobId,
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

  // The server sends these only where they reach the offline API (lib/pipeline/simulation.ts).
  const simulate = { fault: s.simulate.fault || undefined, latencyMs: s.simulate.latencyMs ?? undefined };
  const input: ChatInput = { jobId, provider, mainModel: s.mainModel, text, previousResponseId, referenceCallId, attachAs: via, tool: s.tool, simulate, userKey: readUserKey() };
  // The attachments and the mask go to the upload route first, in parallel; the action names them by id. An
  // error names the request field the server would (the message follows a branch's image call item).
  const message = referenceCallId ? 1 : 0;
  const files: UploadItem[] = images.map((f, i) => ({ blob: f, name: f.name, field: `input[${message}].content[${i + 1}]` }));
  if (mask) files.push({ blob: mask, name: 'mask.png', field: 'tools[0].input_image_mask' });
  await collect(id, () =>
    startWithUploads(id, {
      input,
      textField: 'input',
      files,
      call: (ids) => serverActions().chat({ ...input, imageIds: ids.slice(0, images.length), maskId: mask ? ids[images.length] : undefined }),
      cancelled: CANCELLED,
      cancelJob: () => serverActions().cancel(jobId),
    }),
  );
}

/** What a turn cancelled before its action was called folds into. */
const CANCELLED = (): ChatStart => ({
  ok: true,
  events: new ReadableStream<ChatEvent>({
    start(out) {
      out.enqueue({ type: 'cancelled' });
      out.close();
    },
  }),
});

/** Turns whose stream this page is reading now (so a remount does not resume them a second time). */
const collecting = new Set<string>();

/**
 * Read a turn's stream, new or resumed, and fold every event into the turn (foldTurn). A turn keeps its job id
 * until an event ends it: a cut connection leaves it for `resumeTurns` on the next load.
 */
async function collect(id: string, start: () => Promise<ChatStart>): Promise<void> {
  collecting.add(id);
  try {
    const r = await followJob(start, (e) => apply(id, e));
    // Signed out (the session expired): the job may still be there once the user signs in again.
    if (r.refused) useChat.getState().update(id, { status: 'failed', error: r.refused, ...(r.refused.status === 401 ? {} : { jobId: undefined }) });
    else if (r.lost !== undefined) lost(id, r.lost, r.answered);
    else if (!r.ended) lost(id, 'the answer stopped before it was complete', r.answered);
  } finally {
    collecting.delete(id);
  }
}

/**
 * The stream broke off: what arrived stays; a turn the server runs as a job goes on there and can be resumed.
 * Before the action answered, the page cannot tell whether the server got the turn (the next load will).
 */
function lost(id: string, reason: string, answered: boolean): void {
  const t = useChat.getState().turns.find((x) => x.id === id);
  const goesOn = answered ? 'The turn goes on on the server.' : 'If the server got the turn, it goes on there.';
  const error: GenerationError = t?.jobId
    ? { status: 0, message: `The connection to the server was lost (${reason}). ${goesOn}`, type: 'connection_error', param: null, code: 'connection_lost' }
    : { status: 0, message: `The connection to the server was lost (${reason}).`, type: 'connection_error', param: null, code: 'connection_error' };
  useChat.getState().update(id, { status: 'failed', error });
}

/**
 * On load: take up the turns a closed or reloaded page left with a job. The server replays what the job kept
 * (the latest partial, the image, the text, how it ended) and streams the rest; it all goes through `apply`
 * like a live turn. A job the server no longer knows ends the turn with a `job_not_found` alert.
 */
export async function resumeTurns(): Promise<void> {
  const { turns, update } = useChat.getState();
  await Promise.all(
    turns
      .filter((t) => t.jobId && !collecting.has(t.id))
      .map((t) => {
        update(t.id, { status: 'running', error: undefined });
        return collect(t.id, () => serverActions().resumeChat(t.jobId!));
      }),
  );
}

/** Fold one event into the turn and store or drop its images; true when the turn is over. */
async function apply(id: string, e: ChatEvent): Promise<boolean> {
  const turn = useChat.getState().turns.find((t) => t.id === id);
  if (!turn) return false;
  const { patch, images, ended } = foldTurn(turn, e);
  if (Object.keys(patch).length) useChat.getState().update(id, patch);
  for (const change of images) {
    if ('keep' in change) await keepImage(id, change.keep, blobOf(change.bytes, change.mime));
    else await dropImage(id, change.drop);
  }
  return ended;
}

/**
 * Cancel a running turn: before its action is called, by stopping its uploads; after, through the server's job
 * registry (a server action has no request signal).
 */
export async function cancelTurn(id: string): Promise<void> {
  const jobMayExist = stopStart(id);
  const t = useChat.getState().turns.find((x) => x.id === id);
  if (t?.jobId && jobMayExist) await serverActions().cancel(t.jobId);
}
