import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importEdges, unitOf, type ImportEdge } from '@/lib/testing/import-graph';

/*
 * The layers, along the data path (docs/architecture.md): foundation (time, config…) → engine
 * (lib/warehouse) → catalogue, rollups and query definitions → the server's wiring (lib/engine) →
 * routes (app/api, lib/api); and on the browser's side lib/client → lib/<page> preparation →
 * components/charts → page folders → app pages. Each unit lists what it may import; a new unit
 * or a new kind of dependency is a deliberate edit here.
 */
const FOUNDATION = ['lib/time', 'lib/identifiers', 'lib/table-schemas', 'lib/csv', 'lib/cli-args', 'lib/access', 'lib/logger', 'lib/security'];
const CLIENT_LIB = ['lib/client', 'lib/charts', 'lib/time', 'lib/identifiers'];

const ALLOWED: Record<string, readonly string[]> = {
  'lib/time': [],
  'lib/identifiers': [],
  'lib/table-schemas': [],
  'lib/csv': [],
  'lib/cli-args': [],
  'lib/access': [],
  'lib/logger': [],
  // Masking and search-term policy: every text path goes through the same masker.
  'lib/security': [],
  'next.config.mjs': [],
  // Reading request and response bodies: pure, shared by the inspector's server and browser code.
  'lib/payload': [],
  'lib/config': ['lib/access', 'lib/identifiers', 'lib/security', 'lib/time'],
  // The engine knows neither the demo generator nor the rollups: lib/engine wires them together.
  'lib/warehouse': ['lib/config', 'lib/logger', 'lib/table-schemas', 'lib/identifiers'],
  'lib/demo': ['lib/config', 'lib/logger', 'lib/table-schemas', 'lib/time'],
  'lib/catalogue': [...FOUNDATION, 'lib/config', 'lib/warehouse', 'lib/engine', 'lib/rollups', 'lib/finance', 'lib/deploy'],
  'lib/rollups': [...FOUNDATION, 'lib/config', 'lib/warehouse', 'lib/catalogue', 'lib/finance'],
  'queries': ['lib/time', 'lib/identifiers', 'lib/security', 'lib/catalogue', 'lib/rollups', 'lib/ops', 'lib/compare', 'lib/finance', 'lib/inspector'],
  'lib/engine': ['lib/config', 'lib/logger', 'lib/warehouse', 'lib/demo', 'lib/rollups', 'lib/principals'],
  'lib/api': [...FOUNDATION, 'lib/config', 'lib/warehouse', 'lib/catalogue'],
  // Deployment as code: the grants a deployment needs, as SQL (pure: names in, statements out).
  'lib/deploy': ['lib/identifiers'],
  // Per-table health for /api/health and the page notice.
  'lib/health': ['lib/config', 'lib/warehouse', 'lib/catalogue'],
  // Requester display names: SCIM on Databricks, the demo's own table embedded.
  'lib/principals': ['lib/config', 'lib/logger', 'lib/warehouse'],
  'lib/doctor': ['lib/config', 'lib/table-schemas', 'lib/warehouse', 'lib/catalogue', 'lib/rollups', 'lib/deploy'],
  'lib/server-start': ['lib/config', 'lib/logger', 'lib/doctor', 'lib/engine', 'lib/warehouse', 'lib/alerts'],
  // Alert rules, budgets and saved views: the rules as data and their SQL (over the catalogue),
  // the store, the evaluator and the live demo's feeder (server); the API client and formats (browser).
  'lib/alerts': [...FOUNDATION, ...CLIENT_LIB, 'lib/config', 'lib/warehouse', 'lib/catalogue', 'lib/engine', 'lib/finance', 'lib/demo', 'lib/api', 'queries'],
  // The benchmark: its plan mode plans and renders every page's queries as the server would, and
  // its cases open request pages by the app's own links.
  'lib/bench': ['lib/cli-args', 'lib/config', 'lib/warehouse', 'lib/rollups', 'lib/catalogue', 'queries', 'lib/client'],
  'lib/testing': ['lib/time', 'lib/config', 'lib/warehouse', 'lib/catalogue', 'lib/demo'],
  // Browser side. lib/<page> folders hold a page's parameters (read by its queries), its pure
  // preparation and its hooks; lib/finance and lib/inspector also hold that page's server helpers.
  // Identifier patterns are pure: the browser validates a usage_context filter as the server does.
  'lib/client': ['lib/time', 'lib/identifiers'],
  'lib/charts': ['lib/time'],
  'lib/ops': [...CLIENT_LIB, 'lib/catalogue'],
  'lib/compare': [...CLIENT_LIB, 'lib/finance'],
  'lib/finance': [...CLIENT_LIB, 'lib/config', 'lib/warehouse', 'lib/catalogue'],
  'lib/inspector': [...CLIENT_LIB, 'lib/payload', 'lib/security', 'lib/logger', 'lib/config', 'lib/warehouse', 'lib/catalogue', 'lib/engine'],
  // Shared widgets; charts draw prepared data; page folders compose them and never each other.
  'components': [...CLIENT_LIB, 'lib/alerts'],
  'components/charts': ['components', ...CLIENT_LIB, 'lib/ops', 'lib/compare', 'lib/finance'],
  'components/overview': ['components', 'components/charts', ...CLIENT_LIB],
  'components/ops': ['components', 'components/charts', ...CLIENT_LIB, 'lib/ops'],
  'components/compare': ['components', 'components/charts', ...CLIENT_LIB, 'lib/compare'],
  'components/finance': ['components', 'components/charts', ...CLIENT_LIB, 'lib/finance', 'lib/alerts'],
  'components/alerts': ['components', ...CLIENT_LIB, 'lib/alerts', 'lib/finance'],
  'components/inspector': ['components', 'components/charts', ...CLIENT_LIB, 'lib/inspector', 'lib/payload'],
  'app': ['components', 'components/overview', 'components/ops', 'components/compare', 'components/finance', 'components/inspector', 'components/alerts', ...FOUNDATION, 'lib/client', 'lib/config', 'lib/api', 'lib/catalogue', 'lib/engine', 'lib/finance', 'lib/health', 'lib/inspector', 'lib/principals', 'lib/alerts', 'lib/demo', 'queries'],
  'scripts': [...FOUNDATION, 'lib/config', 'lib/warehouse', 'lib/demo', 'lib/catalogue', 'lib/rollups', 'lib/finance', 'lib/deploy', 'lib/doctor', 'lib/bench', 'lib/testing', 'next.config.mjs'],
};

