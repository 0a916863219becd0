import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBType, type JS } from '@duckdb/node-api';
import type { AppConfig } from '@/lib/config';
import { ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, REQUIRED_COLUMNS, SERVED_ENTITIES_COLUMNS, duckdbCreateTable } from '@/lib/table-schemas';
import { logger } from '@/lib/logger';
import { COMPAT_MACROS, rewriteParams } from './compat';
import { WarehouseError, type Params, type Row, type RunOptions, type RunResult, type Warehouse } from './types';

type DuckdbConfig = AppConfig['duckdb'];

/** Opens the embedded engine: demo database or DATA_DIR Parquet, UTC, compatibility macros. */
export async function openDuckdb(config: DuckdbConfig): Promise<DuckDBInstance> {
  const options: Record<string, string> = { memory_limit: config.memoryLimit };
  if (config.threads) options.threads = String(config.threads);
  const instance = await DuckDBInstance.create(':memory:', options);
  const conn = await instance.connect();
  try {
    await conn.run(`SET GLOBAL TimeZone = 'UTC'`);
    for (const macro of COMPAT_MACROS) await conn.run(macro);
    if (config.dataDir) await attachDataDir(conn, config.dataDir);
    else await attachDemo(conn, config.demoPath);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
  conn.closeSync();
  return instance;
}

async function attachDemo(conn: DuckDBConnection, demoPath: string): Promise<void> {
  // A missing demo is generated before the engine opens (lib/demo/ensure.ts), not from here.
  if (!fs.existsSync(demoPath)) throw new Error(`DEMO_DB: ${demoPath} does not exist (npm run demo:generate makes it)`);
  await conn.run(`ATTACH ${sqlString(demoPath)} AS demo (READ_ONLY)`);
}

const DATA_DIR_TABLES: Record<string, { schema: string; columns: readonly string[]; specs: typeof PAYLOAD_COLUMNS }> = {
  endpoint_usage: { schema: 'serving', columns: REQUIRED_COLUMNS.endpointUsage, specs: ENDPOINT_USAGE_COLUMNS },
  served_entities: { schema: 'serving', columns: REQUIRED_COLUMNS.servedEntities, specs: SERVED_ENTITIES_COLUMNS },
};

/**
 * DATA_DIR holds one folder of Parquet files per table, as `df.write.parquet()` leaves them:
 * `endpoint_usage/`, `served_entities/` and one `<endpoint>_payload/` per endpoint.
 */
export async function attachDataDir(conn: DuckDBConnection, dataDir: string): Promise<void> {
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new Error(`DATA_DIR: ${dataDir} is not a folder`);
  }
  await conn.run(`ATTACH ':memory:' AS lake`);
  await conn.run(`CREATE SCHEMA lake.serving`);
  await conn.run(`CREATE SCHEMA lake.inference`);
  const folders = fs.readdirSync(dataDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const payloadFolders = folders.filter((f) => /^[A-Za-z_][A-Za-z0-9_]*_payload$/.test(f));
  if (payloadFolders.length === 0) {
    throw new Error(`DATA_DIR: no <endpoint>_payload folder in ${dataDir} (found: ${folders.join(', ') || 'nothing'})`);
  }
  const problems: string[] = [];
  const createView = async (folder: string, target: string, required: readonly string[]) => {
    const glob = path.join(dataDir, folder, '**', '*.parquet');
    const source = `read_parquet(${sqlString(glob)}, hive_partitioning = true, union_by_name = true)`;
    let columns: string[];
    try {
      const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
      columns = described.getRowObjectsJS().map((r) => String(r.column_name));
    } catch (err) {
      problems.push(`${folder}: cannot read Parquet files under ${path.join(dataDir, folder)} (${(err as Error).message.split('\n')[0]})`);
      return;
    }
    const missing = required.filter((c) => !columns.includes(c));
    if (missing.length) problems.push(`${folder}: missing columns ${missing.join(', ')}`);
    else await conn.run(`CREATE VIEW ${target} AS SELECT * FROM ${source}`);
  };
  for (const folder of payloadFolders) await createView(folder, `lake.inference.${folder}`, REQUIRED_COLUMNS.payload);
  for (const [name, spec] of Object.entries(DATA_DIR_TABLES)) {
    if (folders.includes(name)) {
      await createView(name, `lake.${spec.schema}.${name}`, spec.columns);
    } else {
      // System tables are often not exported (they need admin rights); the views that use them say so.
      logger.warn('data_dir.table_missing', { table: name, dataDir });
      await conn.run(duckdbCreateTable(`lake.${spec.schema}.${name}`, spec.specs));
    }
  }
  if (problems.length) throw new Error(`DATA_DIR ${dataDir} has tables the dashboard cannot read:\n  - ${problems.join('\n  - ')}`);
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** DuckDB has no statement timeout of its own: the adapter interrupts a statement that overruns. */
export function createDuckdbWarehouse(instancePromise: Promise<DuckDBInstance>, opts: { statementTimeoutMs?: number } = {}): Warehouse {
  const timeoutMs = opts.statementTimeoutMs ?? 120_000;
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
      const conn = await instance.connect();
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
        return { rows, durationMs: performance.now() - started };
      } catch (err) {
        if (signal?.aborted) throw new WarehouseError('The query was cancelled', 'cancelled', err);
        if (timedOut) throw new WarehouseError(`The query took longer than the statement timeout (${Math.round(timeoutMs / 1000)} s)`, 'timeout', err);
        throw classifyDuckdbError(err);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        conn.closeSync();
      }
    },
    async close() {
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
