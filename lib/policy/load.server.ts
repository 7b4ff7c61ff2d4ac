import 'server-only';
/**
 * The policy of this server process, from POLICY_JSON (inline JSON, wins) or POLICY_FILE (a JSON file's path);
 * none set means OPEN_POLICY. A broken policy is reported, never ignored: the pages show it and every
 * generation is refused until it is fixed, since a spend-limiting rule must not fail open.
 */
import { readFileSync } from 'node:fs';
import { defaultProvider } from '../providers/config';
import { providerSetup, type ProviderSetup } from '../providers/configured.server';
import { applyPolicyToAll } from './apply';
import { OPEN_POLICY, parsePolicy, PolicyError, type Policy } from './policy';

type Env = Record<string, string | undefined>;

let cached: { key: string; result: { policy: Policy } | { error: string } } | undefined;

export function loadPolicy(env: Env = process.env): { policy: Policy } | { error: string } {
  const key = `${env.POLICY_JSON ?? ''}\u0000${env.POLICY_FILE ?? ''}`;
  if (cached?.key === key) return cached.result;
  let result: { policy: Policy } | { error: string };
  try {
    if (env.POLICY_JSON?.trim()) result = { policy: parsePolicy(env.POLICY_JSON, 'POLICY_JSON') };
    else if (env.POLICY_FILE?.trim()) {
      let text: string;
      try {
        text = readFileSync(env.POLICY_FILE, 'utf8');
      } catch (e) {
        throw new PolicyError(`POLICY_FILE: cannot read ${env.POLICY_FILE} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
      }
      result = { policy: parsePolicy(text, `POLICY_FILE ${env.POLICY_FILE}`) };
    } else result = { policy: OPEN_POLICY };
  } catch (e) {
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  cached = { key, result };
  return result;
}

export interface PolicySetup extends ProviderSetup {
  policy?: Policy;
}

/** The providers as the policy leaves them: what the studio, the chat and Settings offer. */
export async function policySetup(): Promise<PolicySetup> {
  const setup = await providerSetup();
  const loaded = loadPolicy();
  if ('error' in loaded) return { providers: [], error: `policy: ${loaded.error}` };
  if (setup.error) return { ...setup, policy: loaded.policy };
  const providers = applyPolicyToAll(setup.providers, loaded.policy);
  return { providers, active: defaultProvider(providers), policy: loaded.policy };
}
