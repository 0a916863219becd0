import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { TEST_CLOCK_NOW } from './lib/testing/test-clock.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server with injected warehouse faults; e2e/failures.spec.ts reads it from FAULTS_URL. */
const FAULTS_PORT = PORT + 50;
process.env.FAULTS_URL = `http://127.0.0.1:${FAULTS_PORT}`;
/** A third server on the payload corpus (fixtures/payloads); e2e/payloads.spec.ts reads it from CORPUS_URL. */
const CORPUS_PORT = PORT + 25;
process.env.CORPUS_URL = `http://127.0.0.1:${CORPUS_PORT}`;
// The servers, their demos and the specs share one pinned "now" (lib/time/clock.ts): a run at any
// hour sees the same data at the same relative times.
process.env.CLOCK_NOW ??= TEST_CLOCK_NOW;
const CLOCK_NOW = process.env.CLOCK_NOW;
// Debian's Chromium where it is installed (CI, machines without Playwright's own browsers);
// otherwise Playwright's bundled browser, as on a developer laptop.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** One production server on its own freshly written warehouse file (`write` takes `--out`). */
function server(port: number, name: string, write: string, env: Record<string, string>) {
  const db = `data/e2e-${name}-${PORT}.duckdb`;
  return {
    command: `${write} --out ${db} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { PORT: String(port), HOST: '127.0.0.1', DEMO_DB: db, WAREHOUSE_ENGINE: 'duckdb', CLOCK_NOW, ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
        },
      },
    },
  ],
  webServer: [
    // A fresh, seeded demo for each run, ending at the pinned now: incidents sit at fixed offsets from it.
    server(PORT, 'demo', 'npx tsx --conditions=react-server scripts/generate-demo.ts --rows 100000 --days 30 --seed 7', { LOG_LEVEL: 'warn' }),
    // The same build with faults injected into the warehouse path (e2e/failures.spec.ts).
    server(FAULTS_PORT, 'faults', 'npx tsx --conditions=react-server scripts/generate-demo.ts --rows 20000 --days 30 --seed 8', {
      LOG_LEVEL: 'error',
      WAREHOUSE_FAULTS: 'filter-options=permission,requests-over-time=unavailable:1,requests-over-time=slow3000',
    }),
    // The same build on every shape of the payload corpus, one endpoint, fixed request ids.
    server(CORPUS_PORT, 'corpus', 'npx tsx --conditions=react-server scripts/corpus-demo.ts', { LOG_LEVEL: 'warn' }),
  ],
});
