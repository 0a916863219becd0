import 'server-only';
import { ENDPOINT_NAME, TABLE_NAME, endpointFromTable, type AppConfig, type PayloadTable } from '@/lib/config';
import { logger } from '@/lib/logger';
import type { Params, Warehouse } from '@/lib/warehouse/types';
import { WarehouseError } from '@/lib/warehouse/types';
import { onSourceChange } from '@/lib/warehouse/source-events';
import { servingEndpointTables } from '@/lib/warehouse/databricks-rest';
import { NOT_VISIBLE, assertEndpointUsable, checkTableColumns, knownTableHealth, recordChecked, skippedMessage, type TableStatus } from '@/lib/warehouse/table-health';
import { grantForError, readGrants } from '@/lib/deploy/grants';
import { billingTables, type BillingTables } from '@/lib/finance/sql';
import { payloadUnionSql } from './render';

/** The tables one query run can read; every name here passed TABLE_NAME validation. */
export interface ResolvedTables {
  /** Payload tables every query may read: present, with the expected columns and types. */
  payload: PayloadTable[];
  /** Payload tables left out, each with its reason (the endpoint's panels say it). */
  skipped?: TableStatus[];
  endpointUsage: string;
  servedEntities: string;
  /** system.billing tables for reconciliation, when configured. */
  billing?: BillingTables | null;
}

const DISCOVERY_TTL_MS = 5 * 60_000;
type Discovered = { key: string; at: number; tables: PayloadTable[]; skipped: TableStatus[] } | null;
// On globalThis like the engine itself: the start-up check (instrumentation bundle) and the routes
// (their own bundle) then share one discovery instead of each asking information_schema.
const holder = globalThis as unknown as { __gatewayPayloadTables?: Discovered };

/**
 * Lists `*_payload` tables of a `catalog.schema` through information_schema on either engine, each
 * named by the endpoint that logs to it: on Databricks from the Serving Endpoints API (a table's
 * prefix is chosen when logging is enabled and need not be the endpoint's name), else by prefix.
 */
async function discoverPayloadTables(warehouse: Warehouse, schema: string, config: AppConfig): Promise<PayloadTable[]> {
  const [catalog, schemaName] = schema.split('.') as [string, string];
  const sql = warehouse.engine === 'databricks'
    ? `SELECT table_name FROM ${catalog}.information_schema.tables WHERE table_schema = :schema_name AND table_name LIKE '%\\_payload' ORDER BY table_name`
    : `SELECT table_name FROM information_schema.tables WHERE table_catalog = :catalog_name AND table_schema = :schema_name AND table_name LIKE '%\\_payload' ESCAPE '\\' ORDER BY table_name`;
  const params: Params = warehouse.engine === 'databricks' ? { schema_name: schemaName } : { catalog_name: catalog, schema_name: schemaName };
  const { rows } = await warehouse.run(sql, params, { label: 'discover-payload-tables' });
  const endpoints = warehouse.engine === 'databricks' && config.databricks ? await endpointNames(config) : null;
  return rows
    .map((r) => `${schema}.${String(r.table_name)}`)
    .filter((t) => TABLE_NAME.test(t))
    .map((table) => {
      const named = endpoints?.get(table.toLowerCase());
      return { endpoint: named && ENDPOINT_NAME.test(named) ? named : endpointFromTable(table), table };
    })
    .filter((t) => ENDPOINT_NAME.test(t.endpoint));
}

/** Table → endpoint name from the Serving Endpoints API; null (prefixes then) when it cannot be asked. */
async function endpointNames(config: AppConfig): Promise<Map<string, string> | null> {
  try {
    return (await servingEndpointTables(config.databricks!)).byTable;
  } catch (err) {
    logger.warn('tables.endpoint_names_unavailable', { error: err instanceof Error ? err.message : String(err), hint: 'payload tables are named by their prefix; list them as PAYLOAD_TABLES=name=catalog.schema.table to name them' });
    return null;
  }
}

/**
 * The tables a query reads. Payload tables (configured, or discovered in PAYLOAD_SCHEMA) are
 * checked for their columns and types in one statement per schema and the result kept for five
 * minutes; a table that fails is skipped and named. With `endpoint`, a query filtered to a
 * skipped endpoint fails with that table's reason instead of reading the others.
 */
export async function resolveTables(config: AppConfig, warehouse: Warehouse, opts: { endpoint?: string | null } = {}): Promise<ResolvedTables> {
  const key = config.payloadTables ? `tables:${config.payloadTables.map((t) => `${t.endpoint}=${t.table}`).join(',')}` : `schema:${config.payloadSchema}`;
  const now = performance.now();
  const cached = holder.__gatewayPayloadTables;
  if (!cached || cached.key !== key || now - cached.at > DISCOVERY_TTL_MS) {
    const candidates = config.payloadTables ?? await discoverPayloadTables(warehouse, config.payloadSchema!, config);
    holder.__gatewayPayloadTables = { key, at: now, ...(await checkPayloadTables(warehouse, candidates)) };
  }
  const found = holder.__gatewayPayloadTables!;
  // DATA_DIR folders that never became a table are skipped too, though discovery cannot see them.
  const skipped = [...found.skipped, ...knownTableHealth().filter((s) => s.role === 'payload' && s.status === 'skipped' && !found.skipped.some((f) => f.table === s.table))];
  assertEndpointUsable(skipped, opts.endpoint);
  if (found.tables.length === 0 && skipped.length > 0) {
    throw new WarehouseError(`No payload table can be read: ${skipped.map(skippedMessage).join(' ')}`, 'not_found', { skipped });
  }
  return { payload: found.tables, skipped, endpointUsage: config.endpointUsageTable, servedEntities: config.servedEntitiesTable, billing: billingTables() };
}

