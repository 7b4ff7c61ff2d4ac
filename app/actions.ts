'use server';
/**
 * Server actions of the studio and the chat. Thin: each one first asks who is calling (refusing a caller
 * without a session), parses its input with a schema (lib/pipeline/action-input.ts: a malformed call is a
 * typed 400 naming the field), then hands typed input to lib/. Nothing is thrown across the wire.
 */
import { cancelJob } from '@/lib/pipeline/jobs.server';
import { chatInputSchema, generationInputSchema, jobIdSchema, parseInput } from '@/lib/pipeline/action-input';
import { currentUser, SIGN_IN_REQUIRED } from '@/lib/access/user.server';
import type { GenerationInput, StartResult } from '@/lib/generation/run.server';
import type { ChatInput, ChatStart } from '@/lib/chat/events';

/** Start a generation, edit or variation; its events stream back as they happen (partial images as binary). */
export async function generate(input: GenerationInput): Promise<StartResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const parsed = parseInput(generationInputSchema, input);
  if (!parsed.ok) return parsed;
  const { startGeneration } = await import('@/lib/generation/run.server');
  return startGeneration(parsed.value, user);
}

/**
 * Cancel a running generation or chat turn: aborts its upstream calls. What already arrived stays with the
 * browser. Only the user who started it may; another's job is as unknown as a missing one (`cancelled: false`).
 */
export async function cancel(jobId: string): Promise<{ cancelled: boolean }> {
  const user = await currentUser();
  if (!user) return { cancelled: false };
  const parsed = parseInput(jobIdSchema, jobId, 'jobId');
  return { cancelled: parsed.ok && cancelJob(parsed.value, user.id) };
}

/**
 * Come back to a generation started earlier (the tab was closed or reloaded): what it kept, then the rest live.
 * Only the user who started it gets it; an unknown, expired or evicted job is a `job_not_found` error.
 */
export async function resume(jobId: string): Promise<StartResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const parsed = parseInput(jobIdSchema, jobId, 'jobId');
  if (!parsed.ok) return parsed;
  const { resumeGeneration } = await import('@/lib/generation/run.server');
  return resumeGeneration(parsed.value, user);
}

/** One chat turn through the Responses API's image_generation tool; its events stream back (images as binary). */
export async function chat(input: ChatInput): Promise<ChatStart> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const parsed = parseInput(chatInputSchema, input);
  if (!parsed.ok) return parsed;
  const { startChat } = await import('@/lib/chat/run.server');
  return startChat(parsed.value, user);
}

/**
 * Come back to a chat turn started earlier (the tab was closed or reloaded): what its job kept, then the rest
 * live. Only the user who started it gets it; an unknown, expired or evicted turn is a `job_not_found` error.
 */
export async function resumeChat(jobId: string): Promise<ChatStart> {
  const user = await currentUser();
  if (!user) return { ok: false, error: { ...SIGN_IN_REQUIRED } };
  const parsed = parseInput(jobIdSchema, jobId, 'jobId');
  if (!parsed.ok) return parsed;
  const { resumeChatTurn } = await import('@/lib/chat/run.server');
  return resumeChatTurn(parsed.value, user);
}
