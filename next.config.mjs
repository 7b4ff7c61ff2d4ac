/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // sharp is a native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['sharp'],
};

export default nextConfig;