/** Splits candidates into usable and skipped by their columns; a failed check keeps them all. */
async function checkPayloadTables(warehouse: Warehouse, candidates: PayloadTable[]): Promise<{ tables: PayloadTable[]; skipped: TableStatus[] }> {
  if (candidates.length === 0) return { tables: [], skipped: [] };
  let statuses: TableStatus[];
  try {
    statuses = await checkTableColumns(warehouse, candidates.map((c) => ({ table: c.table, role: 'payload', endpoint: c.endpoint })));
  } catch (err) {
    // information_schema unreadable (or no connection, as in `npm run rollups -- --print`): read them unchecked.
    logger.warn('tables.check_failed', { error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
    return { tables: candidates, skipped: [] };
  }
  recordChecked(statuses);
  const skipped = statuses.filter((s) => s.status !== 'ok');
  for (const s of skipped) logger.error('tables.skipped', { table: s.table, endpoint: s.endpoint, problem: s.problem, fix: s.fix });
  return { tables: candidates.filter((c) => !skipped.some((s) => s.table === c.table)), skipped };
}

/** Forget discovered tables (tests, or after the data source changes). */
export function resetTableDiscovery(): void {
  holder.__gatewayPayloadTables = null;
}
// Files replaced under a running server: what was discovered over the old ones is forgotten.
onSourceChange(resetTableDiscovery);

/** All payload tables as one parenthesised relation (lib/catalogue/render.ts payloadUnionSql), for rollup builds. */
export function payloadRelation(tables: PayloadTable[], endpoint: string | null): string {
  return `(\n    ${payloadUnionSql(tables, endpoint).split('\n').join('\n    ')}\n  )`;
}

/**
 * Every table's status, checked now: payload tables (through discovery and the column check),
 * each usable one read once (`SELECT 1 … LIMIT 1`), and the two system tables. A payload table
 * found unreadable is skipped from then on, like one of another layout.
 */
export async function checkAllTables(config: AppConfig, warehouse: Warehouse, opts: { principal?: string } = {}): Promise<TableStatus[]> {
  resetTableDiscovery();
  let usable: PayloadTable[] = [];
  let skipped: TableStatus[] = [];
  try {
    const resolved = await resolveTables(config, warehouse);
    usable = resolved.payload;
    skipped = resolved.skipped ?? [];
  } catch (err) {
    const detail = err instanceof WarehouseError ? (err.detail as { skipped?: TableStatus[] } | undefined) : undefined;
    if (!detail?.skipped) throw err;
    skipped = detail.skipped;
  }
  const out: TableStatus[] = [...skipped];
  for (const p of usable) {
    const status = await readable(warehouse, { role: 'payload', table: p.table, endpoint: p.endpoint }, opts.principal);
    if (status.status !== 'ok') {
      const found = holder.__gatewayPayloadTables;
      if (found) {
        found.tables = found.tables.filter((t) => t.table !== p.table);
        found.skipped = [...found.skipped, status];
      }
    }
    out.push(status);
  }
  const system = [
    { role: 'endpoint_usage' as const, table: config.endpointUsageTable },
    { role: 'served_entities' as const, table: config.servedEntitiesTable },
  ];
  for (const t of system) {
    const cached = knownTableHealth().find((s) => s.table === t.table && s.status !== 'ok');
    if (cached) {
      out.push(cached);
      continue;
    }
    let status: TableStatus;
    try {
      [status] = (await checkTableColumns(warehouse, [t])) as [TableStatus];
    } catch (err) {
      const grant = opts.principal ? grantForError(err, opts.principal) : null;
      status = { ...t, status: 'unavailable', problem: `cannot be described (${reasonOf(err)})`, fix: grant ?? `grant USE CATALOG and USE SCHEMA on ${t.table.split('.').slice(0, 2).join('.')} to the app` };
    }
    out.push(status.status === 'ok' ? await readable(warehouse, status, opts.principal) : status);
  }
  // Knowing who the app is, a table it cannot see gets the exact statements that would show it.
  const principal = opts.principal;
  const withGrants = principal
    ? out.map((s) => (s.status !== 'ok' && s.problem === NOT_VISIBLE ? { ...s, fix: readGrants({ table: s.table }, principal).join('; ') } : s))
    : out;
  recordChecked(withGrants);
  return withGrants;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Reads one row; an error makes the table skipped (payload) or unavailable (system), with the grant to give. */
async function readable(warehouse: Warehouse, t: Omit<TableStatus, 'status'>, principal?: string): Promise<TableStatus> {
  try {
    await warehouse.run(`SELECT 1 AS readable FROM ${t.table} LIMIT 1`, {}, { label: 'table-check' });
    return { ...t, status: 'ok' };
  } catch (err) {
    const permission = err instanceof WarehouseError && err.kind === 'permission';
    // Databricks says which privilege is missing ("does not have USE SCHEMA on Schema 'system.serving'").
    const grant = principal ? grantForError(err, principal) : null;
    return {
      ...t,
      status: t.role === 'payload' ? 'skipped' : 'unavailable',
      problem: `cannot be read (${reasonOf(err)})`,
      fix: grant ?? (permission
        ? `grant USE CATALOG, USE SCHEMA and SELECT on ${t.table} to the app (deploy/grants.sql)`
        : warehouse.engine === 'duckdb' ? 're-export the table: a file is truncated or not Parquet' : 'check the table in Catalog Explorer'),
    };
  }
}
