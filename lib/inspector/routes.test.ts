import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { captureLogLines, closeServer, resetServerEnv, setServerEnv } from '@/lib/testing/server-env';
import { now } from '@/lib/time/clock';
import { readPlanted } from '@/lib/testing/planted';

// Route handlers read the process configuration, so the demo path is set before they load.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-inspector-'));
process.env.DEMO_DB = path.join(dir, 'demo.duckdb');
// As behind a proxy that signs users in: the forwarded identity is believed.
process.env.TRUSTED_PROXY = 'true';

type Ctx = { params: Promise<{ id: string }> };
let detail: { GET: (req: Request, ctx: Ctx) => Promise<Response> };
let payload: { GET: (req: Request, ctx: Ctx) => Promise<Response> };
let exportRoute: { GET: (req: Request) => Promise<Response> };
let piiId: string;

beforeAll(async () => {
  await generateDemo({ path: process.env.DEMO_DB!, rows: 10_000, seed: 5, end: now() });
  const planted = await readPlanted(process.env.DEMO_DB!);
  detail = await import('@/app/api/inspector/requests/[id]/route');
  payload = await import('@/app/api/inspector/requests/[id]/payload/route');
  exportRoute = await import('@/app/api/inspector/export/route');
  // The request the demo plants with a test card number in its text.
  piiId = planted.card_number!.id;
});

afterAll(() => closeServer(dir));
afterEach(resetServerEnv);

const ctx = (id: string): Ctx => ({ params: Promise.resolve({ id }) });
const get = (route: { GET: (req: Request, ctx: Ctx) => Promise<Response> }, id: string, qs: string, headers: Record<string, string> = {}) =>
  route.GET(new Request(`http://localhost/api/inspector/requests/${id}?${qs}`, { headers }), ctx(id));


describe('GET /api/inspector/requests/:id', () => {
  it('returns metadata, its SQL and whether reveal is allowed; 404 for an unknown id; 400 for a malformed one', async () => {
    const res = await get(detail, piiId, '');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.row.databricks_request_id).toBe(piiId);
    expect(body).toMatchObject({ revealAllowed: false, engine: 'duckdb' });
    expect(body.sql).toContain(':request_id');
    expect(body.row).not.toHaveProperty('request');
    expect((await get(detail, 'nope-0000', '')).status).toBe(404);
    expect((await get(detail, encodeURIComponent("x' OR 1=1"), '')).status).toBe(400);
  });
});

describe('GET /api/inspector/requests/:id/payload', () => {
  it('masks personal data by default', async () => {
    const res = await get(payload, piiId, '');
    const body = await res.json();
    expect(body.masked).toBe(true);
    expect(`${body.request}${body.response}`).not.toMatch(/4111[ -]?1111/);
    expect(body.request).toContain('[card number]');
  });

  it('refuses reveal when PII_REVEAL is off, and logs the attempt', async () => {
    const logs = captureLogLines();
    const res = await get(payload, piiId, 'reveal=1', { 'x-forwarded-email': 'pm@example.com' });
    expect(res.status).toBe(403);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'pii.reveal_denied', who: 'pm@example.com', databricksRequestId: piiId }));
  });

  it('reveals when PII_REVEAL=all and logs who and which request', async () => {
    setServerEnv({ PII_REVEAL: 'all' });
    const logs = captureLogLines();
    const res = await get(payload, piiId, 'reveal=1', { 'x-forwarded-email': 'auditor@example.com' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.masked).toBe(false);
    expect(body.request).toMatch(/4111[ -]?1111/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'pii.reveal', who: 'auditor@example.com', databricksRequestId: piiId }));
    const anon = captureLogLines();
    await get(payload, piiId, 'reveal=1');
    expect(anon).toContainEqual(expect.objectContaining({ event: 'pii.reveal', who: 'anonymous' }));
  });

  it('downloads one body as a file', async () => {
    const res = await get(payload, piiId, 'download=request');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${piiId}-request-masked.json"`);
    const text = await res.text();
    expect(JSON.parse(text)).toBeTruthy();
    expect(text).not.toMatch(/4111[ -]?1111/);
    expect(text).toContain('[card number]');
    expect((await get(payload, piiId, 'download=everything')).status).toBe(400);
  });
});

describe('GET /api/inspector/export', () => {
  it('writes chat fine-tuning JSONL for answered requests, masked', async () => {
    const res = await exportRoute.GET(new Request('http://localhost/api/inspector/export?range=30d&endpoint=chat_assistant&max_rows=300'));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) {
      expect(l.messages.at(-1).role).toBe('assistant');
      expect(l.error).toBeUndefined();
    }
    expect((await exportRoute.GET(new Request('http://localhost/api/inspector/export?range=30d&max_rows=0'))).status).toBe(400);
    expect((await exportRoute.GET(new Request('http://localhost/api/inspector/export?range=30d&reveal=1'))).status).toBe(403);
  });
});
