import type { EngineName, Warehouse } from '@/lib/warehouse/types';
import { ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS, type ColumnSpec } from '@/lib/table-schemas';
import { WarehouseError } from '@/lib/warehouse/types';

/**
 * Per-table health: whether each table the dashboard reads is there, has the columns it needs and
 * of usable types. A bad payload table is skipped and named (only its endpoint is disabled); a bad
 * system table leaves the views that need it saying why. One check serves start-up, `/api/health`,
 * `npm run doctor`, the DATA_DIR attach and every query's table resolution.
 */
export type TableRole = 'payload' | 'endpoint_usage' | 'served_entities';

export interface TableStatus {
  role: TableRole;
  /** catalog.schema.table as the queries name it (DATA_DIR: lake.inference.<folder>). */
  table: string;
  endpoint?: string;
  /** ok; skipped: a payload table left out of every query; unavailable: a system table that cannot be used. */
  status: 'ok' | 'skipped' | 'unavailable';
  /** What is wrong, naming the column where there is one. */
  problem?: string;
  column?: string;
  /** What to do about it. */
  fix?: string;
}

export const SPECS: Record<TableRole, ColumnSpec[]> = {
  payload: PAYLOAD_COLUMNS,
  endpoint_usage: ENDPOINT_USAGE_COLUMNS,
  served_entities: SERVED_ENTITIES_COLUMNS,
};

/** Columns the queries read; served_entities' config structs are optional (older exports lack them). */
const optional = (role: TableRole, name: string) => role === 'served_entities' && name.endsWith('_config');

type Family = 'string' | 'integer' | 'number' | 'timestamp' | 'date' | 'boolean' | 'string array' | 'map' | 'struct' | 'other';

