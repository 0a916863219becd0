import { expect, test, type Locator, type Page } from '@playwright/test';
import { COST_SPIKE_END_USER, ENTITIES, PEOPLE, PID } from '../lib/demo/catalog';
import { incidents } from './demo';
import { clickBucket, hydrated } from './page';

/*
 * The four investigations, each from the Overview to the requests behind the incident in at most
 * three clicks: a bucket of a chart, a line of its menu, and (for a customer) a row of Finance.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The x domain a chart's query answered: its window, from the start of the bucket holding the window's start. */
async function domainOf(page: Page, id: string, bucketMs: number, match: (url: URL) => boolean = () => true): Promise<[number, number]> {
  const res = await page.waitForResponse((r) => r.url().includes(`/api/queries/${id}?`) && match(new URL(r.url())) && r.status() === 200, { timeout: 60_000 });
  const { window } = (await res.json()) as { window: { start: string; end: string } };
  return [Math.floor(Date.parse(window.start) / bucketMs) * bucketMs, Date.parse(window.end)];
}

/** Counts the clicks an investigation takes. */
function clicker() {
  let n = 0;
  return {
    click: async (l: Locator) => { n++; await l.click(); },
    select: async (l: Locator, value: string) => { n++; await l.selectOption(value); },
    /** Clicks the bucket at `t` of a chart and returns the menu it opens. */
    bucket: async (chart: Locator, domain: Promise<[number, number]>, t: number) => {
      n++;
      await clickBucket(chart, await domain, t);
      const menu = chart.getByTestId('bucket-menu');
      await expect(menu).toBeVisible();
      return menu;
    },
    get count() { return n; },
  };
}

async function overview(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrated(page);
}

