'use server';
/**
 * Server actions of the studio. Thin: they hand typed input to lib/ and return typed results; nothing is
 * thrown across the wire.
 */
import { startGeneration, type GenerationInput, type StartResult } from '@/lib/generation/run';
import { cancelJob } from '@/lib/generation/jobs';

/** Start a generation, edit or variation; its events stream back as they happen (partial images as binary). */
export async function generate(input: GenerationInput): Promise<StartResult> {
  return startGeneration(input);
}

/** Cancel a running generation: aborts its upstream calls. What already arrived stays with the browser. */
export async function cancel(jobId: string): Promise<{ cancelled: boolean }> {
  return { cancelled: typeof jobId === 'string' && cancelJob(jobId) };
}

/** One chat turn through the Responses API's image_generation tool; its events stream back (images as binary). */
export async function chat(input: import('@/lib/chat/events').ChatInput): Promise<import('@/lib/chat/events').ChatStart> {
  const { startChat } = await import('@/lib/chat/run');
  return startChat(input);
}
