/**
 * The server actions' inputs as schemas, so a malformed call (a script's, or an attacker's) is a typed 400
 * naming the field, never a TypeError and a 500. Only the shape is checked here; what each image option may be
 * is the registry's to say (validateImageRequest), so `fields` and the chat's `tool` stay open records.
 */
import { z } from 'zod';
import { FAULTS } from '../offline/faults';
import type { GenerationError } from '../generation/events';

/** The longest chat message: the image models' prompt limit (the tool's prompt is written from it). */
export const CHAT_TEXT_MAX = 32_000;

const PROVIDERS = ['openai', 'azure', 'gateway', 'offline'] as const;
/** An upload id from POST /api/uploads, or a response / image call id from the service: short, plain tokens. */
const id = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const simulate = z.strictObject({
  fault: z.enum(FAULTS).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  billingScale: z.number().min(0.1).max(10).optional(),
});
const common = {
  provider: z.enum(PROVIDERS),
  imageIds: z.array(id).max(16).optional(),
  maskId: id.optional(),
  simulate: simulate.optional(),
  userKey: z.string().max(500).optional(),
  // Made by the browser (crypto.randomUUID()); startJob says what it wants (a lowercase v4 UUID, not in use).
  jobId: z.string().max(64).optional(),
};

export const generationInputSchema = z.strictObject({
  ...common,
  endpoint: z.enum(['generate', 'edit', 'variation']).optional(),
  fields: z.record(z.string(), z.unknown()),
  /** A markup-guided edit's marks (gpt-image-2.6), uploaded like the mask. */
  markupId: id.optional(),
});

export const chatInputSchema = z.strictObject({
  ...common,
  // Checked against the provider's offered list in the chat's run, which names a shut-down model's date.
  mainModel: z.string().min(1).max(100),
  text: z.string().max(CHAT_TEXT_MAX),
  previousResponseId: id.optional(),
  referenceCallId: id.optional(),
  attachAs: z.enum(['data_url', 'file']).optional(),
  // The image_generation tool's settings, in the API's names: the registry's validator checks each one.
  tool: z.object({ model: z.string().max(100) }).catchall(z.unknown()),
});

/** What the generate action takes, as parsed. */
export type GenerationRequest = z.infer<typeof generationInputSchema>;
/** What the chat action takes, as parsed. */
export type ChatRequest = z.infer<typeof chatInputSchema>;

export const jobIdSchema = z.string().max(64);

/** Parse `input`, or the first problem as a 400 naming the field (`fields`, `tool.quality`, `imageIds[2]`). */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, name = 'input'): { ok: true; value: T } | { ok: false; error: GenerationError } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
  const param = path || name;
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return { ok: false, error: { status: 400, message: `Missing required parameter: '${param}'.`, type: 'invalid_request_error', param, code: 'missing_required_parameter' } };
  }
  const code = issue.code === 'unrecognized_keys' ? 'unknown_parameter' : issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value';
  const what = issue.code === 'unrecognized_keys' ? `Unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((k) => `'${k.slice(0, 40)}'`).join(', ')}` : issue.message;
  return { ok: false, error: { status: 400, message: `Invalid '${param}': ${what}.`, type: 'invalid_request_error', param: issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? (path ? `${path}.${issue.keys[0]}` : issue.keys[0]) : param, code } };
}
