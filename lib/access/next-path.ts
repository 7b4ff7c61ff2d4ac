/**
 * Where to go after signing in: a path on this site only (no `//host`, no backslashes, not the sign-in page).
 * No whitespace or control characters either: browsers drop tabs and line breaks from URLs, so `/\t/evil`
 * would become `//evil`, another site.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || /[\u0000-\u0020\u007f]/.test(value)) return '/';
  if (!/^\/(?![/\\])/.test(value) || value.includes('\\') || /^\/login(?:[/?#]|$)/.test(value)) return '/';
  return value;
}
