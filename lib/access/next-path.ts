/**
 * Where to go after signing in: a path on this site only (no `//host`, no backslashes, not the sign-in page).
 * No whitespace or control characters either: browsers drop tabs and line breaks from URLs, so `/\t/evil`
 * would become `//evil`, another site.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || /[\u0000-\u0020\u007f]/.test(value) || !value.isWellFormed()) return '/';
  if (!/^\/(?![/\\])/.test(value) || value.includes('\\') || /^\/login(?:[/?#]|$)/.test(value)) return '/';
  // Non-ASCII goes percent-encoded: a Location header may carry ASCII only (`/。evil` was a 500 after sign-in).
  return value.replace(/[^\u0000-\u007f]+/gu, (s) => encodeURIComponent(s));
}
