/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native engines stay out of the bundle and are loaded by Node at run time.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', '@databricks/sql'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
