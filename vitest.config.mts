import { defineConfig } from 'vitest/config';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CLOCK_GUARD, TEST_CLOCK_NOW } from './lib/testing/test-clock.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
/** The test files whose imports can see the time (lib/testing/clock-reach.ts). */
const clockGuardFiles = (): string[] => JSON.parse(execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'lib/testing/clock-guard-files.ts'], { cwd: root, encoding: 'utf8' }));

export default defineConfig(({ mode }) => ({
  // Tests run server modules directly: 'server-only' is the empty marker there, as on the server.
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') } },
  test: {
    // `--mode clock-guard` runs again only the files whose imports can see the time (lib/testing/clock-reach.ts).
    include: mode === 'clock-guard' ? clockGuardFiles() : ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules', '.next', 'e2e', 'data'],
    environment: 'node',
    // Generous: demo-backed suites run minutes on a loaded 2-core machine (a budget, never an assertion).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Two files at a time: most of a demo-backed test is DuckDB planning long statements, one core each.
    maxWorkers: 2,
    // Every test runs at a pinned moment; `--mode clock-guard` runs the suite at another one.
    env: { CLOCK_NOW: process.env.CLOCK_NOW ?? (mode === 'clock-guard' ? TEST_CLOCK_GUARD : TEST_CLOCK_NOW) },
  },
}));
