import 'server-only';
import { CATALOGUE } from '@/queries';
import type { AppConfig, PayloadTable } from '@/lib/config';
import { planQuery } from '@/lib/catalogue/plan';
import { hasSql, loadSql, renderStatement } from '@/lib/catalogue/render';
import { parseQueryInput } from '@/lib/catalogue/run';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { DATABRICKS_SETTLE_HOURS, ROLLUP_TABLES, databricksStatements, rollupVersion } from '@/lib/rollups/build';
import type { RollupState } from '@/lib/rollups/state';
import { describeReads, readsRawWindow, statementReads, type StatementReads } from './plan-reads';

/** Where the plan mode imagines the tables: names only, no warehouse is asked. */
export const PLAN_SCHEMA = { payload: 'main.gateway', rollups: 'main.lens', endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' } as const;

/** The tables of a Databricks workspace logging `endpoints`, as resolveTables would find them. */
export function planTables(endpoints: readonly string[]): ResolvedTables {
  const payload: PayloadTable[] = endpoints.map((endpoint) => ({ endpoint, table: `${PLAN_SCHEMA.payload}.${endpoint}_payload` }));
  return { payload, skipped: [], endpointUsage: PLAN_SCHEMA.endpointUsage, servedEntities: PLAN_SCHEMA.servedEntities, billing: null };
}

/** Rollups as a scheduled refresh leaves them: complete up to two hours before the hour the build started. */
export function planRollups(now: Date): RollupState {
  const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  return {
    facts: { table: `${PLAN_SCHEMA.rollups}.${ROLLUP_TABLES.facts}`, textTable: `${PLAN_SCHEMA.rollups}.${ROLLUP_TABLES.text}`, coversEnd: new Date(hour - DATABRICKS_SETTLE_HOURS * 3_600_000) },
    catalog: PLAN_SCHEMA.rollups,
    version: rollupVersion(),
    factRows: 0,
  };
}

/** One API call a page made, as it would run on Databricks. */
export interface PlannedCall {
  /** The API path and query string the page asked for. */
  url: string;
  /** Query id, or the route's name outside the catalogue. */
  route: string;
  /** Warehouse statements the call sends (0 for routes that read no table). */
  statements: number;
  reads: StatementReads | null;
  /** Reads in words (or what the route does when it is not a catalogue query). */
  description: string;
  rawWindow: boolean;
  plan?: string;
}

/** Routes outside the catalogue, by path: how many statements each sends and what they read. */
const OTHER_ROUTES: { test: RegExp; route: string; statements: number; description: string; rawWindow: boolean }[] = [
  { test: /^\/api\/inspector\/requests\/[^/]+\/payload/, route: 'inspector request bodies', statements: 1, description: 'payload tables (a day either side of the request, one row; up to 3 widening statements without a time)', rawWindow: false },
  { test: /^\/api\/inspector\/requests\/[^/]+/, route: 'inspector request detail', statements: 1, description: 'payload tables, endpoint_usage, served_entities (a day either side of the request, one row; up to 3 widening statements without a time)', rawWindow: false },
  { test: /^\/api\/health/, route: 'health', statements: 0, description: 'table health as last checked (no statement)', rawWindow: false },
  { test: /^\/api\/principals/, route: 'principals', statements: 0, description: 'principal names from the SCIM API (no statement)', rawWindow: false },
];

/**
 * Plans one call for a Databricks warehouse with rollups refreshed on schedule, without running
 * anything: the same parse, plan and render steps the route takes (lib/catalogue/run.ts), with
 * the tables named by PLAN_SCHEMA.
 */
export function planCall(url: string, opts: { now: Date; config: AppConfig; tables: ResolvedTables; rollups: RollupState | null }): PlannedCall {
  const u = new URL(url, 'http://plan.invalid');
  const m = /^\/api\/queries\/([a-z0-9-]+)$/.exec(u.pathname);
  if (!m) {
    const other = OTHER_ROUTES.find((r) => r.test.test(u.pathname));
    if (other) return { url: `${u.pathname}${u.search}`, route: other.route, statements: other.statements, reads: null, description: other.description, rawWindow: other.rawWindow };
    return { url: `${u.pathname}${u.search}`, route: u.pathname, statements: 0, reads: null, description: 'no warehouse statement', rawWindow: false };
  }
  const def = CATALOGUE[m[1]!];
  if (!def) throw new Error(`${u.pathname}: not a catalogue query`);
  u.searchParams.delete('format');
  const parsed = parseQueryInput(def, u.searchParams, opts.now, opts.config);
  const endpoint = typeof parsed.input.endpoint === 'string' ? parsed.input.endpoint : null;
  const bound = def.bind(parsed.input as never, { window: parsed.window });
  const planned = planQuery({ def, params: bound, window: parsed.window, tables: opts.tables, endpoint, rollups: opts.rollups, usageUnreadable: false, viewerToken: false, hasVariant: hasSql });
  const statement = renderStatement(loadSql(planned.plan.file.replace(/^queries\//, '').replace(/\.sql$/, '')), planned.render);
  const reads = statementReads(statement.reads, planned.plan.requests);
  return {
    url: `${u.pathname}${u.search}`,
    route: def.id,
    statements: 1,
    reads,
    description: describeReads(reads),
    rawWindow: readsRawWindow(reads),
    plan: planned.plan.file,
  };
}

/** What each statement of the scheduled refresh (`--since-days N`) writes and the days it reads. */
export function refreshSummary(tables: ResolvedTables, sinceDays: number): { target: string; reads: string }[] {
  const statements = databricksStatements({ schema: PLAN_SCHEMA.rollups, source: { payload: 'gateway_lens_payload', endpointUsage: tables.endpointUsage, servedEntities: tables.servedEntities }, sinceDays });
  return statements.map((sql) => {
    const target = /^(?:CREATE OR REPLACE TABLE|INSERT INTO) (\S+)/.exec(sql)?.[1] ?? sql.split('\n')[0]!;
    const reads = sql.startsWith('INSERT INTO') && sql.includes('REPLACE WHERE')
      ? target.endsWith(ROLLUP_TABLES.facts)
        ? `payload rows of the last ${sinceDays} day(s), endpoint_usage from a day before them, served_entities (small); the endpoint names of the payload tables (a constant per table, no data column)`
        : `request facts of the last ${sinceDays} day(s)`
      : target.endsWith(ROLLUP_TABLES.state) ? 'the facts row count (table metadata)' : 'no source table';
    return { target, reads };
  });
}
