import 'server-only';
/** What Settings shows of the limits: the configured rules and, for the caller, today's spend against the caps. */
import { fromMicros, type LimitsConfig } from './config';
import { spendKeys } from './admit';
import { limitsConfig, limitStore } from './store-config.server';

export interface SpendLine {
  spentUsd: number;
  /** Reserved by requests still running (their estimate's high end). */
  reservedUsd: number;
  capUsd?: number;
}

export interface LimitsStatus {
  config: LimitsConfig;
  /** Where counts and spend live. */
  shared: boolean;
  today?: { user: SpendLine; total: SpendLine };
  /** The store did not answer (Redis down): generations are refused meanwhile. */
  storeError?: string;
}

export async function limitsStatus(userId: string, now = Date.now()): Promise<LimitsStatus | { error: string }> {
  const c = limitsConfig();
  if ('error' in c) return c;
  const status: LimitsStatus = { config: c.config, shared: Boolean(process.env.REDIS_URL?.trim()) };
  try {
    const keys = spendKeys(userId, now);
    const store = limitStore();
    const [user, total] = await Promise.all([store.read(keys.user), store.read(keys.total)]);
    const line = (s: typeof user, cap?: number): SpendLine => ({ spentUsd: fromMicros(s.spentMicros), reservedUsd: fromMicros(s.reservedMicros), capUsd: cap });
    status.today = { user: line(user, c.config.userCapUsd), total: line(total, c.config.totalCapUsd) };
  } catch (e) {
    status.storeError = e instanceof Error ? e.message : String(e);
  }
  return status;
}
