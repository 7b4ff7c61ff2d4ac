/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No gzip in the app server: image bytes do not compress and gzip costs 25–55 ms per MiB on the streamed
  // frames' path (design.md). A reverse proxy can compress static assets.
  compress: false,
  // Lets a second build live beside the main one (benchmarks, parallel work): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // sharp is a native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['sharp'],
  // The build checks the app's types only; tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  experimental: {
    // Edits send up to 16 images of 50 MB and a 4 MB mask through a server action (api-reference §2); the
    // default 1 MB limit would refuse an ordinary photo. The registry's limits are checked on arrival.
    serverActions: { bodySizeLimit: '805mb' },
  },
};

export default nextConfig;
