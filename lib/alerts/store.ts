import 'server-only';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AppConfig } from '@/lib/config';
import { SCHEMA_NAME } from '@/lib/identifiers';
import { sqlTimestamp } from '@/lib/catalogue/filters';
import { getWarehouse } from '@/lib/engine';
import { createDuckdbWarehouse } from '@/lib/warehouse/duckdb';
import type { Row, Warehouse } from '@/lib/warehouse/types';

/**
 * Where rules, budgets, saved views and the embedded evaluator's history live: tables in one
 * schema, written with the same statements on both engines (MERGE runs on Databricks and DuckDB) —
 * on Databricks a Unity Catalog schema (LENS_STATE_SCHEMA) the viewers can read, embedded a local
 * DuckDB file (LENS_STATE_DB) attached as `lens_state`. Values are bound parameters; the schema
 * comes from validated configuration.
 */

export type RecordKind = 'rule' | 'budget' | 'view';

export interface StoredRecord { kind: RecordKind; id: string; owner: string; body: unknown; createdAt: string; updatedAt: string }

export type EvalState = 'ok' | 'triggered' | 'no_data' | 'error';

export interface AlertStatus {
  ruleId: string;
  state: EvalState;
  evaluatedAt: string;
  /** The evaluated instant's window. */
  windowStart: string | null;
  windowEnd: string | null;
  value: number | null;
  threshold: number | null;
  detail: string | null;
  /** When the last notification for the current firing went out. */
  notifiedAt: string | null;
}

export interface Firing {
  id: string;
  ruleId: string;
  /** `schedule`: the evaluator; `test`: "test now"; `replay`: evaluated over a past period. */
  source: 'schedule' | 'test' | 'replay';
  startedAt: string;
  /** null while still firing. */
  endedAt: string | null;
  /** The time the firing covers: from the first triggered window's start to the last one's end. */
  windowStart: string;
  windowEnd: string;
  peakValue: number | null;
  threshold: number | null;
  detail: string | null;
  notified: boolean;
}

export class StoreUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

const TABLES = { records: 'gateway_lens_records', status: 'gateway_lens_alert_status', firings: 'gateway_lens_alert_firings' } as const;

const DDL = (s: string) => [
  `CREATE TABLE IF NOT EXISTS ${s}.${TABLES.records} (kind STRING, id STRING, owner STRING, body STRING, created_at TIMESTAMP, updated_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS ${s}.${TABLES.status} (rule_id STRING, state STRING, evaluated_at TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP, value DOUBLE, threshold DOUBLE, detail STRING, notified_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS ${s}.${TABLES.firings} (id STRING, rule_id STRING, source STRING, started_at TIMESTAMP, ended_at TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP, peak_value DOUBLE, threshold DOUBLE, detail STRING, notified BOOLEAN)`,
];

const ts = (iso: string | null) => (iso === null ? null : sqlTimestamp(new Date(iso)));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v).replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})?$/, (z) => z || 'Z')).toISOString());
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A MERGE keyed on `keys`: insert the row or replace its other columns. */
function upsertSql(table: string, keys: string[], columns: { name: string; cast?: string }[]): string {
  const value = (c: { name: string; cast?: string }) => (c.cast ? `CAST(:${c.name} AS ${c.cast})` : `:${c.name}`);
  const all = [...keys.map((name) => ({ name })), ...columns];
  return `MERGE INTO ${table} AS t
USING (SELECT ${all.map((c) => `${value(c)} AS ${c.name}`).join(', ')}) AS s
ON ${keys.map((k) => `t.${k} = s.${k}`).join(' AND ')}
WHEN MATCHED THEN UPDATE SET ${columns.map((c) => `${c.name} = s.${c.name}`).join(', ')}
WHEN NOT MATCHED THEN INSERT (${all.map((c) => c.name).join(', ')}) VALUES (${all.map((c) => `s.${c.name}`).join(', ')})`;
}

