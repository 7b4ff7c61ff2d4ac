import 'server-only';
/**
 * The door every generation and chat turn passes on the server, before and after its upstream call:
 * policy (refused with `policy_violation`), rate limits and the spend cap (admit.ts), then, once it has
 * ended, settlement with what it actually cost and one audit line. A user's own key is used for that one
 * request only: it is never stored, logged or echoed, and our messages never contain it.
 */
import type { User } from '../access/user.server';
import { auditEntry, type AuditStatus } from '../audit/entry';
import { writeAudit } from '../audit/log.server';
import type { CostEstimate } from '../cost/estimate';
import type { GenerationError } from '../generation/events';
import { checkPolicy, type AskedFor } from '../policy/check';
import { loadPolicy } from '../policy/load.server';
import { scrubKey } from '../policy/user-key';
import type { ProviderInfo } from '../providers/config';
import { admit, type Ticket } from './admit';
import type { Outcome } from './meter';
import { limitsConfig, limitStore, noLimits } from './store-config.server';

export interface GateRequest {
  user: User;
  provider: ProviderInfo;
  asked: AskedFor;
  /** Prefix of policy error params (`tools[0].` for the chat's image tool). */
  paramPrefix?: string;
  endpoint: string;
  params: Record<string, unknown>;
  prompt: string;
  /** The cost estimate; null (or a throw) when the request cannot be priced in advance. */
  estimate: () => CostEstimate | null;
  userKey?: unknown;
}

export interface Gate {
  /** The user's own key for this one request, or undefined for the server's key. */
  apiKey: string | undefined;
  estimate: CostEstimate | null;
  /** Our text about an error, with the user's key (plain or masked) taken out. */
  scrub(message: string): string;
  /** Settle the spend and write the audit line; once. */
  finish(outcome: Outcome): Promise<void>;
}

export type GateResult = { ok: true; gate: Gate } | { ok: false; error: GenerationError };

function serverError(code: string, message: string): GenerationError {
  return { status: 500, message, type: 'server_error', param: null, code };
}

export async function openGate(req: GateRequest): Promise<GateResult> {
  const started = Date.now();
  const apiKey = typeof req.userKey === 'string' && req.userKey.trim() ? req.userKey.trim() : undefined;
  const loaded = loadPolicy();
  const includePrompt = 'policy' in loaded && loaded.policy.auditPrompts;
  let estimate: CostEstimate | null = null;
  try {
    estimate = req.estimate();
  } catch {
    estimate = null;
  }
  const audit = (status: AuditStatus, code: string | null, actualUsd: number | null) =>
    writeAudit(
      auditEntry({
        at: started,
        user: { id: req.user.id, name: req.user.name },
        provider: req.provider.id,
        model: req.asked.model,
        endpoint: req.endpoint,
        params: req.params,
        prompt: req.prompt,
        includePrompt,
        key: apiKey ? 'user' : 'server',
        estimatedUsd: estimate ? { low: estimate.low, high: estimate.high } : null,
        actualUsd,
        status,
        code,
        latencyMs: Date.now() - started,
      }),
    );
  const refuse = async (error: GenerationError): Promise<GateResult> => {
    await audit('refused', error.code, null);
    return { ok: false, error };
  };

  if ('error' in loaded) return refuse(serverError('policy_invalid', `This server's policy is misconfigured, so requests are refused until the operator fixes it: ${loaded.error}`));
  const violation = checkPolicy(loaded.policy, req.provider, { ...req.asked, userKey: !!apiKey }, req.paramPrefix);
  if (violation) return refuse(violation);

  const limits = limitsConfig();
  if ('error' in limits) return refuse(serverError('limits_invalid', `This server's limits are misconfigured, so requests are refused until the operator fixes them: ${limits.error}`));
  let ticket: Ticket | undefined;
  if (!noLimits(limits.config)) {
    try {
      const admission = await admit(limitStore(), limits.config, { user: req.user, estimateUsd: estimate ? estimate.high : null, charged: !apiKey });
      if (!admission.ok) return refuse(admission.error);
      ticket = admission.ticket;
    } catch (e) {
      console.error(`limits: the store did not answer (${e instanceof Error ? e.message : String(e)})`);
      return refuse({ ...serverError('limits_unavailable', 'The limits store (Redis) did not answer, so requests are refused until it is back. Try again shortly.'), status: 503 });
    }
  }

  let finished = false;
  return {
    ok: true,
    gate: {
      apiKey,
      estimate,
      scrub: (message) => scrubKey(message, apiKey),
      async finish(outcome) {
        if (finished) return;
        finished = true;
        try {
          await ticket?.settle(outcome.actualUsd);
        } catch (e) {
          console.error(`limits: could not settle a request (${e instanceof Error ? e.message : String(e)})`);
        }
        await audit(outcome.status, outcome.code, outcome.actualUsd);
      },
    },
  };
}
