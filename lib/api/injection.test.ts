import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { commonFilterShape } from '@/lib/catalogue/filters';
import { parseQueryInput } from '@/lib/catalogue/run';
import { loadConfig } from '@/lib/config';
import { CATALOGUE } from '@/queries';

// Route handlers read the process configuration: point it at a small private demo first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-injection-'));
const demoPath = path.join(dir, 'demo.duckdb');
process.env.DEMO_DB = demoPath;

// A fixed clock: the demo ends here and every call names its window.
const END = new Date('2026-11-20T00:00:00Z');
const WINDOW = { from: '2026-11-13T00:00:00Z', to: '2026-11-20T00:00:00Z' };

/** Hostile values: SQL syntax, stacked statements, comments, look-alike quotes, markers, sizes. */
const CORPUS = [
  `' OR '1'='1`,
  `x'; DROP TABLE demo.inference.chat_assistant_payload; --`,
  `1; SELECT * FROM demo.serving.endpoint_usage`,
  `") OR 1=1 /*`,
  `\\'; DELETE FROM demo.serving.served_entities; --`,
  `＇ OR ＇1＇=＇1`, // fullwidth apostrophes
  `ʼ OR ʼ1ʼ=ʼ1`, // modifier-letter apostrophes
  `:start_time`,
  `{{payload}}`,
  `$1`,
  `%27%20OR%201%3D1`,
  `\u0000nul`,
  `-1e309`,
  'x'.repeat(20_000),
  `<script>alert(1)</script>`,
];

async function tableFingerprint(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`ATTACH '${demoPath}' AS demo (READ_ONLY)`);
  const tables = (await c.runAndReadAll(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_catalog = 'demo' ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.t));
  const parts: string[] = [];
  for (const t of tables) {
    const r = await c.runAndReadAll(`SELECT count(*) AS n, sum(hash(COLUMNS(*))) AS h FROM demo.${t}`);
    parts.push(`${t}:${JSON.stringify(r.getRowsJS()[0], (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  }
  c.closeSync();
  instance.closeSync();
  return parts.join('\n');
}

type RouteModule = { GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };
let route: RouteModule;
let before: string;

beforeAll(async () => {
  await generateDemo({ path: demoPath, rows: 2_000, seed: 13, end: END });
  before = await tableFingerprint();
  route = await import('@/app/api/queries/[id]/route');
});

afterAll(async () => {
  const { closeWarehouse } = await import('@/lib/engine');
  await closeWarehouse();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('every parameter of every catalogue route against an injection corpus', () => {
  it.each(Object.keys(CATALOGUE))('%s answers 400 or treats the value as a literal', async (id) => {
    const def = CATALOGUE[id]!;
    const names = [...new Set([...Object.keys(commonFilterShape), ...Object.keys(def.params)])];
    const call = (qs: URLSearchParams) => route.GET(new Request(`http://localhost/api/queries/${id}?${qs}`), { params: Promise.resolve({ id }) });
    const baseline = await (await call(new URLSearchParams(WINDOW))).json();
    for (const name of names) {
      // Search terms that look like personal data are refused (403) to viewers who may not reveal it.
      const allowed = def.searchTerms && name in def.searchTerms ? [200, 400, 403] : [200, 400];
      for (const value of CORPUS) {
        const qs = new URLSearchParams(name === 'range' || name === 'from' || name === 'to' ? {} : WINDOW);
        qs.set(name, value);
        const res = await call(qs);
        const body = await res.json();
        expect(allowed, `${id} ${name}=${value.slice(0, 40)} → ${res.status} ${JSON.stringify(body).slice(0, 200)}`).toContain(res.status);
        if (res.status === 200) {
          // Bound, never spliced: the statement text is the same as with a plain value. (Whether a
          // filter is set at all may choose another statement, e.g. raw tables instead of rollups.)
          if (baseline.sql && name !== 'range' && name !== 'from' && name !== 'to') {
            let expected: { sql?: string } = {};
            for (const v of ['x', 'plain words']) {
              const plain = new URLSearchParams(qs);
              plain.set(name, v);
              expected = (await (await call(plain)).json()) as { sql?: string };
              if (expected.sql) break;
            }
            expect(body.sql).toBe(expected.sql ?? baseline.sql);
          }
          if (!baseline.sql.includes(value)) expect(body.sql).not.toContain(value);
        } else {
          expect(body.problems.length).toBeGreaterThan(0);
          expect(JSON.stringify(body).length).toBeLessThan(value.length + 4_000);
        }
      }
    }
  });

  it('leaves every table exactly as it was', async () => {
    expect(await tableFingerprint()).toBe(before);
  });
});

