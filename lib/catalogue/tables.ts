import 'server-only';
import { ENDPOINT_NAME, TABLE_NAME, endpointFromTable, type AppConfig, type PayloadTable } from '@/lib/config';
import { PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import type { Params, Warehouse } from '@/lib/warehouse/types';
import { billingTables, type BillingTables } from '@/lib/finance/sql';
import type { FactsChoice } from '@/lib/rollups/facts';

/** The tables one query run can read; every name here passed TABLE_NAME validation. */
export interface ResolvedTables {
  payload: PayloadTable[];
  endpointUsage: string;
  servedEntities: string;
  /** False once endpoint_usage proved unreadable; `{{request_tokens}}` then reads payloads only. */
  endpointUsageReadable?: boolean;
  /** system.billing tables for reconciliation, when configured. */
  billing?: BillingTables | null;
  /** Whether `{{requests}}` reads the built request facts (lib/rollups/facts.ts); raw when absent. */
  facts?: FactsChoice;
  /** Where the hourly rollup tables are, when a query may read them for its window; null: compute them. */
  aggregates?: { catalog: string } | null;
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

const payloadColumnList = PAYLOAD_COLUMNS.map((c) => c.name).join(', ');

/**
 * All payload tables as one relation with an `endpoint_name` column. When the query is filtered
 * to one known endpoint only that table is read, so the warehouse never scans the others.
 */
export function payloadRelation(tables: PayloadTable[], endpoint: string | null): string {
  const chosen = endpoint && tables.some((t) => t.endpoint === endpoint) ? tables.filter((t) => t.endpoint === endpoint) : tables;
  if (chosen.length === 0) {
    // No table configured or discovered: an empty relation of the right shape keeps queries valid.
    return `(SELECT CAST(NULL AS STRING) AS endpoint_name, ${PAYLOAD_COLUMNS.map((c) => `${nullOf(c.databricks)} AS ${c.name}`).join(', ')} WHERE 1 = 0)`;
  }
  const branches = chosen.map((t) => `SELECT '${t.endpoint}' AS endpoint_name, ${payloadColumnList} FROM ${t.table}`);
  return `(\n    ${branches.join('\n    UNION ALL\n    ')}\n  )`;
}

// `split` gives a typed NULL array on both engines, where the cast syntax for arrays differs.
function nullOf(type: string): string {
  return type.startsWith('ARRAY') ? `split(CAST(NULL AS STRING), ',')` : `CAST(NULL AS ${type})`;
}

/** served_entities keeps one row per change; joins must see only the latest row of each id. */
export function servedEntitiesLatestRelation(table: string): string {
  return `(SELECT * FROM (SELECT se_all.*, row_number() OVER (PARTITION BY served_entity_id ORDER BY change_time DESC) AS se_rank FROM ${table} se_all) se_ranked WHERE se_rank = 1)`;
}
