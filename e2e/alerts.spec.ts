import { expect, test, type APIRequestContext } from '@playwright/test';
import { COST_SPIKE_END_USER } from '../lib/demo/catalog';
import { incidents } from './demo';

/** The server keeps rules, budgets and views in its state file: start each run from none. */
async function clearState(request: APIRequestContext) {
  const rules = (await (await request.get('/api/alerts')).json()).rules as { rule: { id: string; budget: unknown } }[];
  for (const r of rules.filter((x) => !x.rule.budget)) expect((await request.delete(`/api/alerts/${r.rule.id}`)).status()).toBe(204);
  for (const b of (await (await request.get('/api/budgets')).json()).budgets as { id: string }[]) expect((await request.delete(`/api/budgets/${b.id}`)).status()).toBe(204);
  for (const v of (await (await request.get('/api/views')).json()).views as { id: string }[]) expect((await request.delete(`/api/views/${v.id}`)).status()).toBe(204);
}

test.describe('alerts, budgets and saved views', () => {
  test.beforeAll(async ({ request }) => clearState(request));

  test('"p95 of chat_assistant > 8 s over 5 minutes" from the latency chart, fired for the planted spike, with a link back to it', async ({ page }) => {
    test.setTimeout(330_000);
    const { latency_spike: spike } = incidents();
    await page.goto('/ops?range=7d&endpoint=chat_assistant');
    const latency = page.getByTestId('chart-latency');
    // Click 1: "Alert on this" on the latency chart opens the editor with its query and filters.
    await latency.getByRole('link', { name: 'Alert on this' }).click();
    await expect(page).toHaveURL(/\/alerts\?new=ops-latency-over-time/);
    const editor = page.getByTestId('alert-editor');
    await expect(editor).toContainText('Latency percentiles over time');
    await expect(editor).toContainText('endpoint = chat_assistant');
    await expect(editor.getByLabel('Measure')).toHaveValue('0');
    await expect(editor.getByLabel('Measure').locator('option:checked')).toHaveText('p95 latency');
    await expect(editor.getByLabel('Window').locator('option:checked')).toHaveText('the last 5 minutes');
    await editor.getByLabel('Threshold').fill('8');
    await expect(editor.getByLabel('Rule name')).toHaveAttribute('placeholder', 'p95 latency of chat_assistant > 8 s over 5 minutes');
    // Click 2: create it.
    await editor.getByRole('button', { name: 'Create alert' }).click();
    await expect(editor).toHaveCount(0);
    const card = page.getByTestId('alert-rule').filter({ hasText: 'p95 latency of chat_assistant > 8 s over 5 minutes' });
    await expect(card).toContainText('max(p95_ms) > 8000 over the last 5 minutes');
    await expect(card.getByTestId('alert-state')).toHaveAttribute('data-state', 'never');

    // The server's clock is pinned (the evaluator is off): replay the last three days instead.
    await card.getByLabel('Replay period').selectOption({ label: 'last 3 days' });
    await card.getByRole('button', { name: 'Replay' }).click();
    // 864 evaluations take 1.5 min on a quiet 2-core machine and over 2.5 min beside other work: a
    // slow machine must not fail the feature (tests never assert wall-clock times).
    await expect(card.getByTestId('alert-result')).toContainText(/Replayed 864 evaluations in [\d.]+ s: \d+ firings?\./, { timeout: 300_000 });
    const links = card.getByTestId('alert-firing-link');
    await expect(links.first()).toBeVisible();
    // One firing covers the spike: its link opens Ops on chat_assistant around the spike's hours.
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const intoSpike = hrefs.map((h) => new URL(h, 'http://x')).filter((u) => {
      const from = Date.parse(u.searchParams.get('from')!);
      const to = Date.parse(u.searchParams.get('to')!);
      return from <= spike!.start.getTime() + 30 * 60_000 && to >= spike!.end.getTime() - 30 * 60_000;
    });
    expect(intoSpike.length).toBeGreaterThanOrEqual(1);
    const target = intoSpike[0]!;
    expect(target.pathname).toBe('/ops');
    expect(target.searchParams.get('endpoint')).toBe('chat_assistant');
    expect(target.searchParams.get('range')).toBe('custom');
    await card.locator(`a[href="${target.pathname}${target.search}"]`).first().click();
    await expect(page).toHaveURL(/\/ops\?endpoint=chat_assistant&range=custom&from=/);
    await expect(page.getByTestId('chart-latency').locator('.recharts-line')).not.toHaveCount(0);
  });

  test('"test now", mute, pause and delete an alert', async ({ page, request }) => {
    await page.goto('/alerts');
    const card = page.getByTestId('alert-rule').first();
    await expect(card).toBeVisible();
    const id = await card.getAttribute('data-rule-id');
    await card.getByRole('button', { name: 'Test now' }).click();
    await expect(card.getByTestId('alert-result')).toContainText(/^Now: (ok|triggered|no data)/);
    await expect(card.getByTestId('alert-last-evaluation')).toContainText('Last evaluated 2026-11-22 12:34 UTC');
    await card.getByRole('button', { name: 'Mute 1 h' }).click();
    await expect(card.getByTestId('alert-muted')).toContainText('Muted until 2026-11-22 13:34 UTC');
    await card.getByRole('button', { name: 'Pause' }).click();
    await expect(card.getByTestId('alert-paused')).toBeVisible();
    const stored = (await (await request.get(`/api/alerts/${id}`)).json()).rule;
    expect(stored).toMatchObject({ paused: true, mutedUntil: '2026-11-22T13:34:00.000Z' });
    await card.getByRole('button', { name: 'Unmute' }).click();
    await expect(card.getByTestId('alert-muted')).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator(`[data-rule-id="${id}"]`)).toHaveCount(0);
    expect((await request.get(`/api/alerts/${id}`)).status()).toBe(404);
  });

  test('a daily budget on acme-analytics shows exceeded for its spike day', async ({ page, request }) => {
    const { cost_spike: spike } = incidents();
    // The limit: five times acme-analytics' median daily spend this month (its spike is ~20×).
    const daily = await (await request.get(`/api/queries/finance-spend-daily?range=30d&dimension=context&context_key=end_user_to_charge&focus=${COST_SPIKE_END_USER}&top_n=0`)).json();
    const costs = (daily.rows as { cost: number }[]).map((r) => r.cost).sort((a, b) => a - b);
    const limit = Math.round(costs[Math.floor(costs.length / 2)]! * 5 * 100) / 100;
    await page.goto(`/finance?range=7d&dim=context&key=end_user_to_charge&focus=${COST_SPIKE_END_USER}`);
    const budgets = page.getByTestId('budgets');
    await expect(budgets).toContainText(`New budget on end_user_to_charge = ${COST_SPIKE_END_USER}`);
    await budgets.getByLabel('Budget period').selectOption('day');
    await budgets.getByLabel('Budget limit').fill(String(limit));
    await budgets.getByRole('button', { name: 'Add budget' }).click();
    const row = budgets.getByTestId('budget').filter({ hasText: `${COST_SPIKE_END_USER} daily` });
    await expect(row.getByTestId('budget-state')).toHaveAttribute('data-state', 'exceeded');
    const exceeded = row.getByTestId('budget-exceeded-days');
    await expect(exceeded).toContainText(spike!.start.toISOString().slice(0, 10));
    // Only the spike day: every other day of the range stays within five times the median.
    expect((await exceeded.textContent())!.match(/\d{4}-\d{2}-\d{2}/g)).toEqual([spike!.start.toISOString().slice(0, 10)]);
    // Evaluated as alerts: warning and exceeded, on the alerts page.
    await page.goto('/alerts');
    await expect(page.getByTestId('alert-rule').filter({ hasText: `${COST_SPIKE_END_USER} daily: budget exceeded` })).toBeVisible();
    await expect(page.getByTestId('alert-rule').filter({ hasText: `${COST_SPIKE_END_USER} daily: 80% of budget` })).toBeVisible();
  });

  test('saves a named view, reopens it from the list and by its shared link', async ({ page, request }) => {
    await page.goto('/ops?range=24h&endpoint=chat_assistant');
    await page.getByTestId('saved-views-button').click();
    await page.getByLabel('View name').fill('chat assistant, last day');
    await page.getByRole('button', { name: 'Save view' }).click();
    const item = page.getByTestId('saved-view').filter({ hasText: 'chat assistant, last day' });
    await expect(item).toContainText('/ops · anonymous');
    await page.goto('/finance');
    await page.getByTestId('saved-views-button').click();
    await page.getByRole('link', { name: 'chat assistant, last day' }).click();
    await expect(page).toHaveURL(/\/ops\?range=24h&endpoint=chat_assistant$/);
    await expect(page.getByTestId('filter-bar').getByLabel('Endpoint')).toHaveValue('chat_assistant');
    const { views } = await (await request.get('/api/views')).json();
    const id = views.find((v: { name: string }) => v.name === 'chat assistant, last day').id;
    await page.goto('/');
    await page.goto(`/views/${id}`);
    await expect(page).toHaveURL(/\/ops\?range=24h&endpoint=chat_assistant$/);
    expect((await request.get('/views/no-such-view-000')).status()).toBe(404);
  });

  test('the write routes take only their methods, and JSON only', async ({ request }) => {
    const put = await request.put('/api/alerts', { data: {} });
    expect(put.status()).toBe(405);
    expect(put.headers().allow).toBe('GET, HEAD, POST');
    expect((await request.get('/api/alerts/some-rule-000000/test')).status()).toBe(405);
    const form = await request.post('/api/views', { headers: { 'content-type': 'text/plain' }, data: '{"name":"x","path":"/ops","search":""}' });
    expect(form.status()).toBe(400);
    const bad = await request.post('/api/alerts', { data: { name: 'x', query: 'ops-kpis', window: { kind: 'last', minutes: 5 }, measure: { column: 'nope' }, condition: { op: '>' } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'condition' })]));
  });
});
