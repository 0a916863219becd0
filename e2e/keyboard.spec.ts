import { expect, test, type Page } from '@playwright/test';
import { PEOPLE, PID } from '../lib/demo/catalog';
import { hydrated } from './page';

/** What has the focus, by its accessible label. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
});

/** Presses Tab until the control labelled `label` has the focus (at most `max` times). */
async function tabTo(page: Page, label: string, max = 30): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    passed.push(now);
    if (now === label) return passed;
  }
  throw new Error(`Tab never reached "${label}"; it passed ${passed.join(' → ')}`);
}

test.describe('the filter bar by keyboard', () => {
  test('skip link, then every filter in order; a dropdown stepped with the arrows applies on Enter, the requester by name on Enter', async ({ page }) => {
    const sender = PEOPLE[PID.storm]!.requester;
    await page.goto('/ops?range=24h&lsplit=served_entity');
    await hydrated(page);

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    const walk = await tabTo(page, 'Time range');
    // From the skip link's target, the filter bar comes first: nothing of the header is passed again.
    expect(walk).not.toContain('Overview');

    const bar = page.getByTestId('filter-bar');
    const endpoint = bar.getByLabel('Endpoint', { exact: true });
    // The endpoints of the window are its options once they have loaded.
    await expect.poll(() => endpoint.locator('option').count()).toBeGreaterThan(1);
    expect(await tabTo(page, 'Endpoint')).toEqual(['Endpoint']);
    await page.keyboard.press('ArrowDown');
    // A step of a closed dropdown waits for Enter: the page does not reload at each step.
    await expect(endpoint).toHaveAttribute('data-pending', 'true');
    await expect(page).not.toHaveURL(/endpoint=/);
    const chosen = await endpoint.inputValue();
    expect(chosen).not.toBe('');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`endpoint=${chosen}`));
    await expect(endpoint).toBeFocused();
    await expect(endpoint).not.toHaveAttribute('data-pending', 'true');

    expect(await tabTo(page, 'Served entity')).toEqual(['Served entity']);
    expect(await tabTo(page, 'Requester')).toEqual(['Requester']);
    // By name: the service principal's application id is what the filter applies.
    await page.keyboard.type('ticket-enricher');
    const choices = bar.getByTestId('requester-choices').locator('option');
    await expect(choices).toHaveCount(1);
    await expect(choices).toHaveAttribute('value', sender);
    await expect(choices).toHaveAttribute('label', new RegExp(`^ticket-enricher \\(${sender}\\) · `));
    await expect(page).not.toHaveURL(/requester=/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`requester=${encodeURIComponent(sender)}`));
    await expect(bar.getByLabel('Requester', { exact: true })).toHaveValue(sender);
    // The range and the page's own settings survive each change.
    await expect(page).toHaveURL(/range=24h/);
    await expect(page).toHaveURL(/lsplit=served_entity/);

    // Past the requester's clear button to the status.
    expect(await tabTo(page, 'Status')).toEqual(['Clear the requester filter', 'Status']);
    const status = bar.getByLabel('Status', { exact: true });
    // Escape leaves a stepped dropdown as it was; leaving it applies the step.
    await page.keyboard.press('ArrowDown');
    await expect(status).toHaveAttribute('data-pending', 'true');
    await page.keyboard.press('Escape');
    await expect(status).not.toHaveAttribute('data-pending', 'true');
    await expect(status).toHaveValue('');
    await page.keyboard.press('ArrowDown');
    await expect(page).not.toHaveURL(/status=/);
    const rest = await tabTo(page, 'Time zone');
    await expect(page).toHaveURL(/status=ok/);
    expect(rest.length).toBeGreaterThan(0);
  });
});
