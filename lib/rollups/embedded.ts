import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { AppConfig } from '@/lib/config';
import { logger } from '@/lib/logger';
import { rewriteParams } from '@/lib/warehouse/compat';
import { ROLLUP_AGGREGATES, aggregateInput } from './aggregates';
import { ROLLUP_TABLES, factsVersion, rollupVersion } from './build';
import { FACT_COLUMN_LIST, TEXT_COLUMNS, TEXT_COLUMN_LIST, factsSelect, readSelect, textSelect, type FactsSource } from './facts';
import type { RollupState } from './state';
import { setRollupBuildStatus } from '@/lib/warehouse/rollup-build';
import { now } from '@/lib/time/clock';
import { parquetFiles } from '@/lib/warehouse/duckdb';

/** The embedded rollup database is attached under this name, read-only once built. */
export const EMBEDDED_ROLLUP_CATALOG = 'lens';

/**
 * What the rollups were built from: the demo file, or every Parquet file of DATA_DIR, by path,
 * size and modification time. A different fingerprint means the rollups are stale.
 */
export function sourceFingerprint(duckdb: AppConfig['duckdb']): string {
  const hash = createHash('sha256');
  if (duckdb.dataDir) {
    // Through linked table folders too, as the DATA_DIR views read them.
    for (const p of fs.existsSync(duckdb.dataDir) ? parquetFiles(duckdb.dataDir) : []) {
      const st = fs.statSync(p);
      hash.update(`${path.relative(duckdb.dataDir, p)}\0${st.size}\0${Math.round(st.mtimeMs)}\n`);
    }
  } else {
    const st = fs.statSync(duckdb.demoPath);
    hash.update(`${duckdb.demoPath}\0${st.size}\0${Math.round(st.mtimeMs)}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bytes of the source the rollups are built from: the demo file, or every Parquet file of DATA_DIR. */
export function sourceBytes(duckdb: AppConfig['duckdb']): number {
  if (duckdb.dataDir) return fs.existsSync(duckdb.dataDir) ? parquetFiles(duckdb.dataDir).reduce((n, p) => n + fs.statSync(p).size, 0) : 0;
  return fs.existsSync(duckdb.demoPath) ? fs.statSync(duckdb.demoPath).size : 0;
}

/**
 * Sources at least this large (about a million requests: a build of a minute or more on two
 * cores) are served from the raw tables at once while their rollups build in the background.
 */
export const BACKGROUND_BUILD_BYTES = 128 * 1024 ** 2;

/** Whether the rollup file can be used as it is: built from this source by these definitions. */
export async function embeddedRollupsAreCurrent(instance: DuckDBInstance, config: AppConfig): Promise<boolean> {
  const file = config.duckdb.rollupPath;
  if (!fs.existsSync(file)) return false;
  return staleReason(await readState(instance, file), rollupVersion(), sourceFingerprint(config.duckdb)) === null;
}

/** A part of an embedded build: the days from `since` up to (not including) `until`, as YYYY-MM-DD. */
export interface BuildPart { since: string; until: string }

const DAY_MS = 86_400_000;

/** The embedded rollup file's storage version: 1.5 lets a column choose ZSTD. */
export const ROLLUP_STORAGE_VERSION = 'v1.5.0';

/** Text columns: long, repetitive messages, which ZSTD keeps in a fraction of the default codecs' space. */
const ZSTD_TEXT = new Set(['last_user_text', 'answer_text', 'search_key', 'search_text']);
const DUCKDB_TYPES: Record<string, string> = { STRING: 'VARCHAR', INT: 'INTEGER', BIGINT: 'BIGINT', DOUBLE: 'DOUBLE', BOOLEAN: 'BOOLEAN', DATE: 'DATE', TIMESTAMP: 'TIMESTAMP' };

/** The text table's DDL for the embedded engine, its message columns ZSTD-compressed. */
function textTableDdl(table: string): string {
  const columns = TEXT_COLUMNS.map((c) => {
    const type = DUCKDB_TYPES[c.databricks];
    if (!type) throw new Error(`no DuckDB type for ${c.databricks}`);
    return `  ${c.name} ${type}${ZSTD_TEXT.has(c.name) ? ' USING COMPRESSION zstd' : ''}`;
  });
  return `CREATE TABLE ${table} (\n${columns.join(',\n')}\n)`;
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The parts an embedded build reads its source in: `days` days each from the first day to the
 * last, so the one reading of the bodies (held in a temporary table) is a few days of rows
 * however long the history is — bounded memory and spill at 10M or 100M rows.
 */
export function buildParts(first: Date | null, last: Date | null, days: number): BuildPart[] {
  if (!first || !last || last < first) return [];
  if (!Number.isInteger(days) || days < 1) throw new Error('a build part is a whole number of days, at least one');
  const parts: BuildPart[] = [];
  for (let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()); t <= last.getTime(); t += days * DAY_MS) {
    parts.push({ since: isoDay(new Date(t)), until: isoDay(new Date(t + days * DAY_MS)) });
  }
  return parts;
}

/** An unfinished embedded build's progress: which parts are in, for which source and definitions. */
export const BUILD_PROGRESS_TABLE = 'gateway_lens_build_progress';

/** The parts of a build as one string, so a resumed build knows it splits the source the same way. */
export function partsKey(parts: BuildPart[]): string {
  return parts.map((p) => `${p.since}/${p.until}`).join(',');
}

/** One part of an embedded build: its payload read into a temporary table, the writes from it, the drop. */
export interface BuildPlanPart { read: string; write: string[]; drop: string }

/**
 * The embedded build: part by part (oldest first), the payload rows read once (the one
 * interpretation, into a temporary table), then the facts and the texts from it, each part sorted
 * by time (so the tables are in time order and zone maps skip other days); then the aggregates
 * over the whole tables. Without parts (an empty source), one pass over everything.
 *
 * `setup` starts a new build file, `parts[i]` is part i (run by partStatements), `finish` the
 * aggregates and the state. A part's rows and its progress are committed together, so a build that is stopped
 * (a killed process, a full disk) resumes at its first missing part, and `finish` is one
 * transaction: a file without its state table is never taken for a complete one.
 */
export function embeddedBuild(catalog: string, source: FactsSource, fingerprint: string, parts: BuildPart[] = []): { setup: string[]; parts: BuildPlanPart[]; finish: string[] } {
  const facts = `${catalog}.${ROLLUP_TABLES.facts}`;
  const text = `${catalog}.${ROLLUP_TABLES.text}`;
  const progress = `${catalog}.${BUILD_PROGRESS_TABLE}`;
  const read = 'lens_payload_read';
  const day = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error('a build part day is not YYYY-MM-DD');
    return `CAST('${d}' AS DATE)`;
  };
  if (!/^[0-9a-z]+$/i.test(fingerprint)) throw new Error('a build fingerprint is letters and digits');
  const passes: Array<{ since?: string; until?: string }> = parts.length ? parts.map((p) => ({ since: day(p.since), until: day(p.until) })) : [{}];
  return {
    setup: [
      textTableDdl(text),
      `CREATE TABLE ${progress} AS SELECT '${rollupVersion()}' AS version, '${fingerprint}' AS fingerprint, '${partsKey(parts)}' AS parts, ${passes.length} AS total, 0 AS done, CAST(0 AS DOUBLE) AS seconds`,
    ],
    parts: passes.map((bounds, i) => {
      const into = (table: string, columns: string, select: string, alias: string) => (i === 0 && table !== text
        ? `CREATE TABLE ${table} AS SELECT ${columns} FROM (\n    ${select}\n) ${alias} ORDER BY request_time`
        : `INSERT INTO ${table} SELECT ${columns} FROM (\n    ${select}\n) ${alias} ORDER BY request_time`);
      return {
        read: `CREATE OR REPLACE TEMP TABLE ${read} AS ${readSelect(source, bounds)}`,
        write: [
          into(facts, FACT_COLUMN_LIST, factsSelect(source, { window: false, ...bounds, read }), 'f'),
          into(text, TEXT_COLUMN_LIST, textSelect(source, { ...bounds, read }), 't'),
        ],
        drop: `DROP TABLE ${read}`,
      };
    }),
    finish: ['BEGIN TRANSACTION', ...aggregateStatements(catalog, fingerprint), `DROP TABLE ${progress}`, 'COMMIT'],
  };
}

/**
 * The aggregate tables and the state table of a build in `catalog`, over its facts and texts: the
 * end of a full build, and all of a rebuild that keeps the facts (aggregatesRebuild).
 */
function aggregateStatements(catalog: string, fingerprint: string): string[] {
  const facts = `${catalog}.${ROLLUP_TABLES.facts}`;
  const text = `${catalog}.${ROLLUP_TABLES.text}`;
  return [
    ...ROLLUP_AGGREGATES.map((a) => `CREATE TABLE ${catalog}.${a.name} AS SELECT * FROM (\n${a.select(aggregateInput(facts, text))}\n) a ORDER BY hour`),
    `CREATE TABLE ${catalog}.${ROLLUP_TABLES.state} AS SELECT
      '${rollupVersion()}' AS version, '${factsVersion()}' AS facts_version, '${fingerprint}' AS fingerprint, current_timestamp AS built_at,
      CAST(NULL AS TIMESTAMP) AS covers_end, (SELECT count(*) FROM ${facts}) AS fact_rows`,
  ];
}

/**
 * A rebuild of the aggregates alone, for a file whose facts and texts were built from the same
 * source by the same definitions (only an aggregate was added or changed): every table but the
 * facts and texts dropped (`tables`, the file's tables now), the aggregates and the state made
 * again, in one transaction.
 */
export function aggregatesRebuild(catalog: string, fingerprint: string, tables: string[]): string[] {
  const kept = new Set<string>([ROLLUP_TABLES.facts, ROLLUP_TABLES.text]);
  const drops = tables.filter((t) => !kept.has(t)).map((t) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error('a rollup file table name is not a plain identifier');
    return `DROP TABLE ${catalog}.${t}`;
  });
  return ['BEGIN TRANSACTION', ...drops, ...aggregateStatements(catalog, fingerprint), 'COMMIT'];
}

/**
 * Part `index` of a build in `catalog` as statements: its read, then its rows and its progress
 * (parts done, seconds spent) in one transaction, then the read dropped.
 */
export function partStatements(catalog: string, part: BuildPlanPart, index: number, seconds = 0): string[] {
  return [part.read, 'BEGIN TRANSACTION', ...part.write, progressUpdate(catalog, index, seconds), 'COMMIT', part.drop];
}

/** The progress a build records with part `index`'s rows: parts done, and `seconds` more spent. */
function progressUpdate(catalog: string, index: number, seconds: number): string {
  return `UPDATE ${catalog}.${BUILD_PROGRESS_TABLE} SET done = ${index + 1}, seconds = seconds + ${seconds.toFixed(3)}`;
}

/** The whole build as one list of statements (setup, every part, finish). */
export function embeddedStatements(catalog: string, source: FactsSource, fingerprint: string, parts: BuildPart[] = []): string[] {
  const b = embeddedBuild(catalog, source, fingerprint, parts);
  return [...b.setup, ...b.parts.flatMap((p, i) => partStatements(catalog, p, i)), ...b.finish];
}

/** The build files (`<file>.tmp-<pid>`) of processes no longer running (or of this one, from an earlier call). */
function abandonedBuilds(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  const found: string[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.startsWith(prefix) || name.endsWith('.wal')) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid)) continue;
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      // no such process: its build was abandoned
    }
    if (!alive || pid === process.pid) found.push(path.join(dir, name));
  }
  return found;
}

const removeBuildFile = (f: string) => {
  fs.rmSync(f, { force: true });
  fs.rmSync(`${f}.wal`, { force: true });
};

/**
 * The first row `select` (given the alias the file is attached under) reads from a rollup file
 * attached read-only for the purpose, or null when the file or its table cannot be read
 * (unreadable, half-written or from an older layout).
 */
async function readFileRow(conn: DuckDBConnection, file: string, select: (alias: string) => string): Promise<Record<string, unknown> | null> {
  try {
    await conn.run(`ATTACH ${sqlString(file)} AS lens_probe (READ_ONLY)`);
  } catch {
    return null;
  }
  try {
    return (await conn.runAndReadAll(select('lens_probe'))).getRowObjectsJS()[0] ?? null;
  } catch {
    return null;
  } finally {
    await conn.run('DETACH lens_probe');
  }
}

/** How far an unfinished build file got, or null when it is not one (or unreadable). */
async function readProgress(conn: DuckDBConnection, file: string): Promise<{ version: string; fingerprint: string; parts: string; total: number; done: number; seconds: number } | null> {
  const row = await readFileRow(conn, file, (db) => `SELECT version, fingerprint, parts, CAST(total AS DOUBLE) AS total, CAST(done AS DOUBLE) AS done, seconds FROM ${db}.${BUILD_PROGRESS_TABLE}`);
  return row ? { version: String(row.version), fingerprint: String(row.fingerprint), parts: String(row.parts), total: Number(row.total), done: Number(row.done), seconds: Number(row.seconds) } : null;
}

/**
 * Takes over the furthest abandoned build of the same definitions, source and parts as `tmp`
 * (its file and write-ahead log renamed), and removes every other abandoned build file.
 * Returns how far the adopted build got, or null when there was none to resume.
 */
async function adoptAbandonedBuild(conn: DuckDBConnection, file: string, tmp: string, want: { version: string; fingerprint: string; parts: string }): Promise<{ done: number; total: number; seconds: number } | null> {
  let best: { path: string; done: number; total: number; seconds: number } | null = null;
  const candidates = abandonedBuilds(file);
  for (const candidate of candidates) {
    const p = await readProgress(conn, candidate);
    const same = p && p.version === want.version && p.fingerprint === want.fingerprint && p.parts === want.parts;
    if (same && p.done > 0 && (!best || p.done > best.done)) best = { path: candidate, done: p.done, total: p.total, seconds: p.seconds };
  }
  for (const candidate of candidates) if (candidate !== best?.path) removeBuildFile(candidate);
  if (!best) return null;
  if (best.path !== tmp) {
    removeBuildFile(tmp);
    fs.renameSync(best.path, tmp);
    if (fs.existsSync(`${best.path}.wal`)) fs.renameSync(`${best.path}.wal`, `${tmp}.wal`);
  }
  return { done: best.done, total: best.total, seconds: best.seconds };
}

const sqlString = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** Days per part of an embedded build (a day of a 300-QPM endpoint is about 430k requests). */
export const BUILD_PART_DAYS = 2;

/** The first and last day the source holds: payload rows and endpoint_usage rows alike (exported for tests). */
export async function sourceDays(conn: DuckDBConnection, source: FactsSource): Promise<[Date | null, Date | null]> {
  const usage = source.endpointUsage ? `UNION ALL SELECT min(request_time), max(request_time) FROM ${source.endpointUsage}` : '';
  const r = await conn.runAndReadAll(`SELECT min(lo) AS lo, max(hi) AS hi FROM (SELECT min(request_time) AS lo, max(request_time) AS hi FROM ${source.payload} p ${usage}) d`);
  const row = r.getRowObjectsJS()[0];
  const at = (v: unknown) => (v instanceof Date ? v : null);
  return [at(row?.lo), at(row?.hi)];
}

interface FileState { version: string; factsVersion: string | null; fingerprint: string; fact_rows: number }

async function readState(instance: DuckDBInstance, file: string): Promise<FileState | null> {
  const conn = await instance.connect();
  try {
    // Every column: files built before facts_version existed have none (their facts are rebuilt).
    const row = await readFileRow(conn, file, (db) => `SELECT * FROM ${db}.${ROLLUP_TABLES.state}`);
    return row ? { version: String(row.version), factsVersion: row.facts_version == null ? null : String(row.facts_version), fingerprint: String(row.fingerprint), fact_rows: Number(row.fact_rows) } : null;
  } finally {
    conn.closeSync();
  }
}

/**
 * Why a rollup file's state does not fit this source and these definitions, or null when it does.
 * 'aggregates changed': its facts and texts are current and only the aggregates over them are not.
 */
function staleReason(existing: Omit<FileState, 'fact_rows'> | null, version: string, fingerprint: string): string | null {
  if (!existing) return 'missing';
  if (existing.fingerprint !== fingerprint) return 'source changed';
  if (existing.version === version) return null;
  return existing.factsVersion === factsVersion() ? 'aggregates changed' : 'definition changed';
}

/**
 * Makes `tmp` a copy of `file` with its aggregates built again over its facts and texts: minutes
 * where reading the payloads again would take hours. The file is copied (its write-ahead log
 * too) so the one in use is never written to.
 */
async function rebuildAggregates(conn: DuckDBConnection, file: string, tmp: string, fingerprint: string): Promise<void> {
  removeBuildFile(tmp);
  fs.copyFileSync(file, tmp);
  if (fs.existsSync(`${file}.wal`)) fs.copyFileSync(`${file}.wal`, `${tmp}.wal`);
  try {
    await conn.run(`ATTACH ${sqlString(tmp)} AS lens_build`);
    try {
      const r = await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'lens_build' ORDER BY table_name`);
      const tables = r.getRowObjectsJS().map((row) => String(row.table_name));
      for (const sql of aggregatesRebuild('lens_build', fingerprint, tables)) await conn.run(rewriteParams(sql).sql);
      await conn.run('CHECKPOINT lens_build');
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await conn.run('DETACH lens_build').catch(() => {});
    }
  } catch (err) {
    removeBuildFile(tmp);
    throw err;
  }
}

