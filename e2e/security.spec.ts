import { expect, test } from '@playwright/test';
import { securityHeaders } from '../next.config.mjs';

test.describe('security headers', () => {
  test('pages carry a nonce-based CSP without inline script, and the page still works under it', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => { if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text()); });
    const res = await page.goto('/');
    const csp = res!.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    await expect(page.getByTestId('total-requests')).toBeVisible();
    expect(violations).toEqual([]);
    // A new nonce for every view.
    const again = await page.request.get('/');
    expect(again.headers()['content-security-policy']).not.toBe(csp);
  });

  test('every response, API included, carries nosniff and the other security headers', async ({ request }) => {
    for (const path of ['/', '/api/health', '/api/queries/requests-over-time?range=1h', '/api/nope']) {
      const res = await request.get(path);
      for (const { key, value } of securityHeaders) expect(res.headers()[key.toLowerCase()], `${key} on ${path}`).toBe(value);
      expect(res.headers()['x-powered-by']).toBeUndefined();
    }
  });
});
