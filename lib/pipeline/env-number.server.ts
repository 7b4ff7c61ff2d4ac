import 'server-only';
/**
 * A non-negative number from the environment, read when needed (so a test can change it). A value that is not
 * one is reported once in the log, naming the variable, the value and what is allowed, and the default is used:
 * an operator's typo should not take generation down.
 */
const warned = new Set<string>();

export function envNumber(name: string, fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value >= 0) return value;
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(`${name}='${raw.slice(0, 40)}' is not a number ≥ 0; using the default ${fallback}.`);
  }
  return fallback;
}