/**
 * Type-only imports that carry the contract between server and browser (queries/index.ts: each
 * query's parameter and row types; the runner's result type and its plan): erased at build time, so they
 * bring no server code into a page and are left out of the cycle check.
 */
const CONTRACT: Record<string, (fromUnit: string) => boolean> = {
  'queries/index.ts': () => true,
  'lib/catalogue/run.ts': (from) => from === 'lib/client',
  'lib/catalogue/plan.ts': () => true,
  // The health report's shape, drawn by the page notice.
  'lib/health.ts': () => true,
  // What a requester's name looks like, drawn beside its id.
  'lib/principals/types.ts': () => true,
};

/**
 * Dependencies that close a cycle today and live in files the SQL refactor owns (lib/catalogue,
 * lib/rollups, lib/finance/sql.ts). Each is named with its reason; remove an entry once its
 * cycle is gone (the test fails when an entry no longer matches anything).
 */
const CYCLE_EXCEPTIONS: { from: string; to: string; why: string }[] = [
  // lib/catalogue holds both the low-level SQL helpers (filters.ts, tables.ts) and the runner
  // that uses the rollups: the rollup builders reuse the helpers.
  { from: 'lib/rollups/', to: 'lib/catalogue/filters.ts', why: 'rollup builders write SQL with the shared filter builders' },
  { from: 'lib/rollups/', to: 'lib/catalogue/render.ts', why: 'rollup builders render their .sql files with the catalogue renderer' },
  { from: 'lib/rollups/', to: 'lib/catalogue/tables.ts', why: 'rollups/prepare.ts resolves the payload tables it aggregates' },
  // Finance SQL (lib/finance/sql.ts, read by render.ts) builds its filters with the same helpers.
  { from: 'lib/finance/', to: 'lib/catalogue/filters.ts', why: 'finance SQL and parameters use the shared filter builders' },
  { from: 'lib/finance/', to: 'lib/catalogue/params.ts', why: 'finance parameters use the shared strict parameter schemas' },
];

const ROOT = path.resolve(__dirname, '..');
const edges = importEdges(ROOT, ['app', 'components', 'lib', 'queries', 'scripts']).filter((e) => !/\.test\.tsx?$/.test(e.from) && !e.from.startsWith('lib/testing/'));
const isContract = (e: ImportEdge) => e.typeOnly && (CONTRACT[e.to]?.(unitOf(e.from)) ?? false);
const isException = (e: ImportEdge) => CYCLE_EXCEPTIONS.some((x) => e.from.startsWith(x.from) && e.to === x.to);
const describeEdge = (e: ImportEdge) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;

