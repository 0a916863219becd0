import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBType, type JS } from '@duckdb/node-api';
import type { AppConfig } from '@/lib/config';
import { endpointFromTable } from '@/lib/config';
import { ENDPOINT_USAGE_COLUMNS, SERVED_ENTITIES_COLUMNS, type ColumnSpec } from '@/lib/table-schemas';
import { checkColumns, recordAttachProblems, type TableRole, type TableStatus } from './table-health';
import { logger } from '@/lib/logger';
import { COMPAT_MACROS, rewriteParams } from './compat';
import { WarehouseError, type Params, type Row, type RunOptions, type RunResult, type Warehouse } from './types';

type DuckdbConfig = AppConfig['duckdb'];

/**
 * Opens the embedded engine: demo database or DATA_DIR Parquet, UTC, compatibility macros.
 * `attachDemo` replaces the plain read-only attach of the demo (the live demo's, wired in lib/engine).
 */
export async function openDuckdb(config: DuckdbConfig, opts: { attachDemo?: (conn: DuckDBConnection) => Promise<void> } = {}): Promise<DuckDBInstance> {
  const options: Record<string, string> = { memory_limit: config.memoryLimit };
  if (config.threads) options.threads = String(config.threads);
  const instance = await DuckDBInstance.create(':memory:', options);
  const conn = await instance.connect();
  try {
    await conn.run(`SET GLOBAL TimeZone = 'UTC'`);
    for (const macro of COMPAT_MACROS) await conn.run(macro);
    if (config.dataDir) recordAttachProblems((await attachDataDir(conn, config.dataDir)).filter((t) => t.status !== 'ok'));
    else await attachDemo(conn, config.demoPath, opts.attachDemo);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
  conn.closeSync();
  return instance;
}

async function attachDemo(conn: DuckDBConnection, demoPath: string, attach?: (conn: DuckDBConnection) => Promise<void>): Promise<void> {
  // A missing demo is generated before the engine opens (lib/demo/ensure.ts), not from here.
  if (!fs.existsSync(demoPath)) throw new Error(`DEMO_DB: ${demoPath} does not exist (npm run demo:generate makes it)`);
  if (attach) await attach(conn);
  else await conn.run(`ATTACH ${sqlString(demoPath)} AS demo (READ_ONLY)`);
}

const SYSTEM_TABLES: { name: 'endpoint_usage' | 'served_entities'; specs: ColumnSpec[] }[] = [
  { name: 'endpoint_usage', specs: ENDPOINT_USAGE_COLUMNS },
  { name: 'served_entities', specs: SERVED_ENTITIES_COLUMNS },
];
const PAYLOAD_FOLDER = /^[A-Za-z_][A-Za-z0-9_]*_payload$/;

/** A DATA_DIR that cannot serve anything: the whole engine fails with this (no absolute path in it). */
function dataDirError(message: string, dataDir: string): WarehouseError {
  return new WarehouseError(`${message}. Run npm run doctor for details.`, 'not_found', { dataDir });
}

/** Sub-folders of `dir`, following symbolic links (a linked table folder is a table folder). */
function subfolders(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => {
    try {
      return fs.statSync(path.join(dir, name)).isDirectory();
    } catch {
      return false; // a dangling link
    }
  }).sort();
}

/** Every .parquet file under `dir`, through linked folders too (each real folder once). */
export function parquetFiles(dir: string, seen = new Set<string>()): string[] {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...parquetFiles(p, seen));
    else if (name.endsWith('.parquet') && st.isFile()) out.push(p);
  }
  return out;
}

/**
 * DATA_DIR holds one folder of Parquet files per table, as `df.write.parquet()` leaves them:
 * `endpoint_usage/`, `served_entities/` and one `<endpoint>_payload/` per endpoint. Each folder
 * becomes a view over the files found now (a consistent snapshot; lib/engine/embedded-snapshot.ts
 * re-runs this when they change). A folder that cannot be read, lacks a column or has a column of
 * another type is skipped and named; the rest is served. Returns the status of every table.
 */
