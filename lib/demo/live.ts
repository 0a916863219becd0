import 'server-only';
/**
 * A demo that lives: the generated warehouse (read-only, as generated) plus a second DuckDB file of
 * requests appended since it ended. At start the demo tops itself up to now; while the server runs
 * a feeder appends every minute; an incident can be replayed from now on. The rows come from the
 * generator's own stages (lib/demo/generate.ts makePlan) over a request grid of our own: the traffic
 * per minute follows the generator's daily and weekly shape at the demo's average rate, and every
 * row of a minute depends only on the seed, that minute and the earlier minutes of its UTC day
 * (batches start at midnight), so a minute fed by the top-up equals the same minute fed live.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { logger } from '@/lib/logger';
import { ENDPOINTS, ENTITIES, PEOPLE, PID, COST_SPIKE_END_USER, type PlannedIncident } from './catalog';
import { makePlan, trafficShapeSql } from './generate';
import { str, ts, withSeed } from './sql';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A top-up never generates more than this; older gaps stay gaps. */
export const MAX_TOP_UP_DAYS = 30;
/** Row indexes of live requests, far above any generated demo's (`i` seeds every pseudo-random choice). */
const LIVE_I = 10_000_000_000_000;
const STORM_I = 20_000_000_000_000;

const PAYLOAD_TABLES = Object.values(ENDPOINTS).map((e) => `${e}_payload`);
const sqlString = (v: string) => `'${v.replace(/'/g, "''")}'`;
/** `2026-11-22 12:34:00.000`: bound as text and cast, as the catalogue binds its times. */
const sqlTimestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** The statements the feed needs from the engine (a Warehouse: the server's, or a test's). */
export interface StatementRunner {
  run(sql: string, params: Record<string, string | number | boolean | null>, options?: { label?: string }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Attaches the generated demo as `demo_base` (read-only) and the live file as `demo_live`, and
 * makes `demo` an in-memory catalog of views over both, so every table name stays `demo.…`. A live
 * file from another generation of the demo is emptied first.
 */
export async function attachLiveDemo(conn: DuckDBConnection, basePath: string, livePath: string): Promise<void> {
  await conn.run(`ATTACH ${sqlString(basePath)} AS demo_base (READ_ONLY)`);
  await conn.run(`ATTACH ${sqlString(livePath)} AS demo_live`);
  for (const schema of ['inference', 'serving', 'meta']) await conn.run(`CREATE SCHEMA IF NOT EXISTS demo_live.${schema}`);
  const base = (await conn.runAndReadAll(`SELECT CAST(generated_at AS VARCHAR) AS g, seed FROM demo_base.meta.generation`)).getRowObjectsJS()[0];
  const identity = `${String(base?.g)}/${String(base?.seed)}`;
  await conn.run(`CREATE TABLE IF NOT EXISTS demo_live.meta.base (identity VARCHAR)`);
  const known = (await conn.runAndReadAll(`SELECT identity FROM demo_live.meta.base`)).getRowObjectsJS()[0]?.identity;
  const live = [...PAYLOAD_TABLES.map((t) => `inference.${t}`), 'serving.endpoint_usage', 'meta.incidents'];
  if (known !== undefined && known !== identity) {
    logger.warn('demo.live_reset', { reason: 'the demo was generated again' });
    for (const t of [...live, 'meta.fed']) await conn.run(`DROP TABLE IF EXISTS demo_live.${t}`);
  }
  await conn.run(`DELETE FROM demo_live.meta.base`);
  await conn.run(`INSERT INTO demo_live.meta.base VALUES (${sqlString(identity)})`);
  for (const t of live) await conn.run(`CREATE TABLE IF NOT EXISTS demo_live.${t} AS SELECT * FROM demo_base.${t} LIMIT 0`);
  await conn.run(`CREATE TABLE IF NOT EXISTS demo_live.meta.fed (from_time TIMESTAMP, to_time TIMESTAMP, rows BIGINT, seconds DOUBLE)`);
  await conn.run(`ATTACH ':memory:' AS demo`);
  // Every table of the generated demo under its own name: the live ones with their appended rows.
  const tables = (await conn.runAndReadAll(`SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'demo_base' ORDER BY 1, 2`)).getRowObjectsJS()
    .filter((t) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(t.schema_name)) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(t.table_name)));
  for (const schema of new Set(tables.map((t) => String(t.schema_name)))) await conn.run(`CREATE SCHEMA demo.${schema}`);
  for (const { schema_name: schema, table_name: table } of tables) {
    const t = `${String(schema)}.${String(table)}`;
    await conn.run(live.includes(t)
      ? `CREATE VIEW demo.${t} AS SELECT * FROM demo_base.${t} UNION ALL BY NAME SELECT * FROM demo_live.${t}`
      : `CREATE VIEW demo.${t} AS SELECT * FROM demo_base.${t}`);
  }
}

