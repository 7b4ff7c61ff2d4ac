/**
 * The server actions the browser workflows call (start, follow, resume, cancel), handed in by the app at load
 * (components/server-actions.ts), so lib/ never imports app/. Types only cross here; no server code does.
 */
import type { ChatInput, ChatStart } from '../chat/events';
import type { GenerationInput, StartResult } from '../generation/run.server';

export interface ServerActions {
  generate(input: GenerationInput): Promise<StartResult>;
  resume(jobId: string): Promise<StartResult>;
  chat(input: ChatInput): Promise<ChatStart>;
  resumeChat(jobId: string): Promise<ChatStart>;
  cancel(jobId: string): Promise<{ cancelled: boolean }>;
}

let provided: ServerActions | undefined;

export function provideServerActions(actions: ServerActions): void {
  provided = actions;
}

export function serverActions(): ServerActions {
  if (!provided) throw new Error('The server actions were not provided: import components/server-actions before starting a generation.');
  return provided;
}
