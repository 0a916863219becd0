import { expect, type Locator, type Page } from '@playwright/test';

/** Waits until the page answers clicks and typing (React has hydrated it). */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1, { timeout: 30_000 });
}

/**
 * Clicks the bucket starting at `t` on a time chart whose x axis runs over `domain`: at the x the
 * plot area (its grid) gives that instant, where the bucket's point (or the middle of its bar)
 * is drawn, so the chart cannot take the neighbouring bucket for it.
 */
export async function clickBucket(chart: Locator, domain: [number, number], t: number): Promise<void> {
  const grid = chart.locator('.recharts-cartesian-grid').first();
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  const x = box.x + ((t - domain[0]) / (domain[1] - domain[0])) * box.width;
  const y = box.y + box.height / 2;
  await chart.page().mouse.move(x, y);
  await chart.page().mouse.down();
  await chart.page().mouse.up();
}
