import 'server-only';
import type { AppConfig } from '@/lib/config';
import { checkAllTables } from '@/lib/catalogue/tables';
import type { TableStatus } from '@/lib/warehouse/table-health';
import { grantForError, readGrants } from '@/lib/deploy/grants';
import { databricksStateSql, rollupVersion } from '@/lib/rollups/build';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface Check { check: string; status: CheckStatus; detail: string }

function reason(err: unknown): string {
  return err instanceof WarehouseError ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Whether the rollups in ROLLUP_SCHEMA can be read and are of this definition version. */
async function rollupCheck(schema: string, warehouse: Warehouse, principal: string | undefined): Promise<Check> {
  const check = `rollups ${schema}`;
  try {
    const row = (await warehouse.run(databricksStateSql(schema), {}, { label: 'doctor' })).rows[0];
    if (!row) return { check, status: 'warn', detail: 'no build recorded yet: run the rollup job (databricks.yml) once; panels read the raw tables meanwhile' };
    if (String(row.version) !== rollupVersion()) return { check, status: 'warn', detail: `built by definition version ${String(row.version)}, this is ${rollupVersion()}: run the full build job; panels read the raw tables meanwhile` };
    return { check, status: 'ok', detail: `built at ${String(row.built_at)}, ${String(row.fact_rows)} fact rows, covering up to ${String(row.covers_end)}` };
  } catch (err) {
    const grant = principal ? grantForError(err, principal) ?? (err instanceof WarehouseError && err.kind === 'permission' ? readGrants({ schema }, principal).join('; ') : null) : null;
    return { check, status: 'warn', detail: `${reason(err)}${grant ? ` — fix: ${grant}` : ''} (panels read the raw tables meanwhile)` };
  }
}

const LABEL: Record<TableStatus['role'], string> = { payload: 'payload', endpoint_usage: 'endpoint usage', served_entities: 'served entities' };

/** One line per table: what is wrong with it (the column named) and what to do. */
export function tableCheck(s: TableStatus): Check {
  const check = `${LABEL[s.role]} ${s.table}`;
  if (s.status === 'ok') return { check, status: 'ok', detail: 'readable, expected columns and types present' };
  const effect = s.role === 'payload' ? `skipped: the ${s.endpoint ?? s.table} endpoint is disabled` : 'unavailable: the views that need it say so';
  return { check, status: s.role === 'payload' ? 'fail' : 'warn', detail: `${s.problem ?? 'unusable'} (${effect})${s.fix ? ` — fix: ${s.fix}` : ''}` };
}

/**
 * Connects to the configured warehouse and checks every table: presence, columns and types, and
 * one row read. A bad payload table fails the doctor (its endpoint is disabled) though the rest of
 * the dashboard runs; the system tables only degrade views (they usually need admin rights).
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
  // On Databricks, who the app is, so a missing grant is printed as the exact statement to run.
  let principal: string | undefined;
  if (warehouse.engine === 'databricks') {
    try {
      principal = String((await warehouse.run('SELECT current_user() AS principal', {}, { label: 'doctor' })).rows[0]?.principal ?? '') || undefined;
      checks.push({ check: 'identity', status: 'ok', detail: `queries run as ${principal}${config.databricks?.userAuthorization ? ' (payload queries as each viewer: see deploy/grants.sql for theirs)' : ''}` });
    } catch (err) {
      checks.push({ check: 'identity', status: 'warn', detail: `current_user() failed: ${reason(err)}` });
    }
  }
  let statuses: TableStatus[];
  try {
    statuses = await checkAllTables(config, warehouse, { principal });
  } catch (err) {
    checks.push({ check: 'payload tables', status: 'fail', detail: reason(err) });
    return checks;
  }
  const payload = statuses.filter((s) => s.role === 'payload');
  const usable = payload.filter((s) => s.status === 'ok');
  checks.push({
    check: 'payload tables',
    status: usable.length ? 'ok' : 'fail',
    detail: payload.length
      ? `${usable.length} of ${payload.length} usable${usable.length ? `: ${usable.map((p) => `${p.endpoint} → ${p.table}`).join(', ')}` : ''}`
      : `none ${config.payloadSchema ? `named *_payload in ${config.payloadSchema}` : 'configured'}`,
  });
  checks.push(...statuses.map(tableCheck));
  if (warehouse.engine === 'databricks' && config.rollups.mode === 'auto' && config.rollups.schema) checks.push(await rollupCheck(config.rollups.schema, warehouse, principal));
  return checks;
}

const MARK: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' };

export function formatChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.check.length), 5);
  const lines = checks.map((c) => `${MARK[c.status]}  ${c.check.padEnd(width)}  ${c.detail}`);
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  const fatal = checks.some((c) => c.status === 'fail' && (c.check === 'connect' || c.check === 'payload tables'));
  lines.push('', fatal
    ? `${failed} check(s) failed: the dashboard cannot work until they pass.`
    : failed
      ? `${failed} check(s) failed: the dashboard runs without them (a skipped payload table disables its endpoint).`
      : warned ? `All required checks passed; ${warned} warning(s): views that need those tables will say they are unavailable.` : 'All checks passed.');
  return lines.join('\n');
}