export async function attachDataDir(conn: DuckDBConnection, dataDir: string): Promise<TableStatus[]> {
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(dataDir);
  } catch {
    // reported below
  }
  if (!st) throw dataDirError('DATA_DIR does not exist', dataDir);
  if (!st.isDirectory()) throw dataDirError('DATA_DIR is a file, not a folder of table folders', dataDir);
  const folders = subfolders(dataDir);
  const payloadFolders = folders.filter((f) => PAYLOAD_FOLDER.test(f));
  if (payloadFolders.length === 0) {
    throw dataDirError(`DATA_DIR has no <endpoint>_payload folder (found: ${folders.join(', ') || 'nothing'})`, dataDir);
  }
  await conn.run(`ATTACH IF NOT EXISTS ':memory:' AS lake`);
  await conn.run(`CREATE SCHEMA IF NOT EXISTS lake.serving`);
  await conn.run(`CREATE SCHEMA IF NOT EXISTS lake.inference`);
  // Views of folders gone since the last attach go too.
  const existing = await conn.runAndReadAll(`SELECT view_name FROM duckdb_views() WHERE database_name = 'lake' AND schema_name = 'inference'`);
  for (const r of existing.getRowObjectsJS()) {
    if (!payloadFolders.includes(String(r.view_name))) await conn.run(`DROP VIEW IF EXISTS lake.inference.${String(r.view_name)}`);
  }

  const statuses: TableStatus[] = [];
  for (const folder of payloadFolders) {
    const target = `lake.inference.${folder}`;
    const status = await folderView(conn, dataDir, folder, target, 'payload');
    statuses.push({ ...status, endpoint: endpointFromTable(target) });
    if (status.status !== 'ok') await conn.run(`DROP VIEW IF EXISTS ${target}`);
  }
  for (const { name, specs } of SYSTEM_TABLES) {
    const target = `lake.serving.${name}`;
    const status: TableStatus = folders.includes(name)
      ? await folderView(conn, dataDir, name, target, name)
      : { role: name, table: target, status: 'unavailable', problem: 'not exported into DATA_DIR', fix: `export system.serving.${name} into DATA_DIR/${name}/ (it usually needs admin rights)` };
    statuses.push(status);
    // System tables are often not exported (they need admin rights): an empty table of the right
    // shape keeps the queries valid, and the views that use it say it is unavailable.
    if (status.status !== 'ok') await conn.run(`CREATE OR REPLACE VIEW ${target} AS SELECT ${specs.map((c) => `CAST(NULL AS ${c.duckdb}) AS ${c.name}`).join(', ')} WHERE false`);
  }
  for (const s of statuses) if (s.status !== 'ok') logger.warn('data_dir.table_problem', { table: s.table, problem: s.problem, fix: s.fix });
  return statuses;
}

