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

test.describe('client bundles', () => {
  test('hold no server secret names and no value of any DATABRICKS_* variable', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.join(process.cwd(), '.next', 'static');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(js|css|html|json)$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    const secrets = Object.entries(process.env).filter(([k, v]) => k.startsWith('DATABRICKS_') && v && v.length >= 8).map(([, v]) => v!);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/DATABRICKS_(TOKEN|CLIENT_SECRET)|x-forwarded-access-token/i);
      for (const s of secrets) expect(text.includes(s), f).toBe(false);
    }
  });
});
