'use server';
/**
 * Server actions of the studio and the chat. Thin: each one first asks who is calling (refusing a caller
 * without a session), then hands typed input to lib/ and returns typed results; nothing is thrown across the wire.
 */
import { startGeneration, type GenerationInput, type StartResult } from '@/lib/generation/run';
import { cancelJob } from '@/lib/generation/jobs';
import { currentUser, SIGN_IN_REQUIRED } from '@/lib/access/user';
import type { ChatInput, ChatStart } from '@/lib/chat/events';

/** Start a generation, edit or variation; its events stream back as they happen (partial images as binary). */
export async function generate(input: GenerationInput): Promise<StartResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  return startGeneration(input, user);
}

/** Cancel a running generation: aborts its upstream calls. What already arrived stays with the browser. */
export async function cancel(jobId: string): Promise<{ cancelled: boolean }> {
  const user = await currentUser();
  if (!user) return { cancelled: false };
  return { cancelled: typeof jobId === 'string' && cancelJob(jobId, user.id) };
}

/**
 * Come back to a generation started earlier (the tab was closed or reloaded): what it kept, then the rest live.
 * Only the user who started it gets it; an unknown, expired or evicted job is a `job_not_found` error.
 */
export async function resume(jobId: string): Promise<StartResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const { resumeGeneration } = await import('@/lib/generation/resume');
  return resumeGeneration(jobId, user);
}

/** One chat turn through the Responses API's image_generation tool; its events stream back (images as binary). */
export async function chat(input: ChatInput): Promise<ChatStart> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const { startChat } = await import('@/lib/chat/run');
  return startChat(input, user);
}

/**
 * Come back to a chat turn started earlier (the tab was closed or reloaded): what its job kept, then the rest
 * live. Only the user who started it gets it; an unknown, expired or evicted turn is a `job_not_found` error.
 */
export async function resumeChat(jobId: string): Promise<ChatStart> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const { resumeChatTurn } = await import('@/lib/chat/run');
  return resumeChatTurn(jobId, user);
}