/** Creates (or replaces) the view of one table folder; returns what is wrong with it, if anything. */
async function folderView(conn: DuckDBConnection, dataDir: string, folder: string, target: string, role: TableRole): Promise<TableStatus> {
  const base = { role, table: target };
  const bad = role === 'payload' ? 'skipped' as const : 'unavailable' as const;
  const dir = path.join(dataDir, folder);
  const files = parquetFiles(dir);
  if (files.length === 0) {
    const present = fs.readdirSync(dir).slice(0, 5);
    return { ...base, status: bad, problem: `DATA_DIR/${folder} holds no .parquet file${present.length ? ` (only ${present.join(', ')})` : ' (empty)'}`, fix: `re-run the export of ${folder}` };
  }
  const source = `read_parquet([${files.map(sqlString).join(', ')}], hive_partitioning = true, union_by_name = true)`;
  let columns: Map<string, string>;
  try {
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    columns = new Map(described.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
  } catch (err) {
    const first = (err as Error).message.split('\n')[0]!.split(dataDir).join('DATA_DIR');
    return { ...base, status: bad, problem: `DATA_DIR/${folder} cannot be read (${first})`, fix: `a file is truncated or not Parquet: re-run the export of ${folder}` };
  }
  const { problems, casts } = checkColumns(columns, role, 'duckdb');
  if (problems.length) {
    return { ...base, status: bad, problem: problems.map((p) => p.problem).join('; '), column: problems[0]!.column, fix: problems[0]!.fix };
  }
  // TIMESTAMP WITH TIME ZONE (Spark's UTC-adjusted Parquet timestamps), narrower integers, FLOAT:
  // the view gives the queries the types they are written for.
  const replace = casts.length ? ` REPLACE (${casts.map((c) => `CAST(${c.column} AS ${c.to}) AS ${c.column}`).join(', ')})` : '';
  await conn.run(`CREATE OR REPLACE VIEW ${target} AS SELECT *${replace} FROM ${source}`);
  return { ...base, status: 'ok' };
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Idle connections the embedded engine keeps between statements. */
const IDLE_CONNECTIONS = 8;

/** DuckDB has no statement timeout of its own: the adapter interrupts a statement that overruns. */
export function createDuckdbWarehouse(instancePromise: Promise<DuckDBInstance>, opts: { statementTimeoutMs?: number } = {}): Warehouse {
  const timeoutMs = opts.statementTimeoutMs ?? 120_000;
  // Opening a connection costs a few ms on every call: connections that finished a statement
  // cleanly are kept for the next one (one per concurrent statement, up to IDLE_CONNECTIONS).
  const idle: DuckDBConnection[] = [];
  return {
    engine: 'duckdb',
    async run(sql: string, params: Params, options: RunOptions = {}): Promise<RunResult> {
      const { signal } = options;
      if (signal?.aborted) throw new WarehouseError('The query was cancelled', 'cancelled');
      const rewritten = rewriteParams(sql);
      const values: Record<string, JS> = {};
      for (const name of rewritten.params) {
        if (!(name in params)) throw new WarehouseError('The query is missing a parameter', 'engine', `missing parameter :${name}`);
        values[name] = params[name] as JS;
      }
      const instance = await instancePromise;
      const conn = idle.pop() ?? await instance.connect();
      let reusable = false;
      const onAbort = () => conn.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; conn.interrupt(); }, timeoutMs);
      const started = performance.now();
      try {
        const reader = await conn.runAndReadAll(rewritten.sql, values as never);
        const names = reader.columnNames();
        const types = reader.columnTypes();
        const rows = reader.getRowsJS().map((row) => {
          const obj: Row = {};
          names.forEach((name, idx) => { obj[name] = normaliseDuckValue(row[idx] as JS, types[idx]!); });
          return obj;
        });
        reusable = true;
        return { rows, durationMs: performance.now() - started };
      } catch (err) {
        if (signal?.aborted) throw new WarehouseError('The query was cancelled', 'cancelled', err);
        if (timedOut) throw new WarehouseError(`The query took longer than the statement timeout (${Math.round(timeoutMs / 1000)} s)`, 'timeout', err);
        throw classifyDuckdbError(err);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // A failed or interrupted statement's connection is not reused.
        if (reusable && idle.length < IDLE_CONNECTIONS) idle.push(conn);
        else conn.closeSync();
      }
    },
    async close() {
      for (const conn of idle.splice(0)) conn.closeSync();
      const instance = await instancePromise.catch(() => null);
      instance?.closeSync();
    },
  };
}

export function classifyDuckdbError(err: unknown): WarehouseError {
  const message = err instanceof Error ? err.message : String(err);
  if (/^Parser Error|syntax error/i.test(message)) return new WarehouseError('The query has a syntax error', 'syntax', err);
  if (/^Catalog Error: Table .* does not exist/i.test(message)) return new WarehouseError('A table the query needs does not exist', 'not_found', err);
  if (/INTERRUPT/i.test(message)) return new WarehouseError('The query was cancelled', 'cancelled', err);
  if (/Out of Memory/i.test(message)) return new WarehouseError('The embedded engine ran out of memory; narrow the range or raise DUCKDB_MEMORY_LIMIT', 'engine', err);
  return new WarehouseError('The query failed in the embedded engine', 'engine', err);
}

/** DuckDB's JS values → the JSON-safe shapes both engines return (see normalise.ts for Databricks). */
export function normaliseDuckValue(value: JS, type: DuckDBType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.DATE:
      return (value as Date).toISOString().slice(0, 10);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
      return value instanceof Date ? (Number.isNaN(value.getTime()) ? null : value.toISOString()) : String(value);
    case DuckDBTypeId.MAP: {
      const valueType = (type as unknown as { valueType: DuckDBType }).valueType;
      const entries = value as unknown as { key: JS; value: JS }[];
      return Object.fromEntries(entries.map((e) => [String(e.key), normaliseDuckValue(e.value, valueType)]));
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const itemType = (type as unknown as { valueType: DuckDBType }).valueType;
      return (value as JS[]).map((v) => normaliseDuckValue(v, itemType));
    }
    case DuckDBTypeId.STRUCT: {
      const entryTypes = (type as unknown as { entryNames: string[]; entryTypes: DuckDBType[] });
      const obj = value as Record<string, JS>;
      return Object.fromEntries(entryTypes.entryNames.map((name, i) => [name, normaliseDuckValue(obj[name] as JS, entryTypes.entryTypes[i]!)]));
    }
    default:
      break;
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}