/** Values a lenient number parser reads as numbers (16, 1000, 0, 7, …): each must be refused. */
const NUMBER_JUNK = ['0x10', '1e3', '', ' 7', '7 ', '+7', '7.0', '٧', '７', 'NaN', 'Infinity', '1_000', '9'.repeat(40), '0b11', '7abc'];
/** Shapes that pass a loose pattern but name no instant. */
const TIMESTAMP_JUNK = ['2026-02-30 12:00:00', '2026-13-01 00:00:00', '2026-04-31 00:00:00', '2025-02-29 00:00:00', '2026-01-01 24:00:00', '2026-01-01 23:60:00', '2026-01-01 23:59:60'];

describe('strict parameters: every number and cursor of every query', () => {
  const config = loadConfig({ DEMO_DB: demoPath });
  const numericParams = (id: string) => Object.keys(CATALOGUE[id]!.params).filter((name) => {
    try {
      return parseQueryInput(CATALOGUE[id]!, new URLSearchParams({ ...WINDOW, [name]: '5' }), END, config).input[name] === 5;
    } catch {
      return false;
    }
  });

  it('finds the numeric parameters (the check below is not vacuous)', () => {
    expect(numericParams('inspector-requests').sort()).toEqual(['cursor_duration', 'cursor_value', 'max_duration_ms', 'min_duration_ms', 'page_size']);
    expect(Object.keys(CATALOGUE).flatMap(numericParams).length).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.keys(CATALOGUE))('%s refuses loosely written numbers with 400 and the parameter named', async (id) => {
    const call = (qs: URLSearchParams) => route.GET(new Request(`http://localhost/api/queries/${id}?${qs}`), { params: Promise.resolve({ id }) });
    for (const name of numericParams(id)) {
      for (const value of NUMBER_JUNK) {
        const res = await call(new URLSearchParams({ ...WINDOW, [name]: value }));
        const body = await res.json();
        expect(res.status, `${id} ${name}=${JSON.stringify(value)}`).toBe(400);
        expect(body.problems.map((p: { path: string }) => p.path)).toContain(name);
      }
    }
  });

  it('refuses an impossible cursor_time with 400 (it reached the engine and failed with 500)', async () => {
    const id = 'inspector-requests';
    const call = (qs: URLSearchParams) => route.GET(new Request(`http://localhost/api/queries/${id}?${qs}`), { params: Promise.resolve({ id }) });
    for (const cursor of TIMESTAMP_JUNK) {
      const res = await call(new URLSearchParams({ ...WINDOW, cursor_time: cursor, cursor_id: 'abc' }));
      expect(res.status, cursor).toBe(400);
      expect((await res.json()).problems).toEqual([{ path: 'cursor_time', message: 'expected a timestamp from a previous page' }]);
    }
    const ok = await call(new URLSearchParams({ ...WINDOW, cursor_time: '2024-02-29 23:59:59.123456', cursor_id: 'abc' }));
    expect(ok.status).toBe(200);
  });

  it('pages the inspector list in exactly page_size rows, with the cursor of the next page', async () => {
    const id = 'inspector-requests';
    const call = async (qs: Record<string, string>) => (await route.GET(new Request(`http://localhost/api/queries/${id}?${new URLSearchParams({ ...WINDOW, ...qs })}`), { params: Promise.resolve({ id }) })).json();
    const first = await call({ page_size: '7' });
    expect(first.rows).toHaveLength(7);
    expect(first.next).toMatchObject({ cursor_id: first.rows[6].databricks_request_id, cursor_time: first.rows[6].cursor_time });
    const second = await call({ page_size: '7', ...Object.fromEntries(Object.entries(first.next).map(([k, v]) => [k, String(v)])) });
    expect(second.rows).toHaveLength(7);
    expect(second.rows[0].databricks_request_id).not.toBe(first.rows[6].databricks_request_id);
    const all = await call({ page_size: '200', endpoint: 'doc_embeddings' });
    const last = await call({ page_size: String(all.rows.length), endpoint: 'doc_embeddings' });
    expect(last.next).toBeNull();
  });
});

describe('the tables after the strict-parameter runs', () => {
  it('are exactly as they were', async () => {
    expect(await tableFingerprint()).toBe(before);
  });
});
