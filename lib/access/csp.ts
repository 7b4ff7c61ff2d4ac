/**
 * The pages' Content-Security-Policy: scripts only with this request's nonce (Next.js adds it to its own
 * scripts; 'strict-dynamic' lets them load their chunks), no framing, no plugins, forms and base URL to this
 * site. Styles allow inline (React renders style attributes); images and downloads may come from https
 * (dall-e URL answers are on the provider's blob storage).
 */
export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob: https:",
    "worker-src 'self' blob:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
