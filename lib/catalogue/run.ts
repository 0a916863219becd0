import 'server-only';
import { z } from 'zod';
import { getConfig, type AppConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { WarehouseError, type EngineName, type Params, type Row, type Warehouse } from '@/lib/warehouse/types';
import { currentRollups, type RollupState } from '@/lib/rollups/state';
import { logger } from '@/lib/logger';
import { now as clockNow } from '@/lib/time/clock';
import type { AnyQuery } from './define';
import { cacheTtlMs } from './cache-policy';
import { commonFilterShape, resolveWindow, type TimeWindow } from './filters';
import { describePlan, planQuery, type Planned, type QueryPlan } from './plan';
import { hasSql, loadSql, renderStatement } from './render';
import { resolveTables, type ResolvedTables } from './tables';

export type Problem = { path: string; message: string };

export class InvalidParams extends Error {
  constructor(readonly problems: Problem[]) {
    super(`Invalid parameters: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidParams';
  }
}

/** Rows that do not match the query's row schema: a bug in the catalogue, not the caller's fault. */
export class RowShapeError extends Error {
  constructor(readonly queryId: string, readonly issues: z.core.$ZodIssue[]) {
    super(`Rows of ${queryId} do not match its schema`);
    this.name = 'RowShapeError';
  }
}

export interface QueryResult<R = Row> {
  queryId: string;
  rows: R[];
  sql: string;
  params: Params;
  engine: EngineName;
  durationMs: number;
  /** engine: ran now; cache: an earlier identical result; shared: joined one already running. */
  source: 'engine' | 'cache' | 'shared';
  window: { start: string; end: string } | null;
  /** The dashboard's clock when the query was asked: what "still arriving" and ages count from. */
  now: string;
  /** How the query ran: sources, rollups, relations, identity, fallbacks (lib/catalogue/plan.ts). */
  plan: QueryPlan;
  /** For statements that join endpoint_usage rows: whether endpoint_usage could be read. */
  endpointUsage?: 'readable' | 'unreadable';
}

const USAGE_RETRY_MS = 5 * 60_000;
/** endpoint_usage tables found unreadable by the app's own identity, and until when (performance.now()). */
const unreadableUsage = new Map<string, number>();

const isUnreadable = (err: unknown) => err instanceof WarehouseError && (err.kind === 'permission' || err.kind === 'not_found');

export interface ParsedQueryInput {
  input: Record<string, unknown>;
  window: TimeWindow;
  /** The dashboard's clock when the window was resolved (lib/time/clock.ts). */
  now: Date;
}

/** Step 1, validate: a query string against the shared filters and the query's own parameters. */
export function parseQueryInput(def: AnyQuery, raw: URLSearchParams, now = clockNow(), config: AppConfig = getConfig()): ParsedQueryInput {
  const obj: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const key of new Set(raw.keys())) {
    const values = raw.getAll(key);
    if (values.length > 1) problems.push({ path: key, message: 'given more than once' });
    obj[key] = values[0]!;
  }
  const schema = z.object({ ...commonFilterShape, ...def.params }).strict();
  const parsed = schema.safeParse(obj);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) problems.push({ path: k, message: 'unknown parameter' });
      else problems.push({ path: issue.path.join('.') || '(query)', message: issue.message });
    }
  }
  if (problems.length || !parsed.success) throw new InvalidParams(problems);
  const win = resolveWindow(parsed.data, config.maxRangeDays, now);
  if (!win.ok) throw new InvalidParams(win.problems);
  return { input: parsed.data, window: win.window, now };
}

interface RunOptions { signal?: AbortSignal; userAccessToken?: string; warehouse?: Warehouse; config?: AppConfig }

/** What a failed attempt leaves out of the next one. */
interface Retreat { rollups: RollupState | null; usageUnreadable: boolean }

/**
 * Step 5, fall back: when the warehouse refuses a table (no grant, or gone), the source it came
 * from is given up and the plan made again: the rollup tables first (a viewer without SELECT on
 * them still gets the raw tables' answer), then endpoint_usage (usually admin-only: tokens from
 * payloads alone). Null when nothing is left to give up.
 */
function retreat(err: unknown, planned: Planned, current: Retreat): { next: Retreat; reason: string } | null {
  if (!isUnreadable(err)) return null;
  const message = (err as Error).message.toLowerCase();
  const named = (table: string | null | undefined) => Boolean(table) && (message.includes(table!.toLowerCase()) || message.includes(table!.split('.').pop()!.toLowerCase()));
  const usesRollups = planned.plan.requests !== 'raw' || planned.plan.aggregates !== null;
  const readsUsage = planned.plan.endpointUsage === 'read' && planned.plan.requests !== 'facts' && planned.plan.relations.some((r) => r.name === 'usage_rows');
  const blamesUsage = readsUsage && named(planned.render.tables.endpointUsage);
  if (usesRollups && current.rollups && !blamesUsage) {
    return { next: { ...current, rollups: null }, reason: `rollup tables unreadable (${(err as Error).message}): raw tables` };
  }
  if (readsUsage) return { next: { ...current, usageUnreadable: true }, reason: `endpoint_usage unreadable (${(err as Error).message}): tokens from payloads` };
  return null;
}

/**
 * Binds, plans, renders and runs one catalogue query, as named steps: validate (parseQueryInput),
 * plan, render, execute, fall back, check rows, post-process. The plan travels with the result.
 */
export async function runQuery(def: AnyQuery, parsed: ParsedQueryInput, options: RunOptions = {}): Promise<QueryResult> {
  const warehouse = options.warehouse ?? (await getWarehouse());
  const config = options.config ?? getConfig();
  const endpoint = typeof parsed.input.endpoint === 'string' ? parsed.input.endpoint : null;
  // Filtered to an endpoint whose table was skipped (lib/warehouse/table-health.ts): fails with its reason.
  const tables = await resolveTables(config, warehouse, { endpoint });
  const bound = def.bind(parsed.input as never, { window: parsed.window });
  const usageKey = options.userAccessToken ? null : tables.endpointUsage;

  let current: Retreat = {
    rollups: await currentRollups(config, warehouse),
    usageUnreadable: usageKey !== null && (unreadableUsage.get(usageKey) ?? 0) > performance.now(),
  };
  const fallbacks: string[] = [];
  for (;;) {
    // Step 2, plan.
    const planned = makePlan(def, bound, parsed.window, tables, endpoint, current, Boolean(options.userAccessToken));
    // Step 3, render.
    const statement = renderStatement(loadSql(planned.plan.file.replace(/^queries\//, '').replace(/\.sql$/, '')), planned.render);
    const plan: QueryPlan = {
      ...planned.plan,
      relations: statement.relations,
      identity: options.userAccessToken && statement.readsPayloadData ? 'viewer' : 'app',
      fallbacks: [...fallbacks],
    };
    try {
      // Step 4, execute.
      const ran = await warehouse.run(statement.sql, planned.params, {
        signal: options.signal,
        userAccessToken: plan.identity === 'viewer' ? options.userAccessToken : undefined,
        label: def.id,
        cacheTtlMs: cacheTtlMs(parsed.window, parsed.now.getTime()),
      });
      // Steps 6 and 7, check rows and post-process.
      const checked = z.array(def.row).safeParse(ran.rows);
      if (!checked.success) throw new RowShapeError(def.id, checked.error.issues);
      return {
        queryId: def.id,
        rows: (def.post ? def.post(checked.data) : checked.data) as Row[],
        sql: statement.sql,
        params: planned.params,
        engine: warehouse.engine,
        durationMs: ran.durationMs,
        source: ran.source ?? 'engine',
        window: { start: parsed.window.start.toISOString(), end: parsed.window.end.toISOString() },
        now: parsed.now.toISOString(),
        plan,
        ...(statement.relations.some((r) => r.name === 'usage_rows') ? { endpointUsage: plan.endpointUsage === 'read' ? 'readable' as const : 'unreadable' as const } : {}),
      };
    } catch (err) {
      // Step 5, fall back.
      const step = retreat(err, { ...planned, plan }, current);
      if (!step) throw err;
      logger.warn('query.fallback', { query: def.id, reason: step.reason });
      if (step.next.usageUnreadable && !current.usageUnreadable && usageKey !== null) unreadableUsage.set(usageKey, performance.now() + USAGE_RETRY_MS);
      fallbacks.push(step.reason);
      current = step.next;
    }
  }
}

function makePlan(def: AnyQuery, params: Params, window: TimeWindow, tables: ResolvedTables, endpoint: string | null, current: Retreat, viewerToken: boolean): Planned {
  return planQuery({ def, params, window, tables, endpoint, rollups: current.rollups, usageUnreadable: current.usageUnreadable, viewerToken, hasVariant: hasSql });
}

export { describePlan };
