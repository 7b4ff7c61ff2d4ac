/**
 * The operator's policy: what this server lets anyone ask for. Parsed with zod so a mistake names the field
 * (`POLICY_JSON: maxQuality: …`); unknown fields are refused, because a misspelt cap that is silently ignored
 * is worse than a server that says what to fix. Browser-safe: the settings page shows it, the UI narrows by it.
 */
import { z } from 'zod';
import { MODEL_IDS } from '../models/registry';
import type { CapsNarrowing, QualityCap } from '../models/caps';
import type { ModelId } from '../models/types';
import type { ProviderKind } from '../providers/config';

const PROVIDERS = ['openai', 'azure', 'gateway', 'offline'] as const satisfies readonly ProviderKind[];

export const policySchema = z
  .object({
    /** Providers requests may go to; all configured ones when absent. */
    providers: z.array(z.enum(PROVIDERS)).min(1).optional(),
    /** Image models (registry ids) that may be used; all when absent. */
    models: z.array(z.enum(MODEL_IDS as unknown as [ModelId, ...ModelId[]])).min(1).optional(),
    maxN: z.number().int().min(1).optional(),
    maxQuality: z.enum(['low', 'medium', 'high', 'xhigh', 'max']).optional(),
    /** width × height; 1536x1024 is 1,572,864. Covers gpt-image-2's custom sizes. */
    maxPixels: z.number().int().min(1).optional(),
    maxPartialImages: z.number().int().min(0).optional(),
    /** Users may paste their own key in Settings (kept in their browser's session storage only). */
    allowUserKey: z.boolean().default(false),
    /** Prompts are written to the audit log. */
    auditPrompts: z.boolean().default(false),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

/** No policy configured: everything the providers offer, no own keys, no prompts in the audit log. */
export const OPEN_POLICY: Policy = { allowUserKey: false, auditPrompts: false };

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** Parse policy JSON text; `origin` (POLICY_JSON or the file's path) starts every message. */
export function parsePolicy(text: string, origin: string): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PolicyError(`${origin}: not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = policySchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : 'policy';
    const got = i.code === 'unrecognized_keys' || i.input === undefined ? '' : ` (got ${JSON.stringify(i.input)})`;
    return `${field}: ${i.message}${got}`;
  });
  throw new PolicyError(`${origin}: ${problems.join('; ')}.`);
}

/** The policy's limits as a caps narrowing, for the UI's options and the server's checks alike. */
export function policyNarrowing(policy: Policy): CapsNarrowing {
  const n: CapsNarrowing = {};
  if (policy.maxN !== undefined) n.maxN = policy.maxN;
  if (policy.maxQuality !== undefined) n.maxQuality = policy.maxQuality as QualityCap;
  if (policy.maxPixels !== undefined) n.maxPixels = policy.maxPixels;
  if (policy.maxPartialImages !== undefined) n.maxPartialImages = policy.maxPartialImages;
  return n;
}

/** One line per rule, for Settings. */
export function describePolicy(policy: Policy): { rule: string; value: string }[] {
  const all = (v: readonly string[] | undefined) => (v ? v.join(', ') : 'all configured');
  return [
    { rule: 'Providers', value: all(policy.providers) },
    { rule: 'Image models', value: all(policy.models) },
    { rule: 'Images per request (n)', value: policy.maxN === undefined ? "the model's maximum" : `at most ${policy.maxN}` },
    { rule: 'Quality', value: policy.maxQuality === undefined ? 'any' : `up to ${policy.maxQuality} (auto counts as high)` },
    { rule: 'Image size', value: policy.maxPixels === undefined ? 'any' : `at most ${policy.maxPixels.toLocaleString('en-US')} pixels` },
    { rule: 'Partial images', value: policy.maxPartialImages === undefined ? "the model's maximum" : `at most ${policy.maxPartialImages}` },
    { rule: 'Your own API key', value: policy.allowUserKey ? 'allowed (kept in this browser tab only)' : 'not allowed' },
    { rule: 'Prompts in the audit log', value: policy.auditPrompts ? 'yes' : 'no' },
  ];
}
