import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { now } from '@/lib/time/clock';
import { commonFilterShape } from '@/lib/catalogue/filters';
import { CATALOGUE } from '@/queries';

// Route handlers read the process configuration: point it at a small private demo first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-injection-'));
const demoPath = path.join(dir, 'demo.duckdb');
process.env.DEMO_DB = demoPath;

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
  await generateDemo({ path: demoPath, rows: 2_000, seed: 13, end: now() });
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
    const baseline = await (await call(new URLSearchParams({ range: '7d' }))).json();
    for (const name of names) {
      for (const value of CORPUS) {
        const qs = new URLSearchParams(name === 'range' || name === 'from' || name === 'to' ? {} : { range: '7d' });
        qs.set(name, value);
        const res = await call(qs);
        const body = await res.json();
        expect([200, 400], `${id} ${name}=${value.slice(0, 40)} → ${res.status} ${JSON.stringify(body).slice(0, 200)}`).toContain(res.status);
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
