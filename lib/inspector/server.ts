import 'server-only';
import { z } from 'zod';
import { getConfig, type AppConfig } from '@/lib/config';
import { commonFilterShape, filterParams, resolveWindow, type TimeWindow } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { InvalidParams, type Problem } from '@/lib/catalogue/run';
import { resolveTables } from '@/lib/catalogue/tables';
import { getWarehouse } from '@/lib/engine';
import { WarehouseError, type Params, type Row, type Warehouse } from '@/lib/warehouse/types';
import { DETAIL_SQL, PAYLOAD_SQL } from './detail-sql';
import { now as clockNow } from '@/lib/time/clock';

export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface DetailLookup {
  id: string;
  endpoint: string | null;
  /** The windows to search, in order, until the request is found: each one prunes by request_date. */
  windows: TimeWindow[];
  /** The widest of them (what a caller that needs one window reads). */
  window: TimeWindow;
}

const lookupShape = z.object({
  range: commonFilterShape.range,
  from: commonFilterShape.from,
  to: commonFilterShape.to,
  endpoint: commonFilterShape.endpoint,
  // When the request was received (links carry it): a day either side is searched.
  at: commonFilterShape.from,
}).strip();

const DAY = 86_400_000;
/** Without a time, the newest days first: most permalinks point at recent requests. */
const WIDENING_DAYS = [2, 14];

/**
 * Which request and where to look: around `at` when the link carries it, in the range or
 * from/to given, else the last two days, then two weeks, then the whole retention — each search
 * bounded by request_date, so a permalink does not read every day of every table at once.
 */
export function parseLookup(id: string, search: URLSearchParams, config: AppConfig = getConfig(), now = clockNow()): DetailLookup {
  const problems: Problem[] = [];
  if (!REQUEST_ID.test(id)) problems.push({ path: 'id', message: 'expected a databricks_request_id' });
  const parsed = lookupShape.safeParse(Object.fromEntries(search));
  if (!parsed.success) for (const i of parsed.error.issues) problems.push({ path: i.path.join('.'), message: i.message });
  if (problems.length || !parsed.success) throw new InvalidParams(problems);
  const { at, ...rest } = parsed.data;
  const resolve = (input: { range?: string; from?: string; to?: string }) => {
    const win = resolveWindow(input, config.maxRangeDays, now);
    if (!win.ok) throw new InvalidParams(win.problems);
    return win.window;
  };
  const endpoint = parsed.data.endpoint ?? null;
  if (rest.range || rest.from || rest.to) {
    const window = resolve(rest);
    return { id, endpoint, window, windows: [window] };
  }
  if (at) {
    const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(at) ? at : `${at.replace(' ', 'T')}Z`);
    const window = resolve({ from: new Date(t - DAY).toISOString(), to: new Date(t + DAY).toISOString() });
    return { id, endpoint, window, windows: [window] };
  }
  const windows = [...WIDENING_DAYS.filter((d) => d < config.maxRangeDays), config.maxRangeDays].map((d) => resolve({ range: `${d}d` }));
  return { id, endpoint, window: windows.at(-1)!, windows };
}

export interface SqlRun {
  row: Row | null;
  sql: string;
  params: Params;
  durationMs: number;
  engine: Warehouse['engine'];
}

async function runOne(template: string, lookup: DetailLookup, options: { signal?: AbortSignal; userAccessToken?: string; label: string }): Promise<SqlRun> {
  const warehouse = await getWarehouse();
  const tables = await resolveTables(getConfig(), warehouse, { endpoint: lookup.endpoint });
  let ctx = rawContext(tables, lookup.endpoint);
  let durationMs = 0;
  let last: SqlRun | null = null;
  for (const window of lookup.windows) {
    const params = { ...filterParams({ endpoint: lookup.endpoint ?? undefined }, window), request_id: lookup.id };
    let sql = renderSql(template, ctx);
    let ran;
    try {
      ran = await warehouse.run(sql, params, { signal: options.signal, userAccessToken: options.userAccessToken, label: options.label });
    } catch (err) {
      // Without a grant on the system tables, the request is still shown: no usage row, entities by id.
      if (!(err instanceof WarehouseError && (err.kind === 'permission' || err.kind === 'not_found')) || ctx.usage === 'none') throw err;
      ctx = { ...ctx, usage: 'none', servedEntities: 'none' };
      sql = renderSql(template, ctx);
      ran = await warehouse.run(sql, params, { signal: options.signal, userAccessToken: options.userAccessToken, label: options.label });
    }
    durationMs += ran.durationMs;
    last = { row: ran.rows[0] ?? null, sql, params, durationMs, engine: warehouse.engine };
    if (last.row) break;
  }
  return last!;
}

export const loadDetail = (lookup: DetailLookup, options: { signal?: AbortSignal; userAccessToken?: string } = {}) =>
  runOne(DETAIL_SQL, lookup, { ...options, label: 'inspector-detail' });

export const loadPayload = (lookup: DetailLookup, options: { signal?: AbortSignal; userAccessToken?: string } = {}) =>
  runOne(PAYLOAD_SQL, lookup, { ...options, label: 'inspector-payload' });
