import { expect, test, type Page } from '@playwright/test';
import { nowMs } from '../lib/time/clock';
import { NAV_ITEMS } from '../components/app-shell';

type Metrics = { executions: number; cacheHits: number; shared: number; cancelled: number };

async function settled(page: Page) {
  // Some pages pick what to show from a first query, so wait for charts to exist at all.
  await expect(page.getByRole('button', { name: 'View SQL' }).first()).toBeVisible({ timeout: 60_000 });
  // Every chart has left its loading state and nothing is fetching.
  await expect(page.locator('[data-testid="chart-loading"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

// An absolute, closed window, so a minute ticking over between two loads cannot change any query.
const day = 86_400_000;
const end = new Date(Math.floor(nowMs() / day) * day - day).toISOString().slice(0, 16);
const start = new Date(Date.parse(`${end}Z`) - 7 * day).toISOString().slice(0, 16);
// Pages made of charts; /alerts lists rules (its reads go through /api/alerts) and is checked apart.
const pages = NAV_ITEMS.map((n) => n.href).filter((href) => href !== '/api-reference' && href !== '/alerts');

test.describe('warehouse load per page', () => {
  for (const href of pages) {
    test(`${href}: at most one warehouse query per chart, and a reload comes from the cache`, async ({ page, request }) => {
      const metrics = async (): Promise<Metrics> => (await request.get('/api/metrics')).json();
      const calls: { url: string; source: string }[] = [];
      page.on('response', async (res) => {
        if (!res.url().includes('/api/queries/') || res.request().method() !== 'GET') return;
        const body = await res.json().catch(() => null);
        calls.push({ url: res.url(), source: body?.source ?? `status ${res.status()}` });
      });
      // Let start-up work (the doctor's checks) finish so only this page's queries are counted.
      let before = await metrics();
      await expect.poll(async () => {
        const now = await metrics();
        const still = now.executions === before.executions;
        before = now;
        return still;
      }, { intervals: [500, 500, 1000] }).toBe(true);
      await page.goto(`${href}?range=custom&from=${start}&to=${end}`);
      await settled(page);
      // Every chart has a "View SQL" button; the filter bar's options and the header's data
      // freshness (on every page) are two more queries.
      const charts = await page.getByRole('button', { name: 'View SQL' }).count();
      const afterFirst = await metrics();
      const queries = afterFirst.executions - before.executions;
      const firstCalls = calls.splice(0);
      expect(charts).toBeGreaterThan(0);
      expect(new Set(firstCalls.map((c) => c.url)).size, 'the same query fetched twice').toBe(firstCalls.length);
      expect(queries, JSON.stringify(firstCalls, null, 1)).toBeLessThanOrEqual(charts + 2);
      await page.reload();
      await settled(page);
      // Responses are read asynchronously: every engine execution must show up as an engine
      // response within a few seconds (a late one is counted once it arrives, never excused).
      let afterReload = await metrics();
      await expect.poll(async () => {
        afterReload = await metrics();
        // A statement the reload cancelled (its page gone) ran but answers no one.
        const ran = (afterReload.executions - afterReload.cancelled) - (afterFirst.executions - afterFirst.cancelled);
        return ran - calls.filter((c) => c.source === 'engine').length;
      }, { timeout: 15_000 }).toBe(0);
      // Panels that always look at the live last hour (freshness) may run again; closed windows may not.
      expect(calls.filter((c) => c.source === 'engine' && !c.url.includes('range=')), 'ran again on reload').toEqual([]);
      const hits = afterReload.cacheHits - afterFirst.cacheHits;
      const live = calls.filter((c) => c.source === 'engine').length;
      test.info().annotations.push({ type: 'load', description: `${href}: ${charts} charts, ${queries} warehouse queries on first load, ${hits} cache hits and ${live} live-window queries on reload` });
      console.log(`[warehouse-load] ${href}: ${charts} charts, ${queries} warehouse queries on first load; reload: ${hits} cache hits, ${live} live-window queries`);
    });
  }

  test('/alerts: opening the rules list runs no chart query', async ({ page }) => {
    const queries: string[] = [];
    // The header's data freshness is on every page, this one included.
    page.on('request', (req) => { if (req.url().includes('/api/queries/') && !req.url().includes('/api/queries/ops-freshness?')) queries.push(req.url()); });
    const rules = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/alerts' && res.request().method() === 'GET');
    await page.goto(`/alerts?range=custom&from=${start}&to=${end}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    expect((await rules).status()).toBe(200);
    expect(queries).toEqual([]);
  });
});
