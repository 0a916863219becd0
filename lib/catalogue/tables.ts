import 'server-only';
import { ENDPOINT_NAME, TABLE_NAME, endpointFromTable, type AppConfig, type PayloadTable } from '@/lib/config';
import type { Params, Warehouse } from '@/lib/warehouse/types';
import { billingTables, type BillingTables } from '@/lib/finance/sql';
import { payloadUnionSql } from './render';

/** The tables one query run can read; every name here passed TABLE_NAME validation. */
export interface ResolvedTables {
  payload: PayloadTable[];
  endpointUsage: string;
  servedEntities: string;
  /** system.billing tables for reconciliation, when configured. */
  billing?: BillingTables | null;
}

const DISCOVERY_TTL_MS = 5 * 60_000;
type Discovered = { key: string; at: number; tables: PayloadTable[] } | null;
// On globalThis like the engine itself: the start-up check (instrumentation bundle) and the routes
// (their own bundle) then share one discovery instead of each asking information_schema.
const holder = globalThis as unknown as { __gatewayPayloadTables?: Discovered };

/** Lists `*_payload` tables of a `catalog.schema` through information_schema on either engine. */
async function discoverPayloadTables(warehouse: Warehouse, schema: string): Promise<PayloadTable[]> {
  const [catalog, schemaName] = schema.split('.') as [string, string];
  const sql = warehouse.engine === 'databricks'
    ? `SELECT table_name FROM ${catalog}.information_schema.tables WHERE table_schema = :schema_name AND table_name LIKE '%\\_payload' ORDER BY table_name`
    : `SELECT table_name FROM information_schema.tables WHERE table_catalog = :catalog_name AND table_schema = :schema_name AND table_name LIKE '%\\_payload' ESCAPE '\\' ORDER BY table_name`;
  const params: Params = warehouse.engine === 'databricks' ? { schema_name: schemaName } : { catalog_name: catalog, schema_name: schemaName };
  const { rows } = await warehouse.run(sql, params, { label: 'discover-payload-tables' });
  return rows
    .map((r) => `${schema}.${String(r.table_name)}`)
    .filter((t) => TABLE_NAME.test(t))
    .map((table) => ({ endpoint: endpointFromTable(table), table }))
    .filter((t) => ENDPOINT_NAME.test(t.endpoint));
}

export async function resolveTables(config: AppConfig, warehouse: Warehouse): Promise<ResolvedTables> {
  let payload = config.payloadTables;
  if (!payload) {
    const schema = config.payloadSchema!;
    const now = performance.now();
    const cached = holder.__gatewayPayloadTables;
    if (!cached || cached.key !== schema || now - cached.at > DISCOVERY_TTL_MS) {
      holder.__gatewayPayloadTables = { key: schema, at: now, tables: await discoverPayloadTables(warehouse, schema) };
    }
    payload = holder.__gatewayPayloadTables!.tables;
  }
  return { payload, endpointUsage: config.endpointUsageTable, servedEntities: config.servedEntitiesTable, billing: billingTables() };
}

/** Forget discovered tables (tests, or after the data source changes). */
export function resetTableDiscovery(): void {
  holder.__gatewayPayloadTables = null;
}

/** All payload tables as one parenthesised relation (lib/catalogue/render.ts payloadUnionSql), for rollup builds. */
export function payloadRelation(tables: PayloadTable[], endpoint: string | null): string {
  return `(\n    ${payloadUnionSql(tables, endpoint).split('\n').join('\n    ')}\n  )`;
}