describe('import boundaries', () => {
  it('finds the project’s imports (a broken parser would pass every rule)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'app/api/queries/[id]/route.ts', to: 'queries/index.ts', typeOnly: false });
    expect(edges.some((e) => e.from === 'lib/client/use-catalogue-query.ts' && e.to === 'queries/index.ts' && e.typeOnly)).toBe(true);
  });

  it('keeps every unit to the dependencies its layer allows', () => {
    const bad = edges.filter((e) => {
      const from = unitOf(e.from);
      const to = unitOf(e.to);
      return from !== to && !isContract(e) && !(ALLOWED[from] ?? []).includes(to);
    });
    expect(bad.map(describeEdge)).toEqual([]);
    const units = new Set(edges.flatMap((e) => [unitOf(e.from), unitOf(e.to)]));
    expect([...units].filter((u) => !(u in ALLOWED)), 'a new unit needs its line in ALLOWED').toEqual([]);
  });

  it('has no cycle between directories', () => {
    const graph = edges.filter((e) => !isContract(e) && !isException(e)).map((e) => ({ from: unitOf(e.from), to: unitOf(e.to) }));
    expect(cycles(graph)).toEqual([]);
    for (const x of CYCLE_EXCEPTIONS) expect(edges.some((e) => e.from.startsWith(x.from) && e.to === x.to), `stale exception ${x.from} → ${x.to}`).toBe(true);
  });

  it('never lets browser code reach a server-only module', () => {
    const serverOnly = new Set(edges.flatMap((e) => [e.from, e.to]).filter((f) => /^import 'server-only';$/m.test(fs.readFileSync(path.join(ROOT, f), 'utf8'))));
    expect(serverOnly.has('lib/catalogue/run.ts') && serverOnly.has('lib/warehouse/duckdb.ts') && serverOnly.has('queries/index.ts')).toBe(true);
    const runtime = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly) runtime.set(e.from, [...(runtime.get(e.from) ?? []), e.to]);
    const clientEntries = [...new Set(edges.map((e) => e.from))].filter((f) => /^'use client';/m.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(clientEntries.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const entry of clientEntries) {
      const seen = new Set([entry]);
      const stack = [[entry]];
      while (stack.length) {
        const trail = stack.pop()!;
        for (const next of runtime.get(trail.at(-1)!) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          if (serverOnly.has(next)) leaks.push([...trail, next].join(' → '));
          else stack.push([...trail, next]);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('the import graph', () => {
  it('tells type-only imports from runtime ones and resolves @/ and relative paths', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    fs.mkdirSync(path.join(dir, 'lib/a'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'lib/b'));
    fs.writeFileSync(path.join(dir, 'lib/a/x.ts'), "import type { Y } from '@/lib/b/y';\nimport { z } from '../b/z';\nexport const x = () => import('@/lib/b/y');\nimport 'zod';\n");
    fs.writeFileSync(path.join(dir, 'lib/b/y.ts'), "import { type X } from '@/lib/a/x';\nexport type Y = X;\n");
    fs.writeFileSync(path.join(dir, 'lib/b/z.ts'), 'export const z = 1;\n');
    const found = importEdges(dir, ['lib']);
    expect(found).toEqual(expect.arrayContaining([
      { from: 'lib/a/x.ts', to: 'lib/b/y.ts', typeOnly: true },
      { from: 'lib/a/x.ts', to: 'lib/b/z.ts', typeOnly: false },
      { from: 'lib/a/x.ts', to: 'lib/b/y.ts', typeOnly: false },
      { from: 'lib/b/y.ts', to: 'lib/a/x.ts', typeOnly: true },
    ]));
    expect(found).toHaveLength(4);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names each cycle once, with every unit in it', () => {
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }, { from: 'd', to: 'e' }])).toEqual([['a', 'b', 'c']]);
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toEqual([]);
    expect(unitOf('lib/ops/prepare-kpis.ts')).toBe('lib/ops');
    expect(unitOf('lib/config.ts')).toBe('lib/config');
    expect(unitOf('components/chart-card.tsx')).toBe('components');
    expect(unitOf('app/api/queries/[id]/route.ts')).toBe('app');
  });
});
