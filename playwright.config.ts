import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { TEST_CLOCK_NOW } from './lib/testing/test-clock';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server with injected warehouse faults; e2e/failures.spec.ts reads it from FAULTS_URL. */
const FAULTS_PORT = PORT + 50;
process.env.FAULTS_URL = `http://127.0.0.1:${FAULTS_PORT}`;
// The servers, their demos and the specs share one pinned "now" (lib/time/clock.ts): a run at any
// hour sees the same data at the same relative times.
process.env.CLOCK_NOW ??= TEST_CLOCK_NOW;
const CLOCK_NOW = process.env.CLOCK_NOW;
// Debian's Chromium where it is installed (CI, machines without Playwright's own browsers);
// otherwise Playwright's bundled browser, as on a developer laptop.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

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
    {
      // A fresh, seeded demo for each run, ending at the pinned now: incidents sit at fixed offsets from it.
      command: `npx tsx --conditions=react-server scripts/generate-demo.ts --rows 100000 --days 30 --seed 7 --out data/e2e-demo-${PORT}.duckdb && node scripts/start.mjs`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { PORT: String(PORT), HOST: '127.0.0.1', DEMO_DB: `data/e2e-demo-${PORT}.duckdb`, WAREHOUSE_ENGINE: 'duckdb', LOG_LEVEL: 'warn', CLOCK_NOW },
    },
    {
      // The same build with faults injected into the warehouse path (e2e/failures.spec.ts).
      command: `npx tsx --conditions=react-server scripts/generate-demo.ts --rows 20000 --days 30 --seed 8 --out data/e2e-faults-${PORT}.duckdb && node scripts/start.mjs`,
      url: `http://127.0.0.1:${FAULTS_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(FAULTS_PORT),
        HOST: '127.0.0.1',
        DEMO_DB: `data/e2e-faults-${PORT}.duckdb`,
        WAREHOUSE_ENGINE: 'duckdb',
        LOG_LEVEL: 'error',
        CLOCK_NOW,
        WAREHOUSE_FAULTS: 'filter-options=permission,requests-over-time=unavailable:1,requests-over-time=slow3000',
      },
    },
  ],
});
