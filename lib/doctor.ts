import type { AppConfig } from '@/lib/config';
import { checkAllTables } from '@/lib/catalogue/tables';
import type { TableStatus } from '@/lib/catalogue/table-health';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface Check { check: string; status: CheckStatus; detail: string }

function reason(err: unknown): string {
  return err instanceof WarehouseError ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message.split('\n')[0]! : String(err);
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
  let statuses: TableStatus[];
  try {
    statuses = await checkAllTables(config, warehouse);
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
