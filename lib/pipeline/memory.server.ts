import 'server-only';
/**
 * One memory budget for what this server holds on behalf of requests (MEMORY_BUDGET_MB, default 1536): the
 * events jobs keep for a returning tab, the events queued for browsers that read slower than they arrive, and
 * the offline API's request bodies while they are read and checked. Over it, new work is refused with a clear
 * `server_busy` (503) instead of growing until the process is killed; work already running goes on.
 * Each holder reports its own figure (a counter, or a function that adds up what it holds).
 */
import { envNumber } from './env-number.server';

const MB = 1024 * 1024;

interface Ledger {
  held: Map<string, number>;
  counters: Map<string, () => number>;
}

// On globalThis: every server bundle (route handlers, actions) must share one ledger.
const g = globalThis as unknown as { __memoryLedger?: Ledger };
const ledger: Ledger = (g.__memoryLedger ??= { held: new Map(), counters: new Map() });

export function memoryBudgetBytes(): number {
  return envNumber('MEMORY_BUDGET_MB', 1536) * MB;
}

/** A holder that can add up what it holds on demand (the job registry). */
export function countMemory(name: string, bytes: () => number): void {
  ledger.counters.set(name, bytes);
}

/** Bytes held for requests now, by holder. */
export function memoryInUse(): { total: number; by: Record<string, number> } {
  const by: Record<string, number> = {};
  for (const [name, n] of ledger.held) by[name] = n;
  for (const [name, count] of ledger.counters) by[name] = (by[name] ?? 0) + count();
  return { total: Object.values(by).reduce((a, b) => a + b, 0), by };
}

/** Would `more` bytes pass the budget? The message says what holds the memory. */
export function overBudget(more = 0): string | null {
  const { total, by } = memoryInUse();
  const budget = memoryBudgetBytes();
  if (total + more <= budget) return null;
  const parts = Object.entries(by).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${Math.round(n / MB)} MB`).join(', ');
  return `The server is at its memory budget (${Math.round(budget / MB)} MB, MEMORY_BUDGET_MB; held now: ${parts || 'nothing counted'}). Try again in a moment, when running work has finished.`;
}

/** Count `bytes` more under `name`; the returned function gives them back (once). */
export function hold(name: string, bytes: number): () => void {
  ledger.held.set(name, (ledger.held.get(name) ?? 0) + bytes);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    ledger.held.set(name, (ledger.held.get(name) ?? 0) - bytes);
  };
}