export class LensStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly warehouse: Warehouse, readonly schema: string) {
    if (!SCHEMA_NAME.test(schema)) throw new StoreUnavailable(`the state schema "${schema}" is not catalog.schema`);
  }

  private t(name: keyof typeof TABLES) {
    return `${this.schema}.${TABLES[name]}`;
  }

  private async run(sql: string, params: Record<string, string | number | boolean | null> = {}): Promise<Row[]> {
    this.ready ??= (async () => {
      for (const ddl of DDL(this.schema)) await this.warehouse.run(ddl, {}, { label: 'lens-state' });
    })().catch((err) => {
      this.ready = null;
      throw err;
    });
    await this.ready;
    return (await this.warehouse.run(sql, params, { label: 'lens-state' })).rows;
  }

  async list(kind: RecordKind): Promise<StoredRecord[]> {
    const rows = await this.run(`SELECT kind, id, owner, body, created_at, updated_at FROM ${this.t('records')} WHERE kind = :kind ORDER BY created_at, id`, { kind });
    return rows.map(toRecord);
  }

  async get(kind: RecordKind, id: string): Promise<StoredRecord | null> {
    const rows = await this.run(`SELECT kind, id, owner, body, created_at, updated_at FROM ${this.t('records')} WHERE kind = :kind AND id = :id`, { kind, id });
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async put(r: StoredRecord): Promise<void> {
    await this.run(upsertSql(this.t('records'), ['kind', 'id'], [{ name: 'owner' }, { name: 'body' }, { name: 'created_at', cast: 'TIMESTAMP' }, { name: 'updated_at', cast: 'TIMESTAMP' }]), {
      kind: r.kind, id: r.id, owner: r.owner, body: JSON.stringify(r.body), created_at: ts(r.createdAt), updated_at: ts(r.updatedAt),
    });
  }

  /** Removes a record (and, for a rule, its status and history); false when there was none. */
  async remove(kind: RecordKind, id: string): Promise<boolean> {
    const existed = await this.get(kind, id);
    await this.run(`DELETE FROM ${this.t('records')} WHERE kind = :kind AND id = :id`, { kind, id });
    return existed !== null;
  }

  async removeHistory(ruleIds: string[]): Promise<void> {
    for (const id of ruleIds) {
      await this.run(`DELETE FROM ${this.t('status')} WHERE rule_id = :id`, { id });
      await this.run(`DELETE FROM ${this.t('firings')} WHERE rule_id = :id`, { id });
    }
  }

  async statuses(): Promise<Map<string, AlertStatus>> {
    const rows = await this.run(`SELECT * FROM ${this.t('status')}`);
    return new Map(rows.map((r) => [String(r.rule_id), {
      ruleId: String(r.rule_id), state: String(r.state) as EvalState, evaluatedAt: iso(r.evaluated_at)!, windowStart: iso(r.window_start), windowEnd: iso(r.window_end),
      value: num(r.value), threshold: num(r.threshold), detail: r.detail == null ? null : String(r.detail), notifiedAt: iso(r.notified_at),
    }]));
  }

  async putStatus(s: AlertStatus): Promise<void> {
    await this.run(upsertSql(this.t('status'), ['rule_id'], [
      { name: 'state' }, { name: 'evaluated_at', cast: 'TIMESTAMP' }, { name: 'window_start', cast: 'TIMESTAMP' }, { name: 'window_end', cast: 'TIMESTAMP' },
      { name: 'value', cast: 'DOUBLE' }, { name: 'threshold', cast: 'DOUBLE' }, { name: 'detail' }, { name: 'notified_at', cast: 'TIMESTAMP' },
    ]), {
      rule_id: s.ruleId, state: s.state, evaluated_at: ts(s.evaluatedAt), window_start: ts(s.windowStart), window_end: ts(s.windowEnd),
      value: s.value, threshold: s.threshold, detail: s.detail, notified_at: ts(s.notifiedAt),
    });
  }

  async firings(opts: { ruleId?: string; limit?: number } = {}): Promise<Firing[]> {
    const rows = await this.run(
      `SELECT * FROM ${this.t('firings')} WHERE (:rule_id IS NULL OR rule_id = :rule_id) ORDER BY started_at DESC, id DESC LIMIT ${Math.max(1, Math.min(1000, Math.floor(opts.limit ?? 200)))}`,
      { rule_id: opts.ruleId ?? null },
    );
    return rows.map((r) => ({
      id: String(r.id), ruleId: String(r.rule_id), source: String(r.source) as Firing['source'], startedAt: iso(r.started_at)!, endedAt: iso(r.ended_at),
      windowStart: iso(r.window_start)!, windowEnd: iso(r.window_end)!, peakValue: num(r.peak_value), threshold: num(r.threshold),
      detail: r.detail == null ? null : String(r.detail), notified: Boolean(r.notified),
    }));
  }

  async putFiring(f: Firing): Promise<void> {
    await this.run(upsertSql(this.t('firings'), ['id'], [
      { name: 'rule_id' }, { name: 'source' }, { name: 'started_at', cast: 'TIMESTAMP' }, { name: 'ended_at', cast: 'TIMESTAMP' },
      { name: 'window_start', cast: 'TIMESTAMP' }, { name: 'window_end', cast: 'TIMESTAMP' }, { name: 'peak_value', cast: 'DOUBLE' },
      { name: 'threshold', cast: 'DOUBLE' }, { name: 'detail' }, { name: 'notified', cast: 'BOOLEAN' },
    ]), {
      id: f.id, rule_id: f.ruleId, source: f.source, started_at: ts(f.startedAt), ended_at: ts(f.endedAt), window_start: ts(f.windowStart),
      window_end: ts(f.windowEnd), peak_value: f.peakValue, threshold: f.threshold, detail: f.detail, notified: f.notified,
    });
  }
}

function toRecord(r: Row): StoredRecord {
  return { kind: String(r.kind) as RecordKind, id: String(r.id), owner: String(r.owner), body: JSON.parse(String(r.body)), createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)! };
}

/** The embedded store: its own DuckDB instance over the state file (the demo stays read-only). */
export function openEmbeddedStore(file: string): { store: LensStore; close: () => Promise<void> } {
  const instance = (async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(`SET GLOBAL TimeZone = 'UTC'`);
      await conn.run(`ATTACH '${file.replace(/'/g, "''")}' AS lens_state`);
    } finally {
      conn.closeSync();
    }
    return db;
  })();
  const warehouse = createDuckdbWarehouse(instance);
  return { store: new LensStore(warehouse, 'lens_state.main'), close: () => warehouse.close() };
}

const holder = globalThis as unknown as { __gatewayLensStore?: { key: string; store: LensStore } };

/** The process's store (one per configuration, on globalThis like the engine). */
export async function getLensStore(config: AppConfig): Promise<LensStore> {
  if (config.engine === 'databricks') {
    const schema = config.alerts.stateSchema;
    if (!schema) throw new StoreUnavailable('Rules, budgets and saved views need a schema to live in: set LENS_STATE_SCHEMA=catalog.schema');
    const key = `databricks:${schema}`;
    if (holder.__gatewayLensStore?.key !== key) holder.__gatewayLensStore = { key, store: new LensStore(await getWarehouse(), schema) };
    return holder.__gatewayLensStore.store;
  }
  const key = `duckdb:${config.alerts.stateDb}`;
  if (holder.__gatewayLensStore?.key !== key) holder.__gatewayLensStore = { key, store: openEmbeddedStore(config.alerts.stateDb).store };
  return holder.__gatewayLensStore.store;
}
