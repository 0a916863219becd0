import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { now } from '@/lib/time/clock';
import { parseServerTiming } from '@/lib/bench/server-timing';

// The route handlers read the process configuration, so the demo path is set before they load.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-api-'));
process.env.DEMO_DB = path.join(dir, 'demo.duckdb');

type RouteModule = { GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };
let queryRoute: RouteModule;

beforeAll(async () => {
  await generateDemo({ path: process.env.DEMO_DB!, rows: 10_000, seed: 5, end: now() });
  queryRoute = await import('@/app/api/queries/[id]/route');
});

afterAll(async () => {
  const { closeWarehouse } = await import('@/lib/engine');
  await closeWarehouse();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (id: string, qs: string, init?: RequestInit) =>
  queryRoute.GET(new Request(`http://localhost/api/queries/${id}?${qs}`, init), { params: Promise.resolve({ id }) });

describe('GET /api/queries/:id', () => {
  it('returns rows, the SQL that ran, its parameters, the engine and the duration', async () => {
    const res = await call('requests-over-time', 'range=24h');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ queryId: 'requests-over-time', engine: 'duckdb', params: { split: 'endpoint', bucket: 'hour' } });
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.sql).toContain(':start_time');
    expect(res.headers.get('x-request-id')).toBe(body.requestId);
    // Server-Timing: the engine's time as in the body, and the handler's, which contains it.
    const timing = parseServerTiming(res.headers.get('server-timing'));
    expect(timing.engine).toBeCloseTo(body.durationMs, 1);
    expect(timing.handler).toBeGreaterThanOrEqual(timing.engine!);
  });

  it('answers 400 with every problem for bad parameters', async () => {
    const res = await call('requests-over-time', 'from=yesterday&to=2026-01-01&split=x');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('Invalid parameters');
    expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['from', 'split']);
  });

  it('answers 404 for an unknown query, including prototype names', async () => {
    for (const id of ['nope', '__proto__', 'constructor', 'toString']) {
      const res = await call(id, 'range=1h');
      expect(res.status).toBe(404);
    }
  });

  it('hides engine details behind a safe message and a request id', async () => {
    const warehouse = await import('@/lib/engine');
    const wh = await warehouse.getWarehouse();
    const spy = vi.spyOn(wh, 'run').mockRejectedValueOnce(new Error('Binder Error: secret internal detail in demo.inference.x'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const res = await call('requests-over-time', 'range=1h');
    const logged = stderr.mock.calls.map((c) => String(c[0])).join('');
    spy.mockRestore();
    stderr.mockRestore();
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
    expect(body.requestId).toBeTruthy();
    expect(logged).toContain(body.requestId);
    expect(logged).toContain('secret internal detail');
  });
});

describe('GET /api/queries/:id?format=csv', () => {
  it('streams every row as CSV with the schema columns as header', async () => {
    const res = await call('requests-over-time', 'range=7d&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="requests-over-time-\d{8}-\d{4}\.csv"$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text.replace(/\r\n$/, '').split('\r\n');
    expect(lines[0]).toBe('\uFEFFbucket,series,requests,sampled_rows,peak_minute_requests');
    const json = await (await call('requests-over-time', 'range=7d')).json();
    expect(json.rows.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(json.rows.length + 1);
  });

  it('rejects an unknown format', async () => {
    const res = await call('requests-over-time', 'range=7d&format=xml');
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual([{ path: 'format', message: 'expected json or csv' }]);
  });
});

describe('secrets', () => {
  it('never returns the viewer token or an engine error holding it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ2aWV3ZXIifQ.c2VjcmV0LXNpZ25hdHVyZQ';
    const warehouse = await import('@/lib/engine');
    const wh = await warehouse.getWarehouse();
    const spy = vi.spyOn(wh, 'run').mockRejectedValueOnce(new Error(`HTTP 401: Bearer ${token} rejected`));
    const out: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
    const res = await call('requests-over-time', 'range=1h', { headers: { 'x-forwarded-access-token': token } });
    spy.mockRestore();
    stderr.mockRestore();
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain(token);
    expect(out.join('')).not.toContain(token);
    expect(out.join('')).toContain('***');
  });
});
