'use client';
/**
 * The chat thread and its settings. Text, ids and settings persist in localStorage; images are object URLs
 * for this session only (a reload shows the turn's text and revised prompt, not its pictures).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { GenerationError } from '../generation/events';
import { DEFAULT_MAIN_MODEL, type ChatToolSettings } from './events';

export interface ChatTurn {
  id: string;
  text: string;
  /** Object URLs of the attached images (session only). */
  attachments: string[];
  /** What the request carried, shown and exposed for checks. */
  previousResponseId?: string;
  referenceCallId?: string;
  /** The turn this one branched from. */
  branchOf?: string;
  status: 'running' | 'done' | 'failed';
  assistantText?: string;
  partial?: string;
  image?: { url?: string; callId: string; revisedPrompt?: string };
  responseId?: string;
  error?: GenerationError;
}

interface ChatState {
  turns: ChatTurn[];
  mainModel: string;
  tool: ChatToolSettings;
  /** The turn the next message branches from, if any. */
  branchFrom?: string;
  setMainModel(m: string): void;
  setTool(patch: Partial<ChatToolSettings>): void;
  setBranch(id: string | undefined): void;
  add(turn: ChatTurn): void;
  update(id: string, patch: Partial<ChatTurn>): void;
  clear(): void;
}

export const useChat = create<ChatState>()(
  persist(
    (set) => ({
      turns: [],
      mainModel: DEFAULT_MAIN_MODEL,
      tool: { model: '', quality: 'auto', size: 'auto', partial_images: 1 },
      setMainModel: (mainModel) => set({ mainModel }),
      setTool: (patch) => set((s) => ({ tool: { ...s.tool, ...patch } })),
      setBranch: (branchFrom) => set({ branchFrom }),
      add: (turn) => set((s) => ({ turns: [...s.turns, turn] })),
      update: (id, patch) => set((s) => ({ turns: s.turns.map((t) => (t.id === id ? { ...t, ...patch } : t)) })),
      clear: () => set({ turns: [], branchFrom: undefined }),
    }),
    {
      name: 'chat-thread',
      storage: createJSONStorage(() => localStorage),
      // Object URLs die with the page: keep only text, ids and settings; an unfinished turn is marked failed.
      partialize: (s) => ({
        mainModel: s.mainModel,
        tool: s.tool,
        turns: s.turns.map(({ attachments: _a, partial: _p, image, ...t }) => ({
          ...t,
          attachments: [],
          image: image && { callId: image.callId, revisedPrompt: image.revisedPrompt },
          status: t.status === 'running' ? ('failed' as const) : t.status,
        })),
      }),
    },
  ),
);
