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
import { newestFirstAttempts, newestFirstReason } from './newest-first';
import { describePlan, planQuery, type Planned, type QueryPlan } from './plan';
import { hasSql, loadSql, renderStatement, type RenderContext, type RenderedStatement } from './render';
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
/** System tables found unreadable by the app's own identity, and until when (performance.now()). */
const unreadableTables = new Map<string, number>();

const isUnreadable = (err: unknown) => err instanceof WarehouseError && (err.kind === 'permission' || err.kind === 'not_found');

export interface ParsedQueryInput {
  input: Record<string, unknown>;
  window: TimeWindow;
  /** The dashboard's clock when the window was resolved (lib/time/clock.ts). */
  now: Date;
}

/** Each query's parameter schema, built once (building it cost more than using it). */
const inputSchemas = new WeakMap<AnyQuery, z.ZodType<Record<string, unknown>>>();
function inputSchema(def: AnyQuery): z.ZodType<Record<string, unknown>> {
  let schema = inputSchemas.get(def);
  if (!schema) inputSchemas.set(def, schema = z.object({ ...commonFilterShape, ...def.params }).strict());
  return schema;
}

/**
 * A statement depends only on its template and render context (identifiers and plan choices;
 * values are parameters), so in production, where templates are read once, each plan shape is
 * rendered once. Bounded: an endpoint filter makes a shape per endpoint.
 */
