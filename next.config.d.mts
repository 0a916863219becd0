import type { NextConfig } from 'next';

export declare const securityHeaders: { key: string; value: string }[];
export declare const nonPageCsp: string;
declare const nextConfig: NextConfig;
export default nextConfig;
