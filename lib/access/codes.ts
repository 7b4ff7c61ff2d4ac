/**
 * Which code was presented, in constant time: both sides are HMACed (equal length whatever was typed) and
 * compared with timingSafeEqual, and every configured code is compared so the time does not say which matched.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessCode } from './config';

function digest(key: Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value, 'utf8').digest();
}

/** Constant-time string equality for secrets of any length. */
export function sameSecret(a: string, b: string, key: Buffer): boolean {
  return timingSafeEqual(digest(key, a), digest(key, b));
}

export function matchCode(codes: readonly AccessCode[], presented: string, key: Buffer): AccessCode | null {
  let found: AccessCode | null = null;
  for (const c of codes) {
    if (sameSecret(c.code, presented, key) && !found) found = c;
  }
  return found;
}
