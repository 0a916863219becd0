import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { captureLogLines, closeServer, resetServerEnv } from '@/lib/testing/server-env';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-export-'));
process.env.DEMO_DB = path.join(dir, 'demo.duckdb');
process.env.TRUSTED_PROXY = 'true';

const END = new Date('2026-11-20T00:00:00Z');
const WINDOW = `from=${encodeURIComponent('2026-10-21T00:00:00Z')}&to=${encodeURIComponent('2026-11-20T00:00:00Z')}`;
let exportRoute: { GET: (req: Request) => Promise<Response> };

beforeAll(async () => {
  await generateDemo({ path: process.env.DEMO_DB!, rows: 6_000, seed: 9, end: END });
  exportRoute = await import('@/app/api/inspector/export/route');
});
afterAll(() => closeServer(dir));
afterEach(resetServerEnv);

const start = (who: string, init: RequestInit = {}) =>
  exportRoute.GET(new Request(`http://localhost/api/inspector/export?${WINDOW}&endpoint=chat_assistant&max_rows=3000`, { ...init, headers: { 'x-forwarded-email': who } }));

async function statements(): Promise<() => number> {
  const { getWarehouse } = await import('@/lib/engine');
  const spy = vi.spyOn(await getWarehouse(), 'run');
  return () => spy.mock.calls.length;
}

describe('GET /api/inspector/export', () => {
  it('reads a page only when the client has taken the previous one (a stalled reader costs one page)', async () => {
    const count = await statements();
    const res = await start('slow@example.com');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    // One page: its list statement and its bodies. The whole export would be 15 pages, 30 statements.
    const afterFirst = count();
    expect(afterFirst).toBeLessThanOrEqual(3);
    const second = await reader.read();
    expect(second.done).toBe(false);
    expect(count()).toBeGreaterThan(afterFirst);
    await reader.cancel();
  });

  it('lets one viewer run two exports at once, answers a third with 429, and frees the slot when one ends', async () => {
    const a = await start('busy@example.com');
    const b = await start('busy@example.com');
    expect([a.status, b.status]).toEqual([200, 200]);
    const c = await start('busy@example.com');
    expect(c.status).toBe(429);
    expect(c.headers.get('retry-after')).toBe('10');
    expect((await c.json()).error).toMatch(/At most 2 exports/);
    // Someone else is not affected.
    const other = await start('else@example.com');
    expect(other.status).toBe(200);
    await other.body!.cancel();
    await a.text();
    const d = await start('busy@example.com');
    expect(d.status).toBe(200);
    await b.body!.cancel();
    await d.body!.cancel();
  });

  it('ends cleanly when the viewer leaves: no error logged, no error line, the slot freed', async () => {
    const logs = captureLogLines();
    const controller = new AbortController();
    const res = await start('leaver@example.com', { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    // The next page's statement is cancelled by the signal; the stream closes quietly.
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).not.toContain('The export stopped early');
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    for (let i = 0; i < 2; i++) {
      const again = await start('leaver@example.com');
      expect(again.status).toBe(200);
      await again.body!.cancel();
    }
  });
});
