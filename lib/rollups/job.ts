import { SCHEMA_NAME } from '@/lib/identifiers';
import { payloadRelation } from '@/lib/catalogue/tables';
import type { PayloadTable } from '@/lib/config';
import { PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import { ROLLUP_AGGREGATES } from './aggregates';
import { ROLLUP_TABLES, databricksStatements, rollupVersion } from './build';

/** The session's view of every payload table, made by the job before the build reads it. */
export const JOB_PAYLOAD_VIEW = 'gateway_lens_payload';
const DISCOVERY_VARIABLE = 'gateway_lens_payload_sql';

export interface JobScript {
  /** `catalog.schema` the rollups are written to (created when missing). */
  schema: string;
  /** Where the payload tables are: listed, or every `*_payload` table of a schema found at run time. */
  payload: { tables: PayloadTable[] } | { schema: string };
  endpointUsage: string | null;
  servedEntities: string;
  /** Refresh the last N days (relative to the day the job runs); null: build everything. */
  sinceDays: number | null;
}

/**
 * The SQL a scheduled Databricks job runs (`npm run rollups -- --print [--since-days N]`), as a
 * list of statements for one SQL file task. It holds no date and no fixed table list:
 * - the session is set to UTC, which the hour and date logic assumes;
 * - ROLLUP_SCHEMA is created when missing;
 * - with PAYLOAD_SCHEMA, the `*_payload` tables are discovered when the job runs, keeping only
 *   those with every AI Gateway column (a legacy inference table is left out), into a temporary
 *   view built with EXECUTE IMMEDIATE; listed tables make the same view directly;
 * - a refresh rewrites the last N days from `current_date()`, reads endpoint_usage for those days
 *   only, creates tables that do not exist yet (the first run), and stops with an error when the
 *   tables were built by another definition version (a full build must run first).
 */
export function jobStatements(job: JobScript): string[] {
  if (!SCHEMA_NAME.test(job.schema)) throw new Error('ROLLUP_SCHEMA is not catalog.schema');
  const source = { payload: JOB_PAYLOAD_VIEW, endpointUsage: job.endpointUsage, servedEntities: job.servedEntities };
  const head = [`SET TIME ZONE 'UTC'`, `CREATE SCHEMA IF NOT EXISTS ${job.schema}`, ...payloadView(job.payload)];
  if (job.sinceDays === null) return [...head, ...databricksStatements({ schema: job.schema, source })];

  const state = `${job.schema}.${ROLLUP_TABLES.state}`;
  const version = rollupVersion();
  // The first run creates what a full build would; later runs find the tables and skip this.
  const firstRun = databricksStatements({ schema: job.schema, source })
    .filter((s) => [ROLLUP_TABLES.facts, ROLLUP_TABLES.text, ...ROLLUP_AGGREGATES.map((a) => a.name)].some((name) => s.startsWith(`CREATE OR REPLACE TABLE ${job.schema}.${name} `)))
    .map((s) => s.replace(/^CREATE OR REPLACE TABLE /, 'CREATE TABLE IF NOT EXISTS '));
  return [
    ...head,
    `CREATE TABLE IF NOT EXISTS ${state} (version STRING, built_at TIMESTAMP, covers_end TIMESTAMP, fact_rows BIGINT, with_endpoint_usage BOOLEAN)`,
    `SELECT CASE WHEN count(*) > 0 AND count_if(version = '${version}') = 0
  THEN raise_error('The rollups in ${job.schema} were built by another definition version: run the full build job once, then the refresh')
END AS version_check
FROM ${state}`,
    ...firstRun,
    ...databricksStatements({ schema: job.schema, source, sinceDays: job.sinceDays }),
  ];
}

function payloadView(payload: JobScript['payload']): string[] {
  if ('tables' in payload) {
    return [`CREATE OR REPLACE TEMPORARY VIEW ${JOB_PAYLOAD_VIEW} AS\nSELECT * FROM ${payloadRelation(payload.tables, null)} payload_tables`];
  }
  if (!SCHEMA_NAME.test(payload.schema)) throw new Error('PAYLOAD_SCHEMA is not catalog.schema');
  const [catalog, schema] = payload.schema.split('.') as [string, string];
  const names = PAYLOAD_COLUMNS.map((c) => c.name);
  const q = 'chr(39)';
  return [
    `DECLARE OR REPLACE VARIABLE ${DISCOVERY_VARIABLE} STRING`,
    `SET VAR ${DISCOVERY_VARIABLE} = (
  SELECT CASE WHEN count(*) = 0
    THEN raise_error('No *_payload table with the AI Gateway inference table columns in ${payload.schema}')
    ELSE concat('CREATE OR REPLACE TEMPORARY VIEW ${JOB_PAYLOAD_VIEW} AS ', array_join(array_sort(collect_list(branch)), ' UNION ALL '))
  END
  FROM (
    SELECT concat('SELECT ', ${q}, regexp_replace(table_name, '_payload$', ''), ${q}, ' AS endpoint_name, ${names.join(', ')} FROM ${catalog}.${schema}.', table_name) AS branch
    FROM ${catalog}.information_schema.columns
    WHERE table_schema = '${schema}' AND table_name RLIKE '^[A-Za-z_][A-Za-z0-9_]*_payload$'
    GROUP BY table_name
    HAVING count(DISTINCT CASE WHEN lower(column_name) IN (${names.map((n) => `'${n}'`).join(', ')}) THEN lower(column_name) END) = ${names.length}
  ) discovered
)`,
    `EXECUTE IMMEDIATE ${DISCOVERY_VARIABLE}`,
  ];
}

/** The file a SQL file task runs: a header saying what it is, then the statements. */
export function jobFile(job: JobScript, statements = jobStatements(job)): string {
  const what = job.sinceDays === null
    ? 'Builds the Gateway Lens rollups whole.'
    : `Refreshes the Gateway Lens rollups: the last ${job.sinceDays} day(s) before the day it runs (UTC).`;
  const source = 'tables' in job.payload ? `payload tables ${job.payload.tables.map((t) => t.table).join(', ')}` : `every *_payload table of ${job.payload.schema}, found when it runs`;
  return [
    `-- ${what}`,
    `-- Generated by \`npm run rollups -- --print${job.sinceDays === null ? '' : ` --since-days ${job.sinceDays}`}\`; definition version ${rollupVersion()}.`,
    `-- Reads ${source}; writes ${job.schema}. Run by a Databricks SQL file task (databricks.yml).`,
    '',
    `${statements.join(';\n\n')};`,
    '',
  ].join('\n');
}
