import 'server-only';
import type { AppConfig } from '@/lib/config';
import { resolveTables } from '@/lib/catalogue/tables';
import { REQUIRED_COLUMNS } from '@/lib/table-schemas';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface Check { check: string; status: CheckStatus; detail: string }

function columnsSql(engine: Warehouse['engine'], table: string): { sql: string; params: Record<string, string> } {
  const [catalog, schema, name] = table.split('.') as [string, string, string];
  return engine === 'databricks'
    ? { sql: `SELECT column_name FROM ${catalog}.information_schema.columns WHERE table_schema = :schema_name AND table_name = :table_name`, params: { schema_name: schema, table_name: name } }
    : { sql: `SELECT column_name FROM information_schema.columns WHERE table_catalog = :catalog_name AND table_schema = :schema_name AND table_name = :table_name`, params: { catalog_name: catalog, schema_name: schema, table_name: name } };
}

function reason(err: unknown): string {
  return err instanceof WarehouseError ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Whether one table exists, can be read, and has the columns the dashboard's queries use. */
async function checkTable(warehouse: Warehouse, label: string, table: string, required: readonly string[], missingIs: CheckStatus): Promise<Check> {
  try {
    const { sql, params } = columnsSql(warehouse.engine, table);
    const { rows } = await warehouse.run(sql, params, { label: 'doctor' });
    const present = new Set(rows.map((r) => String(r.column_name).toLowerCase()));
    if (present.size === 0) return { check: `${label} ${table}`, status: missingIs, detail: 'not found (or not visible to this identity)' };
    const missing = required.filter((c) => !present.has(c));
    if (missing.length) return { check: `${label} ${table}`, status: 'fail', detail: `missing columns: ${missing.join(', ')}` };
    await warehouse.run(`SELECT 1 AS readable FROM ${table} LIMIT 1`, {}, { label: 'doctor' });
    return { check: `${label} ${table}`, status: 'ok', detail: `readable, ${required.length} expected columns present` };
  } catch (err) {
    return { check: `${label} ${table}`, status: missingIs, detail: reason(err) };
  }
}

/**
 * Connects to the configured warehouse and checks every configured table. Payload tables are
 * required; the system tables only degrade views (they usually need admin rights).
 */
export async function runDoctor(config: AppConfig, warehouse: Warehouse): Promise<Check[]> {
  const checks: Check[] = [];
  const engineLabel = config.engine === 'databricks' ? `Databricks ${config.databricks?.host}${config.databricks?.httpPath} (${config.databricks?.auth.kind})` : `embedded DuckDB (${config.duckdb.dataDir ? `DATA_DIR ${config.duckdb.dataDir}` : `demo ${config.duckdb.demoPath}`})`;
  try {
    const started = performance.now();
    await warehouse.run('SELECT 1 AS ok', {}, { label: 'doctor' });
    checks.push({ check: 'connect', status: 'ok', detail: `${engineLabel}, ${Math.round(performance.now() - started)} ms` });
  } catch (err) {
    checks.push({ check: 'connect', status: 'fail', detail: `${engineLabel}: ${reason(err)}` });
    return checks;
  }
  let payload: { endpoint: string; table: string }[] = [];
  try {
    payload = (await resolveTables(config, warehouse)).payload;
    checks.push({
      check: 'payload tables',
      status: payload.length ? 'ok' : 'fail',
      detail: payload.length ? payload.map((p) => `${p.endpoint} → ${p.table}`).join(', ') : `none ${config.payloadSchema ? `named *_payload in ${config.payloadSchema}` : 'configured'}`,
    });
  } catch (err) {
    checks.push({ check: 'payload tables', status: 'fail', detail: reason(err) });
  }
  for (const p of payload) checks.push(await checkTable(warehouse, 'payload', p.table, REQUIRED_COLUMNS.payload, 'fail'));
  checks.push(await checkTable(warehouse, 'endpoint usage', config.endpointUsageTable, REQUIRED_COLUMNS.endpointUsage, 'warn'));
  checks.push(await checkTable(warehouse, 'served entities', config.servedEntitiesTable, REQUIRED_COLUMNS.servedEntities, 'warn'));
  return checks;
}

const MARK: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' };

export function formatChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.check.length), 5);
  const lines = checks.map((c) => `${MARK[c.status]}  ${c.check.padEnd(width)}  ${c.detail}`);
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  lines.push('', failed ? `${failed} check(s) failed: the dashboard cannot work until they pass.` : warned ? `All required checks passed; ${warned} warning(s): views that need those tables will say they are unavailable.` : 'All checks passed.');
  return lines.join('\n');
}
