/**
 * Security headers on every answer. Pages get their Content-Security-Policy (with a per-request nonce) from
 * proxy.ts; API answers one that allows nothing; static files only forbid framing (a worker script's own CSP
 * would bind the worker).
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: "frame-ancestors 'none'" }] },
    ];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  // No gzip in the app server: image bytes do not compress and gzip costs 25–55 ms per MiB on the streamed
  // frames' path (design.md). A reverse proxy can compress static assets.
  compress: false,
  // Lets a second build live beside the main one (benchmarks, parallel work): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // sharp is a native module: load it from node_modules at run time instead of bundling it. @azure/identity
  // and @azure/logger share one logger instance, which the keyless sign-in reads (azure-credential.server.ts).
  serverExternalPackages: ['sharp', '@azure/identity', '@azure/logger'],
  // The build checks the app's types only; tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  experimental: {
    // The proxy (proxy.ts) reads no body: it only redirects a caller without a session. Next clones up to this
    // much of a matched request's body for it (10 MB by default), so a flood of large POSTs to page paths held
    // 10 MB each; keep the clone tiny. Server actions and API routes are not matched and have their own limits.
    proxyClientMaxBodySize: '64kb',
    // Next reads an action's whole body before the action can check the session, so keep it small: images
    // go to POST /api/uploads (which checks the session first) and actions carry only their ids, a prompt and
    // fields. Kept equal to ACTION_BODY_LIMIT in lib/uploads/action-body.ts (a unit test checks it).
    serverActions: { bodySizeLimit: '1mb' },
  },
};

export default nextConfig;
