import { expect, test, type Page } from '@playwright/test';
import { plantedRequest } from './demo';
import { hydrated } from './page';

/** Phone, tablet, laptop, desktop. */
const WIDTHS = [390, 768, 1280, 1440] as const;

/** How far the page itself scrolls sideways (0 when everything fits; tables scroll in their cards). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Waits for the page's first answers: every chart card done loading. */
async function settled(page: Page): Promise<void> {
  await hydrated(page);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

test.describe('layouts that hold', () => {
  const pages = [
    ['overview', '/?range=7d'],
    ['ops', '/ops?range=7d'],
    ['finance', '/finance?range=30d'],
    ['compare', '/compare?range=7d&endpoint=chat_assistant'],
    ['inspector', '/inspector?range=7d'],
    ['alerts', '/alerts'],
    ['api', '/api-reference'],
  ] as const;

  for (const [name, path] of pages) {
    test(`${name}: no sideways scroll at ${WIDTHS.join(', ')} px`, async ({ page }, info) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: WIDTHS[0], height: 844 });
      await page.goto(path);
      await settled(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
        await expect.poll(() => overflow(page), { message: `${path} at ${width} px` }).toBeLessThanOrEqual(0);
        if (width === 390 || width === 1280) await info.attach(`${name}-${width}`, { body: await page.screenshot(), contentType: 'image/png' });
      }
    });
  }

  test('a request: no sideways scroll at 390 px', async ({ page }) => {
    const { id, endpoint } = await plantedRequest('card_number');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/inspector/${id}?endpoint=${endpoint}`);
    await hydrated(page);
    await expect(page.getByRole('link', { name: /← Requests/ })).toBeVisible();
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
  });

  test('on a phone the menu and the filters fold away, and wide tables scroll in their card', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/inspector?range=7d');
    await settled(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav.getByRole('link', { name: 'Inspector' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'API' })).toBeVisible();

    await expect(page.getByTestId('filter-bar')).toBeHidden();
    await page.getByTestId('filter-toggle').click();
    await expect(page.getByLabel('Endpoint')).toBeVisible();

    const table = page.getByTestId('request-table');
    await expect(table.getByTestId('request-row').first()).toBeVisible();
    const scroller = table.locator('xpath=..');
    const { inner, outer } = await scroller.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
    expect(inner).toBeGreaterThan(outer);
    // The first column stays in view while the table scrolls.
    const first = table.getByTestId('request-row').first().locator('td').first();
    const before = (await first.boundingBox())!.x;
    await scroller.evaluate((el) => { el.scrollLeft = 300; });
    await expect.poll(async () => Math.abs((await first.boundingBox())!.x - before)).toBeLessThan(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
