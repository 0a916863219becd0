/** Headers every response carries, pages and API alike (the CSP is set per page in proxy.ts). */
export const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** JSON, CSV and files: nothing may run, load or frame them (pages get a nonce policy in proxy.ts). */
export const nonPageCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native engines stay out of the bundle and are loaded by Node at run time.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', '@databricks/sql'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: nonPageCsp }] },
    ];
  },
};

export default nextConfig;
