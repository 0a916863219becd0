import 'server-only';
import { z } from 'zod';
import { getConfig, type AppConfig } from '@/lib/config';
import { commonFilterShape, filterParams, resolveWindow, type TimeWindow } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { InvalidParams, type Problem } from '@/lib/catalogue/run';
import { resolveTables } from '@/lib/catalogue/tables';
import { getWarehouse } from '@/lib/engine';
import type { Params, Row, Warehouse } from '@/lib/warehouse/types';
import { DETAIL_SQL, PAYLOAD_SQL } from './detail-sql';
import { now as clockNow } from '@/lib/time/clock';

export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface DetailLookup {
  id: string;
  endpoint: string | null;
  window: TimeWindow;
}

const lookupShape = z.object({
  range: commonFilterShape.range,
  from: commonFilterShape.from,
  to: commonFilterShape.to,
  endpoint: commonFilterShape.endpoint,
}).strip();

/**
 * Which request and where to look. Without a window the whole retention is searched (the
 * permalink carries only the id and endpoint); request_date still prunes files on Databricks.
 */
export function parseLookup(id: string, search: URLSearchParams, config: AppConfig = getConfig(), now = clockNow()): DetailLookup {
  const problems: Problem[] = [];
  if (!REQUEST_ID.test(id)) problems.push({ path: 'id', message: 'expected a databricks_request_id' });
  const parsed = lookupShape.safeParse(Object.fromEntries(search));
  if (!parsed.success) for (const i of parsed.error.issues) problems.push({ path: i.path.join('.'), message: i.message });
  if (problems.length || !parsed.success) throw new InvalidParams(problems);
  const input = parsed.data.range || parsed.data.from || parsed.data.to ? parsed.data : { ...parsed.data, range: `${config.maxRangeDays}d` };
  const win = resolveWindow(input, config.maxRangeDays, now);
  if (!win.ok) throw new InvalidParams(win.problems);
  return { id, endpoint: parsed.data.endpoint ?? null, window: win.window };
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
  const sql = renderSql(template, rawContext(tables, lookup.endpoint));
  const params = { ...filterParams({ endpoint: lookup.endpoint ?? undefined }, lookup.window), request_id: lookup.id };
  const { rows, durationMs } = await warehouse.run(sql, params, { signal: options.signal, userAccessToken: options.userAccessToken, label: options.label });
  return { row: rows[0] ?? null, sql, params, durationMs, engine: warehouse.engine };
}

export const loadDetail = (lookup: DetailLookup, options: { signal?: AbortSignal; userAccessToken?: string } = {}) =>
  runOne(DETAIL_SQL, lookup, { ...options, label: 'inspector-detail' });

export const loadPayload = (lookup: DetailLookup, options: { signal?: AbortSignal; userAccessToken?: string } = {}) =>
  runOne(PAYLOAD_SQL, lookup, { ...options, label: 'inspector-payload' });
