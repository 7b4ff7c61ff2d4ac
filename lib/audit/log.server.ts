import 'server-only';
/**
 * Where audit lines go, from AUDIT_LOG:
 *   unset or `stdout`  standard output, each line prefixed `audit ` (grep '^audit ' | cut -c7- gives JSON lines)
 *   `off`              nowhere
 *   a path             appended to that file as plain JSON lines (one writer queue per process)
 */
import { appendFile } from 'node:fs/promises';
import type { AuditEntry } from './entry';

export const STDOUT_PREFIX = 'audit ';

let queue: Promise<void> = Promise.resolve();

export function writeAudit(entry: AuditEntry, env: Record<string, string | undefined> = process.env): Promise<void> {
  const target = env.AUDIT_LOG?.trim() || 'stdout';
  if (target === 'off') return Promise.resolve();
  const line = JSON.stringify(entry);
  if (target === 'stdout') {
    process.stdout.write(`${STDOUT_PREFIX}${line}\n`);
    return Promise.resolve();
  }
  // Appends in order; a failed write is reported without the line (it may hold a prompt).
  queue = queue.then(() => appendFile(target, `${line}\n`)).catch((e) => console.error(`audit: cannot write to AUDIT_LOG (${(e as NodeJS.ErrnoException).code ?? e})`));
  return queue;
}
