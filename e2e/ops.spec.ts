import { expect, test, type Page } from '@playwright/test';
import { PEOPLE, PID } from '../lib/demo/catalog';
import { incidents } from './demo';
import { hydrated } from './page';

type Row = Record<string, unknown>;

async function rowsOf(page: Page, id: string, match: (url: URL) => boolean = () => true): Promise<Row[]> {
  const res = await page.waitForResponse((r) => r.url().includes(`/api/queries/${id}?`) && match(new URL(r.url())) && r.status() === 200, { timeout: 60_000 });
  return (await res.json()).rows as Row[];
}

const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000).toISOString();

test.describe('ops', () => {
  test('KPIs and every section load, each chart with View SQL and CSV', async ({ page }) => {
    await page.goto('/ops?range=7d');
    await expect(page.getByRole('link', { name: 'Ops' })).toHaveAttribute('aria-current', 'page');
    for (const id of ['requests', 'avg-qpm', 'peak-qpm', 'error-rate', 'p50', 'p95', 'p99']) await expect(page.getByTestId(`kpi-${id}`)).toContainText(/\d/);
    await expect(page.getByTestId('kpi-p95')).toContainText(/vs previous/);
    for (const title of ['Traffic', 'Latency', 'Errors', 'Logging health', 'Topic watch']) await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
    for (const id of ['chart-traffic', 'chart-latency', 'chart-latency-histogram', 'slowest-requests', 'chart-errors', 'error-taxonomy', 'chart-status-codes', 'error-messages', 'errors-breakdown', 'freshness', 'completeness', 'chart-logging-codes', 'chart-null-bodies']) {
      const card = page.getByTestId(id);
      await expect(card.getByRole('button', { name: 'View SQL' })).toBeEnabled();
      await expect(card.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /format=csv/);
    }
    // Every time chart marks the still-arriving last hour.
    await expect(page.getByTestId('chart-traffic')).toContainText('still arriving');
    await expect(page.getByTestId('freshness')).toContainText('chat_assistant payload');
    // The slowest requests link to the request inspector.
    await expect(page.getByTestId('slowest-requests').locator('tbody a').first()).toHaveAttribute('href', /^\/inspector\/[0-9a-f-]+\?endpoint=/);
    // The same KPI row opens the Overview.
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('kpi-requests')).toContainText(/\d/);
  });

  test('latency spike: claude-sonnet p95 jumps in the planted hours', async ({ page }) => {
    const { latency_spike: spike } = incidents();
    const rows = rowsOf(page, 'ops-latency-over-time', (u) => u.searchParams.get('split') === 'served_entity');
    await page.goto('/ops?range=7d&endpoint=chat_assistant&lsplit=served_entity&pct=p95');
    const claude = (await rows).filter((r) => r.series === 'claude-sonnet');
    const during = claude.filter((r) => Date.parse(r.bucket as string) >= spike!.start.getTime() && Date.parse(r.bucket as string) < spike!.end.getTime());
    const others = claude.filter((r) => !during.includes(r)).map((r) => r.p95_ms as number).sort((a, b) => a - b);
    const typical = others[Math.floor(others.length / 2)]!;
    expect(during.length).toBe(2);
    for (const r of during) expect(r.p95_ms as number).toBeGreaterThan(2.5 * typical);
    await expect(page.getByTestId('chart-latency').locator('.recharts-legend-wrapper')).toContainText('claude-sonnet p95');
    await expect(page.getByTestId('chart-latency').locator('.recharts-line')).not.toHaveCount(0);
  });

  test('provider 5xx burst: openai errors peak in the planted hour and are named in the taxonomy', async ({ page }) => {
    const { provider_5xx_burst: burst } = incidents();
    const rows = rowsOf(page, 'ops-errors-over-time');
    await page.goto('/ops?range=7d');
    const provider = (await rows).filter((r) => r.category === 'provider_error');
    const top = provider.reduce((a, b) => ((b.requests as number) > (a.requests as number) ? b : a));
    expect(top.bucket).toBe(hourOf(burst!.start));
    const taxonomy = page.getByTestId('error-taxonomy');
    await expect(taxonomy).toContainText('provider: openai');
    await expect(taxonomy).toContainText('External provider error');
    await expect(taxonomy).toContainText('Input guardrail');
    await expect(taxonomy).toContainText('invalid keywords');
    // A week of hourly buckets: each category's bars are one stepped outline (plot-time-chart.tsx).
    await expect(page.getByTestId('chart-errors').locator('.recharts-area-area').first()).toBeVisible();
    await expect(page.getByTestId('chart-errors').locator('.recharts-legend-wrapper')).toContainText('External provider error');
  });

  test('rate-limit storm: 429s peak at the planted time, the service principal tops the requesters, most 429s were not logged', async ({ page }) => {
    const { rate_limit_storm: storm } = incidents();
    const errors = rowsOf(page, 'ops-errors-over-time');
    const completeness = rowsOf(page, 'ops-completeness');
    await page.goto('/ops?range=7d');
    const limited = (await errors).filter((r) => r.category === 'rate_limited');
    expect(limited.reduce((a, b) => ((b.requests as number) > (a.requests as number) ? b : a)).bucket).toBe(hourOf(storm!.start));
    const stormHour = (await completeness).filter((r) => r.bucket === hourOf(storm!.start) && r.status_code === 429)[0]!;
    expect(stormHour.usage_requests as number).toBeGreaterThan(2 * (stormHour.payload_requests as number));

    await expect(page.getByTestId('errors-breakdown').locator('tbody tr').first()).toContainText(PEOPLE[PID.storm]!.requester);
    await expect(page.getByTestId('completeness-gaps').locator('tbody tr').first()).toContainText('429');
    await expect(page.getByTestId('error-messages')).toContainText('Exceeded rate limit: <n> requests per minute for this service principal');
  });

  test('errors break down by usage_context key and by input size', async ({ page }) => {
    await page.goto('/ops?range=7d&eby=usage_context&ctx=end_user_to_charge');
    const card = page.getByTestId('errors-breakdown');
    await expect(card).toContainText('acme-analytics');
    await card.getByLabel('Break errors down by').selectOption('input_size');
    await expect(page).toHaveURL(/eby=input_size/);
    await expect(card).toContainText('under 1k chars');
  });

  test('topic watch counts a keyword hour by hour and lists the requests that mention it', async ({ page }) => {
    await page.goto('/ops?range=7d');
    await hydrated(page);
    // The form sits low on the page and may hydrate after the page marks itself hydrated: text typed
    // before its handlers exist is reset, so type again until the watch takes.
    await expect(async () => {
      await page.getByLabel('Topic keywords').fill('project nightingale');
      await page.getByRole('button', { name: 'Watch' }).click();
      await expect(page).toHaveURL(/topics=project\+nightingale/, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('chart-topics').locator('.recharts-legend-wrapper')).toContainText('project nightingale');
    const matches = page.getByTestId('topic-matches');
    await expect(matches.locator('tbody a').first()).toHaveAttribute('href', /^\/inspector\//);
    await page.getByTestId('topic-matches').getByRole('button', { name: 'View SQL' }).click();
    await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: ':kw1', exact: true }) })).toContainText('"project nightingale"');
  });

  test('an unreadable endpoint_usage is explained in place of the completeness panel', async ({ page }) => {
    await page.route('**/api/queries/ops-completeness**', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: 'Permission denied on system.serving.endpoint_usage', kind: 'permission', requestId: 'req-1' }) }));
    await page.goto('/ops?range=24h');
    const panel = page.getByTestId('completeness');
    await expect(panel.getByTestId('unreadable')).toContainText('cannot be read', { timeout: 30_000 });
    await expect(panel.getByTestId('chart-error')).toHaveCount(0);
  });

  test('auto-refresh can be turned off and stays in the link', async ({ page }) => {
    await page.goto('/ops?range=6h');
    await hydrated(page);
    // The box is controlled by the URL: it changes once the link has. The controls may hydrate after
    // the page marks itself hydrated, and a click before that only flips the bare box: click until the
    // link takes it (a click on a flipped box flips it back, so a later click turns it off for real).
    await expect(async () => {
      await page.getByLabel('Auto-refresh').click();
      await expect(page).toHaveURL(/refresh=off/, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByLabel('Auto-refresh')).not.toBeChecked();
  });
});

test.describe('ops in the viewer\'s time zone', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('the local zone moves bucket boundaries and labels, and is stated on the page', async ({ page }) => {
    await page.goto('/ops?range=24h');
    await expect(page.getByTestId('reporting-zone')).toHaveText('Times in UTC');
    // Chromium may name the zone by its older alias, Asia/Calcutta: take whatever the browser says.
    const local = page.getByLabel('Time zone').locator('option', { hasText: 'Local' });
    await expect(local).toHaveCount(1);
    const zone = (await local.getAttribute('value'))!;
    expect(zone).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    const rows = rowsOf(page, 'ops-errors-over-time', (u) => u.searchParams.get('tz') === zone);
    await page.getByLabel('Time zone').selectOption(zone);
    await expect(page).toHaveURL(new RegExp(`tz=${encodeURIComponent(zone)}`));
    // UTC+05:30: hour buckets start at half past in UTC.
    const zoned = await rows;
    expect(zoned.length).toBeGreaterThan(0);
    for (const r of zoned) expect(r.bucket as string).toMatch(/:30:00\.000Z$/);
    await expect(page.getByTestId('ops-zone-note')).toContainText(zone);
    await expect(page.getByTestId('reporting-zone')).toHaveText(`Times in ${zone}`);
  });
});