/** The text of one column (by header) in every row of the inspector's list. */
async function column(page: Page, header: string): Promise<string[]> {
  const table = page.getByTestId('request-table');
  await expect(table.getByTestId('request-row').first()).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const i = headers.indexOf(header);
  expect(i, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return table.getByTestId('request-row').locator(`td:nth-child(${i + 1})`).allTextContents();
}

/** `850 ms`, `1.5 s`, `2 min 3 s` in ms. */
function durationMs(text: string): number {
  const m = /^(?:(\d+) min )?([\d.]+) (ms|s)$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
}

const share = (values: string[], match: (v: string) => boolean) => values.filter(match).length / values.length;

test.describe('from the Overview to the requests behind an incident', () => {
  test('latency spike: the slowest requests of the spike hour are claude-sonnet’s', async ({ page }) => {
    const { latency_spike: spike } = incidents();
    const c = clicker();
    await overview(page, '/?range=7d');
    const chart = page.getByTestId('chart-latency');
    const domain = domainOf(page, 'ops-latency-over-time', HOUR, (u) => u.searchParams.get('split') === 'served_entity');
    await c.select(chart.getByLabel('Latency split'), 'served_entity');
    await expect(page).toHaveURL(/lsplit=served_entity/);
    const menu = await c.bucket(chart, domain, spike!.start.getTime());
    // The bucket's lines, highest first: claude-sonnet's p95 tops them.
    await expect(menu.getByTestId('bucket-series').first()).toHaveText(ENTITIES.claude.name);
    await c.click(menu.getByTestId('bucket-series').first());

    await expect(page).toHaveURL(/\/inspector\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('entity')).toBe(ENTITIES.claude.id);
    expect(url.searchParams.get('sort')).toBe('duration_desc');
    expect(url.searchParams.get('status')).toBe('ok');
    expect(Date.parse(url.searchParams.get('from')!)).toBe(spike!.start.getTime());
    expect(Date.parse(url.searchParams.get('to')!)).toBe(spike!.start.getTime() + HOUR);
    const entities = await column(page, 'Endpoint · entity');
    expect(entities.every((e) => e.includes(ENTITIES.claude.name))).toBe(true);
    const durations = (await column(page, 'Duration')).map(durationMs);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(c.count).toBeLessThanOrEqual(3);

    // Back returns to the Overview as it was left.
    await page.goBack();
    await expect(page).toHaveURL(/\/\?.*lsplit=served_entity/);
    await expect(page.getByTestId('chart-latency').getByLabel('Latency split')).toHaveValue('served_entity');
  });

  test('provider 5xx burst: the burst hour’s provider errors are gpt-4o’s, answered 502 or 503', async ({ page }) => {
    const { provider_5xx_burst: burst } = incidents();
    const c = clicker();
    const domain = domainOf(page, 'ops-errors-over-time', HOUR);
    await overview(page, '/?range=7d');
    const chart = page.getByTestId('chart-errors');
    const menu = await c.bucket(chart, domain, Math.floor(burst!.start.getTime() / HOUR) * HOUR);
    await c.click(menu.getByTestId('bucket-series').filter({ hasText: 'External provider error' }));

    await expect(page).toHaveURL(/\/inspector\?/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('5xx');
    const entities = await column(page, 'Endpoint · entity');
    expect(entities.length).toBeGreaterThan(5);
    expect(share(entities, (e) => e.includes(ENTITIES.gpt.name))).toBeGreaterThan(0.8);
    const statuses = await column(page, 'Status');
    expect(statuses.every((s) => /^5\d\d/.test(s.trim()))).toBe(true);
    expect(share(statuses, (s) => /^50[23]/.test(s.trim()))).toBeGreaterThan(0.8);
    expect(c.count).toBeLessThanOrEqual(3);
  });

  test('rate-limit storm: the storm hour’s 429s were sent by ticket-enricher', async ({ page }) => {
    const { rate_limit_storm: storm } = incidents();
    const sender = PEOPLE[PID.storm]!.requester;
    const c = clicker();
    const domain = domainOf(page, 'ops-errors-over-time', HOUR);
    await overview(page, '/?range=7d');
    const chart = page.getByTestId('chart-errors');
    const menu = await c.bucket(chart, domain, storm!.start.getTime());
    await c.click(menu.getByTestId('bucket-series').filter({ hasText: 'Rate limited (429)' }));

    await expect(page).toHaveURL(/\/inspector\?/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('429');
    const requesters = await column(page, 'Requester');
    expect(share(requesters, (r) => r === sender)).toBeGreaterThan(0.8);
    expect(c.count).toBeLessThanOrEqual(3);
  });

  test('cost spike: the customer’s day opens by project in Finance, a project its requests', async ({ page }) => {
    const { cost_spike: spike } = incidents();
    const c = clicker();
    const domain = domainOf(page, 'finance-spend-daily', DAY);
    await overview(page, '/?range=30d');
    const chart = page.getByTestId('finance-daily');
    const menu = await c.bucket(chart, domain, spike!.start.getTime());
    // The customer tops the day.
    await expect(menu.getByTestId('bucket-series').first()).toHaveText(COST_SPIKE_END_USER);
    await c.click(menu.locator('li').filter({ hasText: COST_SPIKE_END_USER }).getByTestId('bucket-also'));

    await expect(page).toHaveURL(/\/finance\?/);
    const finance = new URL(page.url());
    expect(finance.searchParams.getAll('uc')).toEqual([`end_user_to_charge=${COST_SPIKE_END_USER}`]);
    expect(finance.searchParams.get('key')).toBe('project');
    expect(Date.parse(finance.searchParams.get('from')!)).toBe(spike!.start.getTime());
    await expect(page.getByLabel('Break down by')).toHaveValue('context:project');
    const row = page.getByTestId('breakdown-row').filter({ has: page.getByTestId('breakdown-requests') }).first();
    const project = (await row.getAttribute('data-value'))!;
    await c.click(row.getByTestId('breakdown-requests'));

    await expect(page).toHaveURL(/\/inspector\?/);
    const inspector = new URL(page.url());
    expect(inspector.searchParams.getAll('uc').sort()).toEqual([`end_user_to_charge=${COST_SPIKE_END_USER}`, `project=${project}`].sort());
    expect(Date.parse(inspector.searchParams.get('from')!)).toBe(spike!.start.getTime());
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    expect(c.count).toBeLessThanOrEqual(3);
  });
});
