import { expect, test, type Page } from '@playwright/test';

async function totalRequests(page: Page): Promise<string> {
  const total = page.getByTestId('total-requests');
  await expect(total).toBeVisible();
  return (await total.textContent()) ?? '';
}

test.describe('overview', () => {
  test('shows requests per minute for the last 7 days, drawn from the API', async ({ page }) => {
    const apiCall = page.waitForResponse((r) => r.url().includes('/api/queries/requests-over-time'));
    await page.goto('/');
    const res = await apiCall;
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.engine).toBe('duckdb');
    expect(body.rows.length).toBeGreaterThan(0);
    const chart = page.getByTestId('chart-requests');
    await expect(chart.locator('.recharts-area').first()).toBeVisible();
    await expect(chart.getByText('Bucket', { exact: true })).toBeVisible();
    await expect(page.getByTestId('engine-badge')).toHaveText(/Embedded DuckDB/);
    // Tokens and price-book cost for the same range, with their provenance; unpriced models apart, never $0.
    const spend = page.getByTestId('spend-snapshot');
    await expect(spend.getByTestId('kpi-spend')).toHaveText(/^\$[\d,]+\.\d{2}$/);
    await expect(spend).toContainText('Measured');
    await expect(spend).toContainText('unpriced models');
    // The legend names the demo's endpoints.
    await expect(chart.locator('.recharts-legend-wrapper')).toContainText('chat_assistant');
  });

  test('changing the range and the endpoint changes the chart and the URL', async ({ page }) => {
    await page.goto('/');
    const weekTotal = await totalRequests(page);

    await page.getByLabel('Time range').selectOption('24h');
    await expect(page).toHaveURL(/range=24h/);
    await expect(page.getByTestId('total-requests')).not.toHaveText(weekTotal);
    const dayTotal = await totalRequests(page);

    await page.getByLabel('Endpoint').selectOption('doc_embeddings');
    await expect(page).toHaveURL(/endpoint=doc_embeddings/);
    await expect(page.getByTestId('total-requests')).not.toHaveText(dayTotal);
    const legend = page.getByTestId('chart-requests').locator('.recharts-legend-wrapper');
    await expect(legend).toContainText('doc_embeddings');
    await expect(legend).not.toContainText('chat_assistant');
    // The embeddings endpoint logs 1 row in 5, so the sampled row count is shown beside the estimate.
    await expect(page.getByText('Rows logged (sampled)')).toBeVisible();

    // The link restores the same view.
    await page.reload();
    await expect(page.getByLabel('Endpoint')).toHaveValue('doc_embeddings');
    await expect(page.getByLabel('Time range')).toHaveValue('24h');
  });

  test('filters by served entity within an endpoint', async ({ page }) => {
    await page.goto('/?endpoint=chat_assistant&split=served_entity');
    const entity = page.getByLabel('Served entity');
    await expect(entity.locator('option')).not.toHaveCount(1);
    const options = await entity.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThanOrEqual(2);
    await entity.selectOption(options[0]!);
    await expect(page).toHaveURL(new RegExp(`entity=${encodeURIComponent(options[0]!)}`));
    await expect(page.getByTestId('chart-requests').locator('.recharts-legend-item')).toHaveCount(1);
  });

  test('View SQL shows the exact Databricks SQL and its bound parameters', async ({ page }) => {
    await page.goto('/?range=24h&endpoint=chat_assistant');
    await expect(page.getByTestId('total-requests')).toBeVisible();
    // The key numbers above the chart have their own View SQL.
    await page.getByTestId('chart-requests').getByRole('button', { name: 'View SQL' }).click();
    const sql = page.getByTestId('sql-text');
    await expect(sql).toContainText('sampling_fraction');
    await expect(sql).toContainText(':start_time');
    // The request facts built at start (lib/rollups) answer it; the raw tables only for what they do not cover.
    await expect(sql).toContainText('lens.gateway_lens_request_facts');
    // Beside it, the plan: which file, where the request facts came from, the rollup tables read.
    const plan = page.getByTestId('query-plan');
    await expect(plan).toContainText('queries/requests-over-time.sql');
    await expect(plan).toContainText('request facts read from lens.gateway_lens_request_facts');
    await expect(sql).not.toContainText('$start_time');
    const endpointParam = page.getByRole('row').filter({ has: page.getByRole('cell', { name: ':endpoint', exact: true }) });
    await expect(endpointParam).toContainText('"chat_assistant"');
    await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: ':requester', exact: true }) })).toContainText('NULL');
  });

  test('an API failure shows an error with a retry, not an empty chart', async ({ page }) => {
    await page.route('**/api/queries/requests-over-time**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'The query failed in the embedded engine', requestId: 'req-123' }) }));
    await page.goto('/');
    const error = page.getByTestId('chart-requests').getByTestId('chart-error');
    await expect(error).toContainText('The query failed in the embedded engine', { timeout: 30_000 });
    await expect(error).toContainText('req-123');
    await page.unroute('**/api/queries/requests-over-time**');
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('total-requests')).toBeVisible();
  });

  test('a range with no traffic shows the empty state', async ({ page }) => {
    await page.goto('/?range=custom&from=2001-01-01T00:00&to=2001-01-02T00:00');
    await expect(page.getByTestId('chart-requests').getByTestId('chart-empty')).toBeVisible();
  });
});

test.describe('API', () => {
  test('bad parameters give 400 with the list of problems', async ({ request }) => {
    const res = await request.get('/api/queries/requests-over-time?range=forever&split=sideways&endpoint=x;DROP&bogus=1');
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('Invalid parameters');
    expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['bogus', 'endpoint', 'range', 'split']);
    expect(body.requestId).toBeTruthy();
  });

  test('an unknown query or route gives 404 JSON', async ({ request }) => {
    const q = await request.get('/api/queries/nope?range=1h');
    expect(q.status()).toBe(404);
    expect((await q.json()).error).toMatch(/Unknown query/);
    const r = await request.get('/api/nothing/here');
    expect(r.status()).toBe(404);
    expect((await r.json()).error).toMatch(/No API route/);
  });

  test('a success returns rows, SQL, parameters, engine and duration', async ({ request }) => {
    const res = await request.get('/api/queries/requests-over-time?range=6h&split=status');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ queryId: 'requests-over-time', engine: 'duckdb', params: { bucket: 'minute', split: 'status' } });
    expect(typeof body.durationMs).toBe('number');
    expect(body.sql).toContain('FROM (');
    expect(res.headers()['x-request-id']).toBe(body.requestId);
  });
});