/** What a column type is, whichever engine named it (`STRING`/`VARCHAR`, `INT`/`INTEGER`, `ARRAY<STRING>`/`VARCHAR[]`…). */
export function typeFamily(type: string): Family {
  const t = type.trim().toUpperCase();
  if (/^(ARRAY<\s*STRING\s*>|VARCHAR\[\]|STRING\[\])$/.test(t)) return 'string array';
  if (/^(ARRAY\b|.*\[\d*\]$)/.test(t)) return 'other';
  if (/^(STRING|VARCHAR|CHAR|TEXT)\b/.test(t)) return 'string';
  if (/^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|LONG|SHORT|BYTE|HUGEINT|U(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/.test(t)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)\b/.test(t)) return 'number';
  if (/^TIMESTAMP/.test(t)) return 'timestamp';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean';
  if (/^(MAP\b|MAP\()/.test(t)) return 'map';
  if (/^(STRUCT\b|STRUCT\()/.test(t)) return 'struct';
  return 'other';
}

const ACCEPTS: Partial<Record<Family, Family[]>> = { number: ['number', 'integer'] };

export interface ColumnProblem {
  column: string;
  problem: string;
  fix: string;
}

export interface ColumnCheck {
  problems: ColumnProblem[];
  /** DuckDB: columns of a compatible but different type, cast to the expected one in the view. */
  casts: { column: string; to: string }[];
}

/**
 * Compares a table's columns (name → type as the engine reports it) with what the dashboard reads.
 * Missing columns and incompatible types are problems; a TIMESTAMP WITH TIME ZONE, a narrower
 * integer or a DECIMAL where a DOUBLE is expected are compatible and, on DuckDB, cast.
 */
export function checkColumns(actual: ReadonlyMap<string, string>, role: TableRole, engine: EngineName): ColumnCheck {
  const problems: ColumnProblem[] = [];
  const casts: ColumnCheck['casts'] = [];
  const lower = new Map([...actual].map(([name, type]) => [name.toLowerCase(), type]));
  const missing: string[] = [];
  for (const spec of SPECS[role]) {
    const type = lower.get(spec.name);
    if (type === undefined) {
      if (!optional(role, spec.name)) missing.push(spec.name);
      continue;
    }
    const want = typeFamily(spec.databricks);
    const got = typeFamily(type);
    const ok = got === want || (ACCEPTS[want] ?? []).includes(got);
    if (!ok && !(want === 'struct' && optional(role, spec.name))) {
      problems.push({
        column: spec.name,
        problem: `column ${spec.name} is ${type.toUpperCase()}, expected ${engine === 'duckdb' ? spec.duckdb : spec.databricks}`,
        fix: `write ${spec.name} as ${spec.databricks} (e.g. CAST(${spec.name} AS ${spec.databricks}) before exporting)`,
      });
    } else if (engine === 'duckdb' && ok && type.toUpperCase() !== spec.duckdb && ['timestamp', 'integer', 'number'].includes(want)) {
      casts.push({ column: spec.name, to: spec.duckdb });
    }
  }
  if (missing.length) problems.unshift(missingColumns(role, [...lower.keys()], missing));
  return { problems, casts };
}

function missingColumns(role: TableRole, present: string[], missing: string[]): ColumnProblem {
  const list = missing.join(', ');
  if (role === 'payload' && !present.includes('request_time') && (present.includes('timestamp_ms') || present.includes('request_metadata'))) {
    return {
      column: missing[0]!,
      problem: `another layout: a legacy inference table (timestamp_ms, request_metadata), not an AI Gateway one; missing ${list}`,
      fix: 'enable AI Gateway inference tables on the endpoint, or leave this table out with PAYLOAD_TABLES',
    };
  }
  if (present.length === 0) {
    return { column: missing[0]!, problem: 'no columns: the table is empty of columns or not visible', fix: 'check the table name and the grants' };
  }
  return {
    column: missing[0]!,
    problem: `missing column${missing.length > 1 ? 's' : ''} ${list}`,
    fix: role === 'payload'
      ? 'export the whole AI Gateway inference table (every column), not a selection'
      : `export the whole ${role === 'endpoint_usage' ? 'system.serving.endpoint_usage' : 'system.serving.served_entities'} table`,
  };
}

// ---------------------------------------------------------------------------------------------
// Statuses known to this process. On globalThis like the engine: the start-up check and the routes
// live in different server bundles.

type Holder = { __gatewayTableHealth?: { attach: TableStatus[]; checked: TableStatus[] } };
const holder = globalThis as unknown as Holder;
const state = () => (holder.__gatewayTableHealth ??= { attach: [], checked: [] });

/** Problems found while attaching the source (DATA_DIR folders that cannot become a table). */
export function recordAttachProblems(statuses: TableStatus[]): void {
  state().attach = statuses;
}

/** The outcome of the last column check of the tables queries read. */
export function recordChecked(statuses: TableStatus[]): void {
  state().checked = statuses;
}

/** Every table status known, attach problems first; one entry per table. */
export function knownTableHealth(): TableStatus[] {
  const seen = new Set<string>();
  const out: TableStatus[] = [];
  for (const s of [...state().attach, ...state().checked]) {
    if (seen.has(s.table)) continue;
    seen.add(s.table);
    out.push(s);
  }
  return out;
}

export function resetTableHealth(): void {
  holder.__gatewayTableHealth = { attach: [], checked: [] };
}

/** The message a panel of a disabled endpoint shows: the table, the column and the fix. */
export function skippedMessage(s: TableStatus): string {
  return `The ${s.endpoint ?? s.table} endpoint is disabled: its table ${s.table} was skipped (${s.problem ?? 'unusable'})${s.fix ? `. Fix: ${s.fix}` : ''}.`;
}

/** Throws the skipped endpoint's reason when a query is filtered to it. */
export function assertEndpointUsable(skipped: readonly TableStatus[], endpoint: string | null | undefined): void {
  if (!endpoint) return;
  const hit = skipped.find((s) => s.endpoint === endpoint);
  if (hit) throw new WarehouseError(skippedMessage(hit), 'not_found', { table: hit.table, problem: hit.problem });
}

// ---------------------------------------------------------------------------------------------

/** Column names and types of `tables` (all in one catalog.schema), in one statement on either engine. */
export async function describeTables(warehouse: Warehouse, schema: string, tables: string[]): Promise<Map<string, Map<string, string>>> {
  const [catalog, schemaName] = schema.split('.') as [string, string];
  const names = tables.map((t) => t.split('.').pop()!);
  const params: Record<string, string> = { schema_name: schemaName };
  names.forEach((n, i) => { params[`t${i}`] = n; });
  const inList = names.map((_, i) => `:t${i}`).join(', ');
  const sql = warehouse.engine === 'databricks'
    ? `SELECT table_name, column_name, full_data_type AS data_type FROM ${catalog}.information_schema.columns WHERE table_schema = :schema_name AND table_name IN (${inList})`
    : `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_catalog = :catalog_name AND table_schema = :schema_name AND table_name IN (${inList})`;
  if (warehouse.engine !== 'databricks') params.catalog_name = catalog;
  const { rows } = await warehouse.run(sql, params, { label: 'table-columns' });
  const out = new Map<string, Map<string, string>>(names.map((n) => [n.toLowerCase(), new Map()]));
  for (const r of rows) out.get(String(r.table_name).toLowerCase())?.set(String(r.column_name), String(r.data_type));
  return out;
}

/**
 * Checks each table's columns; tables grouped by catalog.schema so each schema costs one
 * statement. A table with no visible column is reported as not found (or not visible).
 */
export async function checkTableColumns(
  warehouse: Warehouse,
  tables: { table: string; role: TableRole; endpoint?: string }[],
): Promise<TableStatus[]> {
  const bySchema = new Map<string, typeof tables>();
  for (const t of tables) {
    const schema = t.table.split('.').slice(0, 2).join('.');
    bySchema.set(schema, [...(bySchema.get(schema) ?? []), t]);
  }
  const out: TableStatus[] = [];
  for (const [schema, group] of bySchema) {
    // The driver binds at most 256 parameters: describe large schemas in slices.
    for (let i = 0; i < group.length; i += 200) {
      const slice = group.slice(i, i + 200);
      const described = await describeTables(warehouse, schema, slice.map((t) => t.table));
      for (const t of slice) out.push(statusOf(t, described.get(t.table.split('.').pop()!.toLowerCase()) ?? new Map(), warehouse.engine));
    }
  }
  return out;
}

export const NOT_VISIBLE = 'not found, or not visible to this identity';

function statusOf(t: { table: string; role: TableRole; endpoint?: string }, columns: Map<string, string>, engine: EngineName): TableStatus {
  const bad = t.role === 'payload' ? 'skipped' : 'unavailable';
  const base = { role: t.role, table: t.table, ...(t.endpoint ? { endpoint: t.endpoint } : {}) };
  if (columns.size === 0) {
    return {
      ...base,
      status: bad,
      problem: NOT_VISIBLE,
      fix: engine === 'databricks' ? `check the name, and GRANT USE CATALOG, USE SCHEMA and SELECT on ${t.table} to the app` : 'export the table into DATA_DIR',
    };
  }
  const { problems } = checkColumns(columns, t.role, engine);
  if (problems.length === 0) return { ...base, status: 'ok' };
  const first = problems[0]!;
  return { ...base, status: bad, problem: problems.map((p) => p.problem).join('; '), column: first.column, fix: first.fix };
}
