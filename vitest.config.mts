import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CLOCK_GUARD, TEST_CLOCK_NOW } from './lib/testing/test-clock.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ mode }) => ({
  // Tests run server modules directly: 'server-only' is the empty marker there, as on the server.
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') } },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules', '.next', 'e2e', 'data'],
    environment: 'node',
    // Generous: demo-backed suites run minutes on a loaded 2-core machine (a budget, never an assertion).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Every test runs at a pinned moment; `--mode clock-guard` runs the suite at another one.
    env: { CLOCK_NOW: process.env.CLOCK_NOW ?? (mode === 'clock-guard' ? TEST_CLOCK_GUARD : TEST_CLOCK_NOW) },
  },
}));
