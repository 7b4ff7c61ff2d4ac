/** Where to go after signing in: a path on this site only (no `//host`, no backslashes, not the sign-in page). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!/^\/(?![/\\])/.test(value) || value.includes('\\') || /^\/login(?:[/?#]|$)/.test(value)) return '/';
  return value;
}
