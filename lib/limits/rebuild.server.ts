import 'server-only';
/**
 * Today's spend, rebuilt from the audit log after a restart (in-memory limits only: Redis keeps its own). Every
 * settled request wrote one line with its actual cost; adding up today's lines paid with the server's key gives
 * each person's and the team's spend, so a restart does not reset the daily caps. Needs AUDIT_LOG to be a file.
 */
import { readFileSync, statSync } from 'node:fs';
import { spendKeys } from './admit';
import { toMicros, utcDay } from './config';

/** A day's audit log stays far below this; a larger file is not read whole at start-up. */
const MAX_READ_BYTES = 256 * 1024 * 1024;

/** Micro-dollars spent today per spend key, from audit JSON lines. Lines that are not entries are skipped. */
export function spendFromAudit(text: string, now: number): Map<string, number> {
  const today = utcDay(now);
  const spent = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: { time?: string; user?: { id?: string }; key?: string; actualUsd?: number | null };
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const at = Date.parse(e.time ?? '');
    if (!Number.isFinite(at) || utcDay(at) !== today || e.key !== 'server' || typeof e.user?.id !== 'string') continue;
    if (typeof e.actualUsd !== 'number' || !(e.actualUsd > 0)) continue;
    const keys = spendKeys(e.user.id, at);
    const micros = toMicros(e.actualUsd);
    for (const key of [keys.user, keys.total]) spent.set(key, (spent.get(key) ?? 0) + micros);
  }
  return spent;
}

/** The audit file's spend for today, or nothing when AUDIT_LOG is not a readable file of a sensible size. */
export function spendFromAuditLog(env: Record<string, string | undefined>, now = Date.now()): Map<string, number> {
  const target = env.AUDIT_LOG?.trim();
  if (!target || target === 'stdout' || target === 'off') return new Map();
  try {
    if (statSync(target).size > MAX_READ_BYTES) {
      console.warn(`limits: AUDIT_LOG is over ${MAX_READ_BYTES / 1024 / 1024} MB; today's spend was not rebuilt from it (rotate it daily).`);
      return new Map();
    }
    return spendFromAudit(readFileSync(target, 'utf8'), now);
  } catch {
    return new Map();
  }
}
