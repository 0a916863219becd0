import { expect, test } from '@playwright/test';
import { ENTITIES } from '../lib/demo/catalog';

const CLAUDE = ENTITIES.claude.id;

test.describe('compare served entities', () => {
  test('opens on the A/B endpoint and flags the slower model with significant latency', async ({ page }) => {
    await page.goto('/compare');
    await expect(page).toHaveURL(/endpoint=chat_assistant/);
    await expect(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
    const rows = page.getByTestId('compare-entity-row');
    await expect(rows).toHaveCount(3);
    for (const name of ['gpt-4o', 'claude-sonnet', 'llama-fallback']) await expect(page.getByTestId('compare-entity-table')).toContainText(name);

    const claude = page.locator('[data-testid="compare-entity-row"][data-entity="claude-sonnet"]');
    await expect(claude.locator('[data-flag="slower"]')).toContainText('slower than');
    // Priced from the finance price book: claude-sonnet costs more per request than gpt-4o.
    await expect(claude.locator('[data-flag="dearer"]')).toContainText('dearer than');
    await expect(claude).toContainText('claude-sonnet-4-5');
    // Priced from the price book; the Databricks-hosted fallback has no token price: "unpriced", never $0.
    await expect(claude).toContainText(/\$0\.00\d+/);
    await expect(page.locator('[data-testid="compare-entity-row"][data-entity="llama-fallback"]')).toContainText('unpriced');
    await expect(page.getByTestId('compare-entity-table')).not.toContainText(/\$0(\.0+)?(?![\d.])/);

    // The significance card says why: the effect with its interval, and an adjusted p-value for three entities.
    const sig = page.getByTestId('compare-significance');
    await expect(sig.getByTestId('compare-multiple-note')).toContainText('Holm-adjusted');
    const verdicts = await sig.getByTestId('compare-comparison').allTextContents();
    const claudeSide = verdicts.find((t) => t.startsWith('claude-sonnet')) ?? verdicts.join('\n');
    expect(claudeSide).toMatch(/claude-sonnet vs gpt-4o[\s\S]*slower|gpt-4o vs claude-sonnet[\s\S]*faster/);
    await expect(sig).toContainText('95% CI');
  });

  test('the slower flag does not depend on the baseline', async ({ page }) => {
    await page.goto(`/compare?endpoint=chat_assistant&baseline=${CLAUDE}`);
    await expect(page.getByLabel('Baseline')).toHaveValue(CLAUDE);
    const claude = page.locator('[data-testid="compare-entity-row"][data-entity="claude-sonnet"]');
    await expect(claude.getByText('baseline', { exact: true })).toBeVisible();
    await expect(claude.locator('[data-flag="slower"]')).toContainText('gpt-4o');
  });

  test('groups by a usage_context key and keeps the grouping when the range changes', async ({ page }) => {
    await page.goto('/compare?endpoint=chat_assistant');
    await page.getByLabel('Compare').selectOption('context');
    await expect(page).toHaveURL(/group_by=context/);
    const table = page.getByTestId('compare-entity-table');
    await expect(table.locator('[data-entity="A"]')).toBeVisible();
    await expect(table.locator('[data-entity="B"]')).toBeVisible();
    await page.getByLabel('Time range').selectOption('30d');
    await expect(page).toHaveURL(/range=30d/);
    await expect(page).toHaveURL(/group_by=context/);
    await expect(page.getByTestId('compare-entities')).toContainText("usage_context['a_b_test_group']");
  });

  test('share over time marks the config change, and View SQL shows the warehouse aggregation', async ({ page }) => {
    await page.goto('/compare?endpoint=chat_assistant&range=30d');
    await expect(page.getByTestId('chart-entity-share').getByTestId('change-marks')).toContainText('config v4');
    await expect(page.getByTestId('chart-entity-latency').getByTestId('change-marks')).toContainText('config v4');
    const card = page.getByTestId('compare-entities');
    await expect(page.getByTestId('compare-entity-row')).toHaveCount(3);
    await card.getByRole('button', { name: 'View SQL' }).click();
    // Percentiles are computed on the warehouse from the ~2% latency bins (bin_percentiles).
    await expect(card.getByTestId('sql-text')).toContainText('ceil(0.95 * CAST(');
    await expect(card.getByTestId('sql-text')).toContainText('AS p95_ms');
    await expect(card.getByTestId('sql-text')).toContainText(':group_by');
    await expect(card.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /compare-entities.*format=csv/);
    await expect(page.getByTestId('compare-history')).toContainText('alice.martin@example.com');
  });

  test('side by side shows answers of different entities as text with inspector links', async ({ page }) => {
    await page.goto('/compare?endpoint=chat_assistant');
    const first = page.getByTestId('side-by-side-message').first();
    await expect(first).toBeVisible();
    expect(await first.getByTestId('side-by-side-answer').count()).toBeGreaterThanOrEqual(2);
    await expect(first.getByRole('link', { name: /inspector/ }).first()).toHaveAttribute('href', /^\/inspector\/[0-9a-f-]+\?endpoint=chat_assistant&at=[^&]+&back=%2Fcompare%3F/);
    expect(await page.locator('[data-testid="compare-side-by-side"] script').count()).toBe(0);
  });

  test('one entity left by the filter: nothing to compare, said plainly', async ({ page }) => {
    await page.goto(`/compare?endpoint=chat_assistant&entity=${CLAUDE}`);
    await expect(page.getByTestId('compare-entity-row')).toHaveCount(1);
    await expect(page.getByTestId('compare-significance').getByTestId('chart-empty')).toContainText('nothing to compare');
  });

  test('an API failure shows an error with a retry', async ({ page }) => {
    await page.route('**/api/queries/compare-entities**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'The query failed in the embedded engine', requestId: 'req-cmp' }) }));
    await page.goto('/compare?endpoint=chat_assistant');
    const error = page.getByTestId('compare-entities').getByTestId('chart-error');
    await expect(error).toContainText('req-cmp', { timeout: 30_000 });
    await page.unroute('**/api/queries/compare-entities**');
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('compare-entity-row')).toHaveCount(3);
  });

  test('a range with no traffic shows empty states', async ({ page }) => {
    await page.goto('/compare?endpoint=chat_assistant&range=custom&from=2001-01-01T00:00&to=2001-01-02T00:00');
    await expect(page.getByTestId('compare-entities').getByTestId('chart-empty')).toBeVisible();
    await expect(page.getByTestId('compare-side-by-side').getByTestId('chart-empty')).toBeVisible();
  });
});