export interface BaseDemo { seed: number; rows: number; days: number; start: Date; end: Date }

/** The incidents that can be replayed, and how long a replay lasts by default. */
export const REPLAYABLE = {
  latency_spike: { minutes: 60, endpoint: ENDPOINTS.chat, entity: ENTITIES.claude.id, what: `${ENTITIES.claude.name} on chat_assistant ×4 slower` },
  provider_5xx_burst: { minutes: 30, endpoint: ENDPOINTS.chat, entity: ENTITIES.gpt.id, what: `~80% of ${ENTITIES.gpt.name} requests fail with 502/503` },
  rate_limit_storm: { minutes: 15, endpoint: ENDPOINTS.chat, entity: null, what: `ticket-enricher (${PEOPLE[PID.storm]!.requester}) floods chat_assistant with 429s` },
  cost_spike: { minutes: 60, endpoint: ENDPOINTS.chat, entity: null, what: `end_user_to_charge=${COST_SPIKE_END_USER} sends full reports` },
} as const;
export type ReplayKind = keyof typeof REPLAYABLE;

const utcDay = (t: number) => Math.floor(t / DAY) * DAY;

/** The generator reads one window per kind: of the incidents touching a day, the latest of each kind. */
function latestPerKind(incidents: PlannedIncident[], from: number, to: Date): PlannedIncident[] {
  const latest = new Map<string, PlannedIncident>();
  for (const i of incidents) {
    const known = latest.get(i.name);
    if (i.end.getTime() > from && i.start < to && (!known || known.start < i.start)) latest.set(i.name, i);
  }
  return [...latest.values()];
}

/** The request grid of one batch [from, to): per minute and endpoint, the generator's traffic shape at the demo's rate. */
function requestsSql(base: BaseDemo, from: Date, to: Date, incidents: PlannedIncident[]): string {
  const minutes = Math.round((to.getTime() - from.getTime()) / MINUTE);
  // The demo's average rate, at the level its last days reached (the generated traffic grows 20% over the period).
  const perMinute = (base.rows / (base.days * 1440)) * (1.2 / 1.1);
  const stormN = Math.min(Math.floor(base.rows / 10), Math.max(50, Math.round(base.rows * 0.005)));
  const storms = incidents.filter((i) => i.name === 'rate_limit_storm');
  const inStorm = storms.length ? storms.map((s) => `(m.at_minute >= ${ts(s.start)} AND m.at_minute < ${ts(s.end)})`).join(' OR ') : 'FALSE';
  return `CREATE TEMP TABLE req AS
    WITH minutes AS (
      SELECT ${ts(from)} + to_minutes(k) AS at_minute, ${Math.floor(from.getTime() / MINUTE)} + k AS mk FROM range(${minutes}) t(k)
    ), eps AS (
      SELECT * FROM (VALUES ('chat', 0, 0.55), ('agent', 1, 0.25), ('emb', 2, 0.20)) e(ep, epi, share)
    ), mean AS (
      SELECT ep, avg(${trafficShapeSql('ep', 'hod', 'dow')}) AS shape_mean
      FROM (SELECT (k % 1440) / 60.0 + 1 / 120.0 AS hod, 1 + k // 1440 AS dow FROM range(10080) t(k)), eps GROUP BY ep
    ), lam AS (
      SELECT m.at_minute, m.mk, e.ep, e.epi,
        ${perMinute} * e.share * ${trafficShapeSql('e.ep', 'hour(m.at_minute) + minute(m.at_minute) / 60.0 + 1 / 120.0', 'isodow(m.at_minute)')} / mean.shape_mean
          * (0.85 + 0.3 * u(m.mk // 60 * 3 + e.epi, 'hour-noise')) AS expected_n
      FROM minutes m CROSS JOIN eps e JOIN mean ON mean.ep = e.ep
    ), counts AS (
      SELECT *, least(299, greatest(0, round(expected_n + sqrt(expected_n) * nz(mk * 3 + epi, 'count'))))::BIGINT AS n FROM lam
    )
    SELECT ep, ${LIVE_I} + mk * 1000 + epi * 300 + k AS i,
      at_minute + to_microseconds((u(${LIVE_I} + mk * 1000 + epi * 300 + k, 't') * 60e6)::BIGINT) AS ts, false AS storm
    FROM counts, range(n) r(k)
    UNION ALL
    SELECT 'chat', ${STORM_I} + m.mk * 1000 + k, m.at_minute + to_microseconds((u(${STORM_I} + m.mk * 1000 + k, 't') * 60e6)::BIGINT), true
    FROM minutes m, range(${Math.max(1, Math.round(stormN / 30))}) r(k)
    WHERE ${inStorm}`;
}

