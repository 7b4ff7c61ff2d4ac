'use client';
/**
 * The chat thread and its settings. Text, ids and settings persist in localStorage; the images live in
 * IndexedDB (images-db.ts) and are shown through object URLs that thread-images.ts makes and revokes.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { GenerationError } from '../generation/events';
import type { Fault } from '../offline/faults';
import { DEFAULT_MAIN_MODEL, type AttachMode, type ChatToolSettings } from './events';

export interface ChatAttachment {
  name: string;
  /** How it was sent: inline data URL or Files API upload (then its file id). */
  via: AttachMode;
  fileId?: string;
  /** Object URL of the stored bytes (this page only). */
  url?: string;
}

export interface ChatTurn {
  id: string;
  text: string;
  attachments: ChatAttachment[];
  /** The tool's input_image_mask, if one was painted. */
  mask?: ChatAttachment;
  /** The turn this one follows in the tree (the continued response or the branched-from turn). */
  parentId?: string;
  /** What the request carried, shown and exposed for checks. */
  previousResponseId?: string;
  referenceCallId?: string;
  /** The turn this one branched from. */
  branchOf?: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /**
   * The turn's job, named by this page before it sent anything, until the page has collected how the turn ended
   * (for Cancel, and to resume it after a reload).
   */
  jobId?: string;
  assistantText?: string;
  /** Object URL of the latest partial image; kept when a turn is cancelled or fails. */
  partial?: string;
  image?: { url?: string; callId: string; revisedPrompt?: string };
  responseId?: string;
  error?: GenerationError;
}

export type ThreadLayout = 'tree' | 'side-by-side';

interface ChatState {
  turns: ChatTurn[];
  mainModel: string;
  tool: ChatToolSettings;
  attachAs: AttachMode;
  layout: ThreadLayout;
  /** Offline API only: a fault to simulate and the simulated latency per image (as in the studio). */
  simulate: { fault: Fault | ''; latencyMs: number | null };
  /** The turn the next message branches from, if any. */
  branchFrom?: string;
  /** Saved settings that named a model the provider no longer offers, and what they became. */
  notice: string | null;
  setNotice(notice: string | null): void;
  setMainModel(m: string): void;
  setTool(patch: Partial<ChatToolSettings>): void;
  setAttachAs(a: AttachMode): void;
  setLayout(l: ThreadLayout): void;
  setSimulate(s: Partial<ChatState['simulate']>): void;
  setBranch(id: string | undefined): void;
  add(turn: ChatTurn): void;
  update(id: string, patch: Partial<ChatTurn>): void;
  clear(): void;
}

/**
 * A turn as saved: no object URLs (they die with the page). A turn that still has its job (the page has not
 * collected its end; from the moment it was sent, since the page names the job first) is saved as running, for
 * `resumeTurns` to take up on the next load; a running turn without a job id (saved by a page from before
 * turns were named) cannot be found again and is marked interrupted.
 */
export function persistedTurn(t: ChatTurn): ChatTurn {
  const strip = (a: ChatAttachment): ChatAttachment => ({ name: a.name, via: a.via, ...(a.fileId ? { fileId: a.fileId } : {}) });
  const { partial: _p, image, mask, attachments, ...rest } = t;
  const saved: ChatTurn = {
    ...rest,
    attachments: attachments.map(strip),
    ...(mask ? { mask: strip(mask) } : {}),
    ...(image ? { image: { callId: image.callId, revisedPrompt: image.revisedPrompt } } : {}),
  };
  if (t.jobId) return { ...saved, status: 'running', error: undefined };
  if (t.status !== 'running') return saved;
  return { ...saved, status: 'failed', error: { status: 0, message: 'The page was closed or reloaded while this turn ran.', type: 'interrupted', param: null, code: 'interrupted' } };
}

export const useChat = create<ChatState>()(
  persist(
    (set) => ({
      turns: [],
      mainModel: DEFAULT_MAIN_MODEL,
      tool: { model: '', quality: 'auto', size: 'auto', partial_images: 1 },
      attachAs: 'data_url',
      layout: 'tree',
      simulate: { fault: '', latencyMs: null },
      notice: null,
      setNotice: (notice) => set({ notice }),
      setMainModel: (mainModel) => set({ mainModel }),
      setTool: (patch) => set((s) => ({ tool: { ...s.tool, ...patch } })),
      setAttachAs: (attachAs) => set({ attachAs }),
      setLayout: (layout) => set({ layout }),
      setSimulate: (patch) => set((s) => ({ simulate: { ...s.simulate, ...patch } })),
      setBranch: (branchFrom) => set({ branchFrom }),
      add: (turn) => set((s) => ({ turns: [...s.turns, turn] })),
      update: (id, patch) => set((s) => ({ turns: s.turns.map((t) => (t.id === id ? { ...t, ...patch } : t)) })),
      clear: () => set({ turns: [], branchFrom: undefined }),
    }),
    {
      name: 'chat-thread',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ mainModel: s.mainModel, tool: s.tool, attachAs: s.attachAs, layout: s.layout, simulate: s.simulate, notice: s.notice, turns: s.turns.map(persistedTurn) }),
      // Version 0 kept attachments as URL strings that did not survive a reload.
      migrate: (old) => {
        const s = old as { turns?: ChatTurn[] };
        return { ...s, turns: (s.turns ?? []).map((t) => ({ ...t, attachments: [] })) } as never;
      },
    },
  ),
);
