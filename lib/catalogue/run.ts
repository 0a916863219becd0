import 'server-only';
import { z } from 'zod';
import { getConfig, type AppConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { WarehouseError, type EngineName, type Params, type Row, type Warehouse } from '@/lib/warehouse/types';
import type { AnyQuery } from './define';
import { cacheTtlMs } from './cache-policy';
import { commonFilterShape, parseSqlTimestamp, resolveWindow, sqlTimestamp, type TimeWindow } from './filters';
import { chooseFacts } from '@/lib/rollups/facts';
import { aggregateSpan } from '@/lib/rollups/aggregates';
import { currentRollups, type RollupState } from '@/lib/rollups/state';
import { logger } from '@/lib/logger';
import { hasSql, loadSql, readsPayload, renderSql } from './render';
import { resolveTables } from './tables';
import { now as clockNow } from '@/lib/time/clock';

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

export interface QueryResult {
  queryId: string;
  rows: Row[];
  sql: string;
  params: Params;
  engine: EngineName;
  durationMs: number;
  /** engine: ran now; cache: an earlier identical result; shared: joined one already running. */
  source: 'engine' | 'cache' | 'shared';
  window: { start: string; end: string } | null;
  /** The dashboard's clock when the query was asked: what "still arriving" and ages count from. */
  now: string;
  /** For queries over `{{request_tokens}}`: whether token counts could use endpoint_usage. */
  endpointUsage?: 'readable' | 'unreadable';
}

const USAGE_RETRY_MS = 5 * 60_000;
/** endpoint_usage tables found unreadable by the app's own identity, and when to try again. */
const unreadableUsage = new Map<string, number>();

const usesRequestTokens = (template: string) => /\{\{\s*(requests|request_tokens|priced_requests)\s*\}\}/.test(template);
const isUnreadable = (err: unknown) => err instanceof WarehouseError && (err.kind === 'permission' || err.kind === 'not_found');

export interface ParsedQueryInput {
  input: Record<string, unknown>;
  window: TimeWindow;
  /** The dashboard's clock when the window was resolved (lib/time/clock.ts). */
  now: Date;
}

/** Validates a query string against the shared filters and the query's own parameters. */
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

/** Binds, renders and runs one catalogue query; rows are checked against its schema. */
export async function runQuery(
  def: AnyQuery,
  parsed: ParsedQueryInput,
  options: { signal?: AbortSignal; userAccessToken?: string; warehouse?: Warehouse; config?: AppConfig } = {},
): Promise<QueryResult> {
  const warehouse = options.warehouse ?? (await getWarehouse());
  const config = options.config ?? getConfig();
  const resolved = await resolveTables(config, warehouse);
  const bound = def.bind(parsed.input as never, { window: parsed.window });
  const endpoint = typeof parsed.input.endpoint === 'string' ? parsed.input.endpoint : null;

  /** One run: over the rollups when given and they apply (lib/rollups), else the raw tables. */
  const attempt = async (rollups: RollupState | null) => {
    let params = bound;
    // Request facts when they cover the window; the rest of a window reads raw rows.
    const facts = chooseFacts(rollups?.facts ?? null, parsed.window);
    if (facts.mode === 'hybrid') params = { ...params, lens_covers_end: sqlTimestamp(facts.coversEnd) };
    // Hourly rollup tables for the whole hours of the window, when the query has a variant over
    // them that applies to these parameters. They have no requester dimension.
    const useAggregates = rollups !== null && def.rollup?.(params) === true && params.requester == null;
    if (useAggregates) {
      // The query's own bounds when its binding moved them (month to date starts on the 1st).
      const start = parseSqlTimestamp(params.start_time) ?? parsed.window.start;
      const end = parseSqlTimestamp(params.end_time) ?? parsed.window.end;
      const span = aggregateSpan({ start, end }, rollups.facts.coversEnd);
      params = { ...params, lens_agg_start: sqlTimestamp(span.start), lens_agg_end: sqlTimestamp(span.end) };
    }
    const tables = { ...resolved, facts, aggregates: useAggregates ? { catalog: rollups.catalog } : null };
    // A `.rollup.sql` variant when there is one; otherwise the query's placeholders adapt.
    const template = loadSql(useAggregates && hasSql(`${def.id}.rollup`) ? `${def.id}.rollup` : def.id);
    const runOptions = {
      signal: options.signal,
      userAccessToken: readsPayload(template) ? options.userAccessToken : undefined,
      label: def.id,
      cacheTtlMs: cacheTtlMs(parsed.window, parsed.now.getTime()),
    };
    let sql = renderSql(template, tables, endpoint);
    let endpointUsage: QueryResult['endpointUsage'];
    let ran: Awaited<ReturnType<Warehouse['run']>>;
    // (Only a read of endpoint_usage can fail for it; built facts already hold what it had.)
    if (usesRequestTokens(template) && facts.mode !== 'facts') {
      // endpoint_usage usually needs admin rights: when it cannot be read, tokens come from payloads alone.
      const cacheKey = runOptions.userAccessToken ? null : tables.endpointUsage;
      const knownUnreadable = cacheKey !== null && (unreadableUsage.get(cacheKey) ?? 0) > performance.now();
      const fallback = () => renderSql(template, { ...tables, endpointUsageReadable: false }, endpoint);
      if (knownUnreadable) {
        sql = fallback();
        endpointUsage = 'unreadable';
        ran = await warehouse.run(sql, params, runOptions);
      } else {
        try {
          ran = await warehouse.run(sql, params, runOptions);
          endpointUsage = 'readable';
        } catch (err) {
          if (!isUnreadable(err)) throw err;
          sql = fallback();
          ran = await warehouse.run(sql, params, runOptions);
          endpointUsage = 'unreadable';
          if (cacheKey !== null) unreadableUsage.set(cacheKey, performance.now() + USAGE_RETRY_MS);
        }
      }
    } else {
      ran = await warehouse.run(sql, params, runOptions);
    }
    return { ran, sql, params, endpointUsage };
  };

  const rollups = await currentRollups(config, warehouse);
  let outcome: Awaited<ReturnType<typeof attempt>>;
  try {
    outcome = await attempt(rollups);
  } catch (err) {
    // A viewer (or the app) without SELECT on the rollup tables still gets the raw tables' answer.
    if (rollups === null || !isUnreadable(err)) throw err;
    logger.warn('rollups.unreadable', { query: def.id, error: (err as Error).message });
    outcome = await attempt(null);
  }
  const { ran, sql, params, endpointUsage } = outcome;
  const { rows, durationMs, source } = ran;
  const checked = z.array(def.row).safeParse(rows);
  if (!checked.success) throw new RowShapeError(def.id, checked.error.issues);
  return {
    queryId: def.id,
    rows: (def.post ? def.post(checked.data) : checked.data) as Row[],
    sql,
    params,
    engine: warehouse.engine,
    durationMs,
    source: source ?? 'engine',
    window: { start: parsed.window.start.toISOString(), end: parsed.window.end.toISOString() },
    now: parsed.now.toISOString(),
    ...(endpointUsage ? { endpointUsage } : {}),
  };
}