const rendered = new Map<string, RenderedStatement>();
const RENDERED_MAX = 500;
function renderPlanned(file: string, ctx: RenderContext): RenderedStatement {
  if (process.env.NODE_ENV !== 'production') return renderStatement(loadSql(file), ctx);
  const key = `${file}\n${JSON.stringify(ctx)}`;
  let statement = rendered.get(key);
  if (!statement) {
    statement = renderStatement(loadSql(file), ctx);
    rendered.set(key, statement);
    if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  }
  return statement;
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
  const schema = inputSchema(def);
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
interface Retreat {
  rollups: RollupState | null;
  usageUnreadable: boolean;
  servedEntitiesUnreadable: boolean;
  /** Payload tables the identity cannot read (per-viewer grants), left out and named. */
  skippedPayload: string[];
}

/**
 * Step 5, fall back: when the warehouse refuses a table (no grant, or gone), the source it came
 * from is given up and the plan made again. The refused table is told by its name in the error
 * where the warehouse gives it: a payload table (left out, named on the panel), a system table
 * (endpoint_usage: tokens from payloads; served_entities: ids instead of names) or the rollups (the
 * raw tables answer). Unnamed, the rollups go first, then the system tables. Null when nothing is
 * left to give up.
 */
function retreat(err: unknown, planned: Planned, current: Retreat): { next: Retreat; reason: string; named: boolean } | null {
  if (!isUnreadable(err)) return null;
  const text = (err as Error).message;
  // The engine's own words (kept as the error's detail) name the table where the safe message does not.
  const detail = (err as WarehouseError).detail;
  const message = `${text} ${detail instanceof Error ? detail.message : typeof detail === 'string' ? detail : ''}`.toLowerCase();
  const named = (table: string | null | undefined) => Boolean(table) && (message.includes(table!.toLowerCase()) || message.includes(table!.split('.').pop()!.toLowerCase()));
  const { tables } = planned.render;
  const relations = new Set(planned.plan.relations.map((r) => r.name));
  const payload = tables.payload.find((t) => named(t.table));
  // (A table the query is filtered to is the answer itself: its refusal is the panel's error.)
  if (payload && tables.payload.length > 1 && payload.endpoint !== planned.render.endpoint) {
    return { next: { ...current, skippedPayload: [...current.skippedPayload, payload.table] }, reason: `${payload.table} is not readable with this identity (${text}): endpoint ${payload.endpoint} left out`, named: true };
  }
  const usesRollups = current.rollups !== null && (planned.plan.requests !== 'raw' || planned.plan.aggregates !== null);
  const readsUsage = !current.usageUnreadable && (relations.has('usage_rows') || relations.has('unlogged_requests'));
  const readsEntities = !current.servedEntitiesUnreadable && relations.has('served_entities_latest');
  const usage = (sure: boolean) => ({ next: { ...current, usageUnreadable: true }, reason: `${tables.endpointUsage} is not readable with this identity (${text}): tokens and usage_context from the payload tables, requests it alone counted left out`, named: sure });
  const entities = (sure: boolean) => ({ next: { ...current, servedEntitiesUnreadable: true }, reason: `${tables.servedEntities} is not readable with this identity (${text}): served entities shown by id`, named: sure });
  if (readsUsage && named(tables.endpointUsage)) return usage(true);
  if (readsEntities && named(tables.servedEntities)) return entities(true);
  if (usesRollups) return { next: { ...current, rollups: null }, reason: `rollup tables unreadable (${text}): raw tables`, named: false };
  // Unnamed, a guess: tried now, but not remembered for later queries.
  if (readsUsage) return usage(false);
  if (readsEntities) return entities(false);
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
  // What the app's own identity could not read is remembered for a while; a viewer's token always tries.
  const remembered = (table: string) => !options.userAccessToken && (unreadableTables.get(table) ?? 0) > performance.now();
  const remember = (table: string) => {
    if (!options.userAccessToken) unreadableTables.set(table, performance.now() + USAGE_RETRY_MS);
  };

  let current: Retreat = {
    // Under user authorization the rollups (every endpoint's rows, built as the builder) would show
    // a viewer what their own grants do not: they run on the raw tables, as the viewer.
    rollups: options.userAccessToken ? null : await currentRollups(config, warehouse),
    usageUnreadable: remembered(tables.endpointUsage),
    servedEntitiesUnreadable: remembered(tables.servedEntities),
    skippedPayload: [],
  };
  const fallbacks: string[] = [];
  for (;;) {
    // Step 2, plan.
    const planned = makePlan(def, bound, parsed.window, tables, endpoint, current, Boolean(options.userAccessToken));
    // Step 3, render.
    const statement = renderPlanned(planned.plan.file.replace(/^queries\//, '').replace(/\.sql$/, ''), planned.render);
    const plan: QueryPlan = {
      ...planned.plan,
      relations: statement.relations,
      identity: options.userAccessToken && statement.readsPayloadData ? 'viewer' : 'app',
      fallbacks: [...fallbacks],
    };
    try {
      // Step 4, execute: a newest-first page in the newest slice of the window that fills it.
      const need = def.newestFirst?.(planned.params) ?? null;
      const attempts = need === null ? [planned.params] : newestFirstAttempts(planned.params);
      let ran: Awaited<ReturnType<Warehouse['run']>> | null = null;
      let used = planned.params;
      let durationMs = 0;
      for (const params of attempts) {
        used = params;
        ran = await warehouse.run(statement.sql, params, {
          signal: options.signal,
          userAccessToken: plan.identity === 'viewer' ? options.userAccessToken : undefined,
          label: def.id,
          cacheTtlMs: cacheTtlMs(parsed.window, parsed.now.getTime()),
        });
        durationMs += ran.durationMs;
        if (need !== null && ran.rows.length >= need) break;
      }
      if (!ran) throw new Error('no statement ran');
      if (need !== null) plan.reasons = [...plan.reasons, newestFirstReason(used, planned.params, attempts.indexOf(used) + 1)];
      // Steps 6 and 7, check rows and post-process.
      const checked = z.array(def.row).safeParse(ran.rows);
      if (!checked.success) throw new RowShapeError(def.id, checked.error.issues);
      return {
        queryId: def.id,
        rows: (def.post ? def.post(checked.data) : checked.data) as Row[],
        sql: statement.sql,
        params: used,
        engine: warehouse.engine,
        durationMs,
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
      if (step.named && step.next.usageUnreadable && !current.usageUnreadable) remember(tables.endpointUsage);
      if (step.named && step.next.servedEntitiesUnreadable && !current.servedEntitiesUnreadable) remember(tables.servedEntities);
      fallbacks.push(step.reason);
      current = step.next;
    }
  }
}

function makePlan(def: AnyQuery, params: Params, window: TimeWindow, tables: ResolvedTables, endpoint: string | null, current: Retreat, viewerToken: boolean): Planned {
  const readable = current.skippedPayload.length ? { ...tables, payload: tables.payload.filter((t) => !current.skippedPayload.includes(t.table)) } : tables;
  return planQuery({
    def, params, window, tables: readable, endpoint, rollups: current.rollups, viewerToken, hasVariant: hasSql,
    usageUnreadable: current.usageUnreadable, servedEntitiesUnreadable: current.servedEntitiesUnreadable, skippedPayload: current.skippedPayload,
  });
}

export { describePlan };
