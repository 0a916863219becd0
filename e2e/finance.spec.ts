import { expect, test, type Page } from '@playwright/test';
import { nowMs } from '../lib/time/clock';

const DAY = 86_400_000;

async function breakdownValues(page: Page): Promise<string[]> {
  const rows = page.getByTestId('breakdown-row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) => els.filter((e) => e.querySelector('button')).map((e) => e.getAttribute('data-value') ?? ''));
}

/** Drills into one value and reads its costliest day and how far above its median day that is. */
async function drillInto(page: Page, value: string): Promise<{ day: string; ratio: number }> {
  const spend = page.waitForResponse((r) => r.url().includes('/api/queries/finance-spend-daily') && new URL(r.url()).searchParams.get('focus') === value);
  await page.getByTestId('breakdown-row').filter({ has: page.getByRole('button', { name: value, exact: true }) }).getByRole('button').click();
  expect((await spend).status()).toBe(200);
  await expect(page.getByTestId('focus-value')).toHaveText(value);
  const daily = page.getByTestId('finance-daily');
  await expect(daily.getByRole('heading')).toHaveText(`Daily spend of ${value}`);
  await expect(daily).toHaveAttribute('aria-busy', 'false');
  const peak = daily.getByTestId('spend-peak');
  await expect(peak).toBeVisible();
  return { day: (await peak.getAttribute('data-day')) ?? '', ratio: Number((await peak.getAttribute('data-ratio')) || 0) };
}

test.describe('finance', () => {
  test('finds the planted cost spike of one end user by drilling into each', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/finance?range=30d');
    await expect(page.getByLabel('Break down by')).toHaveValue('context:end_user_to_charge');
    await expect(page.getByTestId('kpi-spend')).toHaveText(/^\$[\d,]+\.\d{2}$/);
    const values = await breakdownValues(page);
    expect(values.length).toBeGreaterThanOrEqual(4);

    const peaks: { value: string; day: string; ratio: number }[] = [];
    for (const value of values) peaks.push({ value, ...(await drillInto(page, value)) });
    peaks.sort((a, b) => b.ratio - a.ratio);
    const [spike, runnerUp] = peaks;
    // One end user's costliest day towers over its ordinary days; nobody else's does.
    expect(spike!.value).toBe('acme-analytics');
    expect(spike!.ratio).toBeGreaterThan(5);
    expect(runnerUp!.ratio).toBeLessThan(spike!.ratio / 2);
    const ageDays = (nowMs() - Date.parse(`${spike!.day}T00:00:00Z`)) / DAY;
    expect(ageDays).toBeGreaterThan(3);
    expect(ageDays).toBeLessThan(9);

    // The drill-down is a link: reloading keeps the end user and their own charts.
    await drillInto(page, 'acme-analytics');
    await expect(page).toHaveURL(/focus=acme-analytics/);
    await page.reload();
    await expect(page.getByTestId('focus-value')).toHaveText('acme-analytics');
    await expect(page.getByTestId('breakdown-row').filter({ hasText: 'acme-analytics' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await expect(page.getByTestId('focus-bar')).toHaveCount(0);
  });

  test('says where tokens came from, shows the price book and marks unpriced models', async ({ page }) => {
    await page.goto('/finance?range=7d&dim=model');
    await expect(page.getByTestId('kpi-tokens')).toBeVisible();
    await expect(page.getByTestId('finance-summary')).toContainText(/Measured \d+(\.\d)?% \(endpoint_usage/);
    const agent = page.getByTestId('breakdown-row').filter({ hasText: 'main.agents.support_agent' });
    await expect(agent).toContainText('unpriced');
    await expect(agent).not.toContainText('$0.00');
    await expect(page.getByTestId('breakdown-row').filter({ hasText: 'gpt-4o' }).getByTestId('breakdown-cost')).toHaveText(/^\$[\d,]+\.\d{2}$/);
    const book = page.getByTestId('price-book');
    await expect(book).toContainText('USD per 1M tokens');
    await expect(book).toContainText('claude-sonnet-4.5');
    await expect(book).toContainText('check them before');
    await expect(page.getByTestId('reconciliation-hidden')).toContainText('BILLING_USAGE_TABLE');
  });

  test('breaks down by any usage_context key and exports every row as CSV', async ({ page, request }) => {
    await page.goto('/finance?range=30d');
    const keys = page.getByLabel('Break down by');
    await expect(keys.locator('option[value="context:project"]')).toHaveCount(1);
    await keys.selectOption('context:project');
    await expect(page).toHaveURL(/key=project/);
    const card = page.getByTestId('finance-breakdown');
    await expect(card.getByRole('heading')).toHaveText('Spend by project');
    await expect(card.getByTestId('breakdown-row').first()).toBeVisible();

    const csvHref = await card.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvHref).toContain('top_n=0');
    const csv = await request.get(csvHref!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('value,value_rank,values_included,requests,sampled_rows,input_tokens,output_tokens,estimated_tokens,cost,currency,cost_per_request,unpriced_tokens');
    expect(lines.length - 1).toBeGreaterThanOrEqual(await card.getByTestId('breakdown-row').count() - 1);

    const statement = await page.getByTestId('statement-links').getByRole('link').first().getAttribute('href');
    const body = await (await request.get(statement!)).text();
    expect(body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('month,value,model,priced,requests,input_tokens,output_tokens,estimated_tokens,cost,currency');

    await card.getByRole('button', { name: 'View SQL' }).click();
    await expect(card.getByLabel('SQL behind this chart')).toContainText('usage_context');
  });
});