/**
 * Makes sure the embedded engine has current rollups attached as `lens`: reuses the file when
 * it was built from the same source by the same definitions, else builds it (into a temporary
 * file renamed into place, so a crash never leaves a half-built file that looks complete).
 */
export async function ensureEmbeddedRollups(instance: DuckDBInstance, config: AppConfig, source: FactsSource, opts: { force?: boolean } = {}): Promise<RollupState> {
  const file = config.duckdb.rollupPath;
  const fingerprint = sourceFingerprint(config.duckdb);
  const version = rollupVersion();
  const existing = opts.force || !fs.existsSync(file) ? null : await readState(instance, file);
  let built = false;
  let resumedFrom: RollupState['resumedFrom'];
  let factRows = existing?.fact_rows ?? 0;
  const started = performance.now();
  const reason = staleReason(existing, version, fingerprint);
  if (reason === 'aggregates changed') {
    logger.info('rollups.build', { file, reason, kept: 'request facts and texts' });
    const tmp = `${file}.tmp-${process.pid}`;
    const conn = await instance.connect();
    setRollupBuildStatus({ part: 0, parts: 1, secondsLeft: null, since: now().toISOString() });
    try {
      await rebuildAggregates(conn, file, tmp, fingerprint);
    } finally {
      conn.closeSync();
      setRollupBuildStatus(null);
    }
    fs.rmSync(`${file}.wal`, { force: true });
    fs.renameSync(tmp, file);
    if (fs.existsSync(`${tmp}.wal`)) fs.renameSync(`${tmp}.wal`, `${file}.wal`);
    built = true;
  } else if (reason) {
    logger.info('rollups.build', { file, reason });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    const conn = await instance.connect();
    let attached = false;
    let committed = 0;
    try {
      // Written in Databricks SQL like every catalogue statement: the engine's dialect shim applies.
      const parts = buildParts(...(await sourceDays(conn, source)), BUILD_PART_DAYS);
      const plan = embeddedBuild('lens_build', source, fingerprint, parts);
      const resumed = await adoptAbandonedBuild(conn, file, tmp, { version, fingerprint, parts: partsKey(parts) });
      if (!resumed) removeBuildFile(tmp);
      await conn.run(`ATTACH ${sqlString(tmp)} AS lens_build (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
      attached = true;
      committed = resumed?.done ?? 0;
      let partSeconds = 0;
      const since = now().toISOString();
      setRollupBuildStatus({ part: committed, parts: plan.parts.length, secondsLeft: null, since });
      if (resumed) {
        resumedFrom = { partsDone: resumed.done, parts: resumed.total, secondsBefore: Math.round(resumed.seconds) };
        logger.info('rollups.resume', { file, ...resumedFrom });
      } else {
        for (const sql of plan.setup) await conn.run(rewriteParams(sql).sql);
      }
      for (let i = committed; i < plan.parts.length; i++) {
        const part = plan.parts[i]!;
        const t0 = performance.now();
        for (const sql of [part.read, 'BEGIN TRANSACTION', ...part.write]) await conn.run(rewriteParams(sql).sql);
        // The progress (with the part's time, read included) commits with the part's rows.
        await conn.run(progressUpdate('lens_build', i, (performance.now() - t0) / 1000));
        await conn.run('COMMIT');
        committed = i + 1;
        await conn.run(rewriteParams(part.drop).sql);
        partSeconds += (performance.now() - t0) / 1000;
        const here = committed - (resumed?.done ?? 0);
        const secondsLeft = Math.round((partSeconds / here) * (plan.parts.length - committed));
        setRollupBuildStatus({ part: committed, parts: plan.parts.length, secondsLeft, since });
        logger.info('rollups.progress', { part: committed, parts: plan.parts.length, until: parts[i]?.until ?? null, seconds: Math.round(partSeconds), secondsLeft });
      }
      for (const sql of plan.finish) await conn.run(rewriteParams(sql).sql);
      const r = await conn.runAndReadAll(`SELECT CAST(fact_rows AS DOUBLE) AS n FROM lens_build.${ROLLUP_TABLES.state}`);
      factRows = Number(r.getRowObjectsJS()[0]?.n ?? 0);
      await conn.run('DETACH lens_build');
      attached = false;
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => {});
      if (attached) await conn.run('DETACH lens_build').catch(() => {});
      // Parts already committed are kept: the next start resumes there (a definition or source change starts over).
      if (committed > 0) logger.warn('rollups.build_stopped', { file: tmp, partsDone: committed, error: (err as Error).message, hint: 'the next start resumes this build' });
      else removeBuildFile(tmp);
      throw err;
    } finally {
      conn.closeSync();
      setRollupBuildStatus(null);
    }
    fs.renameSync(tmp, file);
    built = true;
  }
  const conn = await instance.connect();
  let coversEnd: Date | null = null;
  try {
    // A rebuild under a running server replaces what was attached before.
    await conn.run(`DETACH DATABASE IF EXISTS ${EMBEDDED_ROLLUP_CATALOG}`);
    await conn.run(`ATTACH ${sqlString(file)} AS ${EMBEDDED_ROLLUP_CATALOG} (READ_ONLY)`);
    // A demo that lives (lib/demo/live.ts) grows past its facts: rows after them are read raw.
    if (config.duckdb.livePath) {
      const r = await conn.runAndReadAll(`SELECT max(request_time) AS t FROM ${EMBEDDED_ROLLUP_CATALOG}.${ROLLUP_TABLES.facts}`);
      const t = r.getRowObjectsJS()[0]?.t;
      coversEnd = t instanceof Date ? t : new Date(0);
    }
  } finally {
    conn.closeSync();
  }
  const seconds = (performance.now() - started) / 1000;
  logger.info(built ? 'rollups.built' : 'rollups.reused', { file, factRows, seconds: Math.round(seconds * 10) / 10 });
  return {
    facts: { table: `${EMBEDDED_ROLLUP_CATALOG}.${ROLLUP_TABLES.facts}`, textTable: `${EMBEDDED_ROLLUP_CATALOG}.${ROLLUP_TABLES.text}`, coversEnd },
    catalog: EMBEDDED_ROLLUP_CATALOG,
    version,
    factRows,
    built,
    seconds,
    ...(resumedFrom ? { resumedFrom } : {}),
  };
}
