import { expect, test, type Page } from '@playwright/test';
import { hydrated } from './page';

// The e2e server runs the embedded engine with its default engine concurrency (lib/config.ts).
const SLOTS = 4;

/** Every chart card with its request (data-request) and where it sits on the page as loaded. */
async function cards(page: Page): Promise<{ request: string; top: number; section: string | null }[]> {
  return page.locator('section[data-request]').evaluateAll((els) => els.map((el) => ({
    request: el.getAttribute('data-request')!,
    top: el.getBoundingClientRect().top + window.scrollY,
    section: el.closest('section[id]')?.id ?? null,
  })));
}

async function settled(page: Page) {
  await expect(page.locator('[data-testid="chart-loading"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

const path = (url: string) => url.slice(url.indexOf('/api/'));

test.describe('the order a page asks for its charts', () => {
  test('ops: the charts of the first screen are requested before any chart below it', async ({ page }) => {
    const order: string[] = [];
    page.on('request', (req) => { if (req.url().includes('/api/queries/')) order.push(path(req.url())); });
    await page.goto('/ops?range=7d');
    await settled(page);
    const height = page.viewportSize()!.height;
    const all = await cards(page);
    const above = all.filter((c) => c.top < height).map((c) => order.indexOf(c.request));
    expect(above.length).toBeGreaterThan(0);
    expect(above.every((i) => i >= 0), JSON.stringify({ order, all })).toBe(true);
    // The header and the filter bar ask first (the freshness panel further down shares the header's request).
    const before = new Set(order.slice(0, Math.min(...above)));
    const below = all.filter((c) => c.top >= height && !before.has(c.request)).map((c) => order.indexOf(c.request));
    expect(below.length).toBeGreaterThan(5);
    expect(below.every((i) => i >= 0), JSON.stringify({ order, all })).toBe(true);
    expect(Math.max(...above), JSON.stringify(order)).toBeLessThan(Math.min(...below));
  });

  test('ops: no more requests at once than the server runs, and scrolling down moves the panels in view up the queue', async ({ page }) => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    // Answers are held back until the test lets them go, so the page's queue stays full meanwhile.
    await page.route('**/api/queries/**', async (route) => {
      order.push(path(route.request().url()));
      await gate;
      await route.continue();
    });
    await page.goto('/ops?range=7d');
    await hydrated(page);
    await expect.poll(() => order.length).toBe(SLOTS);
    await expect(page.locator('#logging section[data-request]').first()).toBeAttached();
    // However long the first answers take, the rest wait in the page rather than on the server.
    await page.waitForTimeout(500);
    expect(order, 'sent while the first answers were held back').toHaveLength(SLOTS);
    await page.evaluate(() => document.getElementById('logging')!.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    release();
    await settled(page);
    const all = await cards(page);
    // Requests of the first wave (sent before the scroll; the freshness panel shares the header's) aside.
    const indexOf = (section: string) => all.filter((c) => c.section === section).map((c) => order.indexOf(c.request)).filter((i) => i >= SLOTS);
    const logging = indexOf('logging');
    const latency = indexOf('latency');
    expect(logging.length, JSON.stringify(order)).toBeGreaterThanOrEqual(3);
    expect(latency.length, JSON.stringify(order)).toBeGreaterThanOrEqual(3);
    // Logging health (now on screen) went before latency (scrolled past, higher up the page).
    expect(Math.max(...logging), JSON.stringify(order)).toBeLessThan(Math.min(...latency));
  });

  test('links prefetch the page they open on hover or focus, not while the page loads', async ({ page }) => {
    // A prefetch is a fetch of a page's server components (Next.js sends it with these headers).
    const prefetched: string[] = [];
    page.on('request', (req) => {
      const h = req.headers();
      if (h['next-router-prefetch'] || h['rsc']) prefetched.push(new URL(req.url()).pathname);
    });
    await page.goto('/ops?range=7d');
    await hydrated(page);
    await settled(page);
    // Next.js prefetches links in view once the page is idle: give it the time to.
    await page.waitForTimeout(1500);
    expect(prefetched, 'pages prefetched while /ops loaded').toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Finance' }).hover();
    await expect.poll(() => prefetched).toContain('/finance');
    await nav.getByRole('link', { name: 'Compare' }).focus();
    await expect.poll(() => prefetched).toContain('/compare');
    expect(prefetched.filter((p) => p !== '/finance' && p !== '/compare'), 'only the pages pointed at').toEqual([]);
  });
});
