import 'server-only';
import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DemoGeneration } from './args';

const HEX = '0123456789abcdef';

/**
 * A request id of copy `k` (0 = the original): its first two hex digits, read as a byte, move by k
 * (mod 256), so the copies of one request never collide with each other or with the original (up
 * to 255 copies), keep the UUID shape the inspector expects, and the payload and endpoint_usage
 * rows of one request still join.
 */
export function copiedIdSql(column: string, k: string): string {
  const digit = (i: number) => `(strpos('${HEX}', lower(substr(${column}, ${i}, 1))) - 1)`;
  const moved = `((${digit(1)} * 16 + ${digit(2)} + ${k}) % 256)`;
  return `CASE WHEN ${k} = 0 OR ${column} IS NULL THEN ${column} ELSE substr('${HEX}', ${moved} // 16 + 1, 1) || substr('${HEX}', ${moved} % 16 + 1, 1) || substr(${column}, 3) END`;
}

/** The same, for checking in tests. */
export function copiedId(id: string, k: number): string {
  if (k === 0) return id;
  const v = HEX.indexOf(id.slice(0, 1).toLowerCase()) * 16 + HEX.indexOf(id.slice(1, 2).toLowerCase());
  const n = (((v + k) % 256) + 256) % 256;
  return HEX[Math.floor(n / 16)]! + HEX[n % 16]! + id.slice(2);
}

const sqlString = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * A demo file's own account of itself (meta.generation), or null when it has none (not a demo,
 * or an unfinished one). A file another process holds locked is an error, not a missing demo.
 */
export async function readDemoGeneration(file: string): Promise<DemoGeneration | null> {
  if (!fs.existsSync(file)) return null;
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const con = await instance.connect();
    try {
      const r = await con.runAndReadAll(`SELECT CAST("rows" AS DOUBLE) AS n, end_time, generator_version FROM meta.generation LIMIT 1`);
      const row = r.getRowObjectsJS()[0];
      if (!row || !(row.end_time instanceof Date)) return null;
      return { rows: Number(row.n), end: row.end_time, generatorVersion: String(row.generator_version) };
    } catch {
      return null;
    } finally {
      con.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Writes a demo `factor` times the size of `source`: every request copied with a new id and its
 * time moved back k milliseconds, day by day in time order so date pruning stays as effective as
 * in a generated demo. Streams from file to file, so memory stays bounded whatever the size
 * (the generator itself holds a whole demo in memory, too much for 10M rows on a shared laptop).
 */
export async function replicateDemo(opts: { source: string; target: string; factor: number; memoryLimit?: string; onProgress?: (msg: string) => void }): Promise<void> {
  if (!Number.isInteger(opts.factor) || opts.factor < 2 || opts.factor > 255) throw new RangeError(`factor must be a whole number between 2 and 255, got ${opts.factor}`);
  const progress = opts.onProgress ?? (() => {});
  const tmp = `${opts.target}.tmp-${process.pid}`;
  for (const f of [tmp, `${tmp}.wal`]) fs.rmSync(f, { force: true });
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: opts.memoryLimit ?? '2GB', temp_directory: `${tmp}.spill` });
  let ok = false;
  try {
    const con = await instance.connect();
    try {
      await con.run(`ATTACH ${sqlString(opts.source)} AS src (READ_ONLY)`);
      await con.run(`ATTACH ${sqlString(tmp)} AS out (STORAGE_VERSION 'v1.5.0')`);
      await copyTables(con, opts.factor, progress);
    } finally {
      con.closeSync();
    }
    ok = true;
  } finally {
    instance.closeSync();
    fs.rmSync(`${tmp}.spill`, { recursive: true, force: true });
    if (!ok) for (const f of [tmp, `${tmp}.wal`]) fs.rmSync(f, { force: true });
  }
  fs.renameSync(tmp, opts.target);
  fs.rmSync(`${opts.target}.wal`, { force: true });
}

async function copyTables(con: DuckDBConnection, factor: number, progress: (msg: string) => void): Promise<void> {
  const tables = (await con.runAndReadAll(`SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE database_name = 'src' ORDER BY schema_name, table_name`)).getRowObjectsJS();
  for (const t of tables) {
    const schema = String(t.schema_name);
    await con.run(`CREATE SCHEMA IF NOT EXISTS out.${schema}`);
    // Bodies compressed as the generator stores them (ZSTD), so scans cost what they cost there.
    await con.run(String(t.sql).replace(`CREATE TABLE ${schema}.`, `CREATE TABLE out.${schema}.`).replace(/ (request|response) VARCHAR([,)])/g, ' $1 VARCHAR USING COMPRESSION zstd$2'));
  }
  const copies = `range(${factor}) AS c(k)`;
  const moved = `request_time - to_milliseconds(k)`;
  for (const t of tables) {
    const schema = String(t.schema_name);
    const table = String(t.table_name);
    const target = `out.${schema}.${table}`;
    const source = `src.${schema}.${table}`;
    const started = performance.now();
    if (schema === 'inference') {
      const days = (await con.runAndReadAll(`SELECT DISTINCT CAST(request_date AS VARCHAR) AS d FROM ${source} ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.d));
      for (const day of days) {
        await con.run(
          `INSERT INTO ${target} SELECT CAST(${moved} AS DATE) AS request_date, ${copiedIdSql('databricks_request_id', 'k')} AS databricks_request_id, client_request_id, ${moved} AS request_time,
             status_code, sampling_fraction, execution_duration_ms, request, response, served_entity_id, logging_error_codes, requester
           FROM ${source}, ${copies} WHERE request_date = CAST($day AS DATE) ORDER BY request_time, databricks_request_id, k`,
          { day },
        );
      }
    } else if (schema === 'serving' && table === 'endpoint_usage') {
      const days = (await con.runAndReadAll(`SELECT DISTINCT CAST(CAST(request_time AS DATE) AS VARCHAR) AS d FROM ${source} ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.d));
      for (const day of days) {
        await con.run(
          `INSERT INTO ${target} SELECT * EXCLUDE (k) REPLACE (${copiedIdSql('databricks_request_id', 'k')} AS databricks_request_id, ${moved} AS request_time)
           FROM (SELECT * FROM ${source} WHERE CAST(request_time AS DATE) = CAST($day AS DATE)), ${copies} ORDER BY request_time, databricks_request_id, k`,
          { day },
        );
      }
    } else if (schema === 'meta' && table === 'generation') {
      await con.run(`INSERT INTO ${target} SELECT * REPLACE ("rows" * ${factor} AS "rows", generator_version || ' replicated x${factor}' AS generator_version) FROM ${source}`);
    } else {
      await con.run(`INSERT INTO ${target} SELECT * FROM ${source}`);
    }
    progress(`${schema}.${table} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
  }
}
