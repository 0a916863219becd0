import { expect, test } from '@playwright/test';

// Runs against the second server of playwright.config.ts, whose warehouse path has injected faults:
// filter-options always fails with a permission error; requests-over-time answers 503 once (a
// starting warehouse), then runs, three seconds slow each time.
const FAULTS_URL = process.env.FAULTS_URL!;

test.describe('a slow or failing warehouse', () => {
  test.use({ baseURL: FAULTS_URL });

  test('shows "warehouse starting", retries by itself, and fails only the affected panel', async ({ page }) => {
    await page.goto('/?range=7d');
    const chart = page.getByTestId('chart-requests');
    await expect(chart.getByTestId('chart-starting')).toContainText('The SQL warehouse is starting');
    // The filter bar's own query has a permission error; the chart is not blanked by it.
    await expect(page.getByTestId('filter-bar')).toContainText("You don't have access");
    await expect(chart.getByTestId('total-requests')).toBeVisible({ timeout: 30_000 });
    await expect(chart.getByTestId('chart-error')).toHaveCount(0);
  });

  test('leaving a page cancels its running queries on the warehouse', async ({ page, request }) => {
    const before = await (await request.get('/api/metrics')).json();
    await page.goto('/?range=24h');
    await expect(page.getByTestId('chart-requests').getByTestId('chart-loading')).toBeVisible();
    // The page sends many queries at once: leave only once the slow one is running on the warehouse.
    await expect.poll(async () => (await (await request.get('/api/metrics')).json()).inFlight, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'API' }).click();
    await expect(page.getByRole('heading', { name: 'JSON API' })).toBeVisible();
    await expect.poll(async () => (await (await request.get('/api/metrics')).json()).cancelled, { timeout: 10_000 }).toBeGreaterThan(before.cancelled);
  });
});
