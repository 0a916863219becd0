import 'server-only';
import { createHash } from 'node:crypto';
import { SCHEMA_NAME } from '@/lib/identifiers';
import { FACT_COLUMN_LIST, TEXT_COLUMN_LIST, factsSelect, textSelect, type FactsSource } from './facts';
import { ROLLUP_AGGREGATES, aggregateInput } from './aggregates';

/** Table names inside the rollup schema (Databricks) or the attached `lens` database (embedded). */
export const ROLLUP_TABLES = {
  facts: 'gateway_lens_request_facts',
  text: 'gateway_lens_request_text',
  state: 'gateway_lens_rollup_state',
  /** When the current build started (its state's coverage is measured from it). */
  build: 'gateway_lens_rollup_build',
} as const;

const SAMPLE_SOURCE = { payload: 'P', endpointUsage: 'c.s.u', servedEntities: 'c.s.e' };
const hash16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * A hash of the definitions of the request facts and texts alone: the part of a build that reads
 * payloads (nearly all of its time). Rollups whose facts version matches keep their facts when only
 * the aggregates over them changed.
 */
export function factsVersion(): string {
  return hash16([factsSelect(SAMPLE_SOURCE, { window: false }), FACT_COLUMN_LIST, textSelect(SAMPLE_SOURCE), TEXT_COLUMN_LIST].join('\n'));
}

/**
 * A hash of every definition the rollups are built from. A table built by another version is
 * never read (Databricks) or is rebuilt (embedded), so a changed definition cannot mix with old rows.
 */
export function rollupVersion(): string {
  return hash16([factsVersion(), ...ROLLUP_AGGREGATES.map((a) => `${a.name}:${a.select({ facts: 'F', text: 'T' })}`)].join('\n'));
}

/**
 * How far Databricks rollups are complete: inference tables deliver rows "usually within an
 * hour", so rows older than two hours before the build are taken as all there. Later ones are read
 * raw until the next refresh.
 */
export const DATABRICKS_SETTLE_HOURS = 2;

export interface DatabricksBuild {
  /** `catalog.schema` the rollups are written to. */
  schema: string;
  source: FactsSource;
  /** Refresh only rows from this date on (the table must exist with this version); else rebuild. */
  sinceDate?: string | null;
  /** Or from this many days before the day the statements run (UTC): what a scheduled job uses. */
  sinceDays?: number | null;
}

/** The first day an incremental build rewrites, as a SQL DATE expression; null for a full build. */
function sinceSql(b: DatabricksBuild): string | null {
  if (b.sinceDays != null) {
    if (!Number.isInteger(b.sinceDays) || b.sinceDays < 0) throw new Error('sinceDays is not a whole number of days');
    return `date_sub(current_date(), ${b.sinceDays})`;
  }
  if (b.sinceDate == null) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(b.sinceDate)) throw new Error('sinceDate is not YYYY-MM-DD');
  return `CAST('${b.sinceDate}' AS DATE)`;
}

/**
 * The statements `npm run rollups` runs on Databricks, in order. First the build's start time is
 * recorded: rows are taken as complete up to two hours before it, however long the build runs.
 * Full build: CREATE OR REPLACE each table. Incremental (`sinceDate`): `INSERT … REPLACE WHERE`
 * the recent days of each table — one atomic statement per table, so readers never see a gap and
 * a retried statement cannot double rows — and a scheduled job scans a few days, not the history.
 * The state row is written last: readers trust only what a finished build recorded.
 */
export function databricksStatements(b: DatabricksBuild): string[] {
  if (!SCHEMA_NAME.test(b.schema)) throw new Error('ROLLUP_SCHEMA is not catalog.schema');
  const since = sinceSql(b);
  const t = (name: string) => `${b.schema}.${name}`;
  const facts = t(ROLLUP_TABLES.facts);
  const text = t(ROLLUP_TABLES.text);
  const select = factsSelect(b.source, { window: false, ...(since ? { since } : {}) });
  const textRows = textSelect(b.source, since ? { since } : {});
  const statements: string[] = [`CREATE OR REPLACE TABLE ${t(ROLLUP_TABLES.build)} AS\nSELECT current_timestamp() AS started_at`];
  if (since === null) {
    statements.push(`CREATE OR REPLACE TABLE ${facts} CLUSTER BY (request_date, endpoint_name) AS\nSELECT ${FACT_COLUMN_LIST} FROM (\n    ${select}\n) f`);
    statements.push(`CREATE OR REPLACE TABLE ${text} CLUSTER BY (request_date, endpoint_name) AS\nSELECT ${TEXT_COLUMN_LIST} FROM (\n    ${textRows}\n) f`);
    for (const a of ROLLUP_AGGREGATES) {
      statements.push(`CREATE OR REPLACE TABLE ${t(a.name)} CLUSTER BY (${a.clusterBy}) AS\n${a.select(aggregateInput(facts, text))}`);
    }
  } else {
    statements.push(`INSERT INTO ${facts} REPLACE WHERE request_date >= ${since}\nSELECT ${FACT_COLUMN_LIST} FROM (\n    ${select}\n) f WHERE f.request_date >= ${since}`);
    statements.push(`INSERT INTO ${text} REPLACE WHERE request_date >= ${since}\nSELECT ${TEXT_COLUMN_LIST} FROM (\n    ${textRows}\n) f WHERE f.request_date >= ${since}`);
    for (const a of ROLLUP_AGGREGATES) {
      statements.push(`INSERT INTO ${t(a.name)} REPLACE WHERE ${a.dateColumn} >= ${since}\nSELECT * FROM (\n${a.select(aggregateInput(facts, text, since))}\n) a WHERE a.${a.dateColumn} >= ${since}`);
    }
  }
  statements.push(`CREATE OR REPLACE TABLE ${t(ROLLUP_TABLES.state)} AS
SELECT
  '${rollupVersion()}' AS version,
  current_timestamp() AS built_at,
  date_trunc('hour', (SELECT max(started_at) FROM ${t(ROLLUP_TABLES.build)}) - INTERVAL ${DATABRICKS_SETTLE_HOURS} HOURS) AS covers_end,
  (SELECT count(*) FROM ${facts}) AS fact_rows,
  ${b.source.endpointUsage === null ? 'false' : 'true'} AS with_endpoint_usage`);
  return statements;
}

/** The statement that reads a Databricks rollup state row. */
export function databricksStateSql(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error('ROLLUP_SCHEMA is not catalog.schema');
  return `SELECT version, built_at, covers_end, fact_rows FROM ${schema}.${ROLLUP_TABLES.state}`;
}