const LIVE_TABLES = [...PAYLOAD_TABLES.map((t) => ({ out: `out.inference.${t}`, live: `demo_live.inference.${t}` })), { out: 'out.serving.endpoint_usage', live: 'demo_live.serving.endpoint_usage' }];

/**
 * Generates one batch in a throwaway engine (the same stages as the demo, over our request grid)
 * and writes its tables as Parquet files into `dir`. Returns the files by live table.
 */
async function generateBatch(base: BaseDemo, from: Date, to: Date, incidents: PlannedIncident[], dir: string): Promise<Map<string, string>> {
  const stages = makePlan({ rows: base.rows, days: base.days, seed: base.seed, start: base.start, end: to, incidents, live: { requests: requestsSql(base, from, to, incidents) } });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const files = new Map<string, string>();
  try {
    const con = await instance.connect();
    try {
      await con.run(`ATTACH ':memory:' AS out`);
      for (const stage of stages) for (const sql of stage.sql) await con.run(withSeed(sql, base.seed));
      for (const t of LIVE_TABLES) {
        const file = path.join(dir, `${t.live.split('.').pop()}.parquet`);
        await con.run(`COPY ${t.out} TO ${sqlString(file)} (FORMAT parquet)`);
        files.set(t.live, file);
      }
    } finally {
      con.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  return files;
}

export interface FeedResult { from: string; to: string; rows: number; batches: number; ms: number }

/**
 * Feeds the live file through the engine (statements on the warehouse, which has it attached):
 * `feedUntil` appends every whole minute from where the feed stopped (the demo's end at first) up
 * to an instant; `replay` records an incident that the minutes fed from then on carry.
 */
export class LiveDemo {
  private timer: NodeJS.Timeout | null = null;
  private feeding: Promise<FeedResult | null> | null = null;

  constructor(private readonly warehouse: StatementRunner) {}

  async base(): Promise<BaseDemo> {
    const { rows } = await this.warehouse.run(`SELECT seed, CAST(rows AS DOUBLE) AS rows, days, start_time, end_time FROM demo_base.meta.generation`, {}, { label: 'demo-live' });
    const r = rows[0];
    if (!r) throw new Error('the demo has no meta.generation row');
    return { seed: Number(r.seed), rows: Number(r.rows), days: Number(r.days), start: new Date(String(r.start_time)), end: new Date(String(r.end_time)) };
  }

  /** Where the feed stands: the end of the last minute fed, or the demo's end. */
  async fedUntil(base?: BaseDemo): Promise<Date> {
    const { rows } = await this.warehouse.run(`SELECT max(to_time) AS t FROM demo_live.meta.fed`, {}, { label: 'demo-live' });
    const t = rows[0]?.t;
    return t ? new Date(String(t)) : (base ?? await this.base()).end;
  }

  async incidents(): Promise<PlannedIncident[]> {
    const { rows } = await this.warehouse.run(`SELECT name, endpoint_name, served_entity_id, start_time, end_time, description FROM demo_live.meta.incidents ORDER BY start_time`, {}, { label: 'demo-live' });
    return rows.map((r) => ({ name: String(r.name), endpointName: String(r.endpoint_name), servedEntityId: r.served_entity_id == null ? null : String(r.served_entity_id), start: new Date(String(r.start_time)), end: new Date(String(r.end_time)), description: String(r.description) }));
  }

  /** Appends every whole minute up to `at` (one at a time: a call while feeding waits for it). */
  async feedUntil(at: Date): Promise<FeedResult | null> {
    while (this.feeding) await this.feeding.catch(() => null);
    this.feeding = this.feed(at);
    try {
      return await this.feeding;
    } finally {
      this.feeding = null;
    }
  }

  private async feed(at: Date): Promise<FeedResult | null> {
    const started = performance.now();
    const base = await this.base();
    const to = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
    let from = await this.fedUntil(base);
    if (to <= from) return null;
    if (to.getTime() - from.getTime() > MAX_TOP_UP_DAYS * DAY) from = new Date(to.getTime() - MAX_TOP_UP_DAYS * DAY);
    const incidents = await this.incidents();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-live-'));
    let rows = 0;
    let batches = 0;
    try {
      // Batches are UTC days, generated from midnight (earlier minutes of the day seed the
      // conversations of later ones) and kept from where the feed stopped.
      for (let day = utcDay(from.getTime()); day < to.getTime(); day += DAY) {
        const batchEnd = new Date(Math.min(day + DAY, to.getTime()));
        const keepFrom = new Date(Math.max(day, from.getTime()));
        const files = await generateBatch(base, new Date(day), batchEnd, latestPerKind(incidents, day, batchEnd), dir);
        const bounds = { keep_from: sqlTimestamp(keepFrom), keep_to: sqlTimestamp(batchEnd) };
        let batchRows = 0;
        for (const [table, file] of files) {
          // Idempotent: a batch cut short before its record is written is replaced, not doubled.
          await this.warehouse.run(`DELETE FROM ${table} WHERE request_time >= CAST(:keep_from AS TIMESTAMP)`, { keep_from: bounds.keep_from }, { label: 'demo-live' });
          const inserted = await this.warehouse.run(
            `INSERT INTO ${table} BY NAME SELECT * FROM read_parquet(${sqlString(file)}) WHERE request_time >= CAST(:keep_from AS TIMESTAMP) AND request_time < CAST(:keep_to AS TIMESTAMP)`,
            bounds, { label: 'demo-live' },
          );
          batchRows += Number(inserted.rows[0]?.Count ?? 0);
        }
        await this.warehouse.run(`INSERT INTO demo_live.meta.fed VALUES (CAST(:keep_from AS TIMESTAMP), CAST(:keep_to AS TIMESTAMP), ${batchRows}, ${((performance.now() - started) / 1000).toFixed(3)})`, bounds, { label: 'demo-live' });
        rows += batchRows;
        batches++;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const result = { from: from.toISOString(), to: to.toISOString(), rows, batches, ms: Math.round(performance.now() - started) };
    logger.info('demo.fed', result);
    return result;
  }

  /** Records an incident from `at` (a whole minute) for `minutes`; the feed carries it from then on. */
  async replay(kind: ReplayKind, at: Date, minutes: number = REPLAYABLE[kind].minutes): Promise<PlannedIncident> {
    const spec = REPLAYABLE[kind];
    const start = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
    const incident: PlannedIncident = { name: kind, endpointName: spec.endpoint, servedEntityId: spec.entity, start, end: new Date(start.getTime() + minutes * MINUTE), description: `Replayed: ${spec.what}, for ${minutes} minutes.` };
    await this.warehouse.run(
      `INSERT INTO demo_live.meta.incidents VALUES (${str(incident.name)}, ${str(incident.endpointName)}, ${incident.servedEntityId ? str(incident.servedEntityId) : 'NULL'}, ${ts(incident.start)}, ${ts(incident.end)}, ${str(incident.description)})`,
      {}, { label: 'demo-live' },
    );
    logger.info('demo.incident_replayed', { kind, start: incident.start.toISOString(), end: incident.end.toISOString() });
    return incident;
  }

  /** Tops up to now at once (in the background) and then feeds every minute. */
  start(clock: () => Date): void {
    if (this.timer) return;
    const run = () => void this.feedUntil(clock()).catch((err) => logger.error('demo.feed_failed', { error: (err as Error).message }));
    run();
    this.timer = setInterval(run, MINUTE);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.feeding?.catch(() => null);
  }
}
