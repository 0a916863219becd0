/**
 * `npm run rollups -- [--force] [--since-days N] [--print] [--help]`: builds the request facts and
 * hourly rollups the dashboard reads (lib/rollups). Embedded engine: builds or reuses the rollup
 * DuckDB file. Databricks: runs the build statements into ROLLUP_SCHEMA, or prints them.
 */
import { ConfigError, loadConfig, type AppConfig } from '../lib/config';
import { payloadRelation, resolveTables, type ResolvedTables } from '../lib/catalogue/tables';
import { redactSecrets } from '../lib/logger';
import { ROLLUPS_USAGE, RollupsUsageError, parseRollupsArgs, refreshSinceDate, type RollupsArgs } from '../lib/rollups/args';
import { databricksStateSql, databricksStatements, rollupVersion } from '../lib/rollups/build';
import { jobFile } from '../lib/rollups/job';
import type { FactsSource } from '../lib/rollups/facts';
import type { DatabricksConfig } from '../lib/warehouse/databricks';
import { WarehouseError, type Warehouse } from '../lib/warehouse/types';
import { now as clockNow } from '../lib/time/clock';

/** A full build scans every payload row: far longer than the dashboard's per-query timeout. */
const BUILD_STATEMENT_TIMEOUT_SECONDS = 4 * 3600;

export interface RollupsDeps {
  /** Defaults to loadConfig(process.env). */
  config?: AppConfig;
  out?: (line: string) => void;
  err?: (line: string) => void;
  now?: () => Date;
  /** Opens the Databricks warehouse; tests pass a fake. */
  openDatabricks?: (config: DatabricksConfig) => Warehouse | Promise<Warehouse>;
}

type Io = { out: (line: string) => void; err: (line: string) => void };

/** Runs the command; resolves to the process exit code (2: usage or configuration). */
export async function main(argv: string[], deps: RollupsDeps = {}): Promise<number> {
  const io: Io = { out: deps.out ?? ((l) => console.log(l)), err: deps.err ?? ((l) => console.error(l)) };
  let args: RollupsArgs;
  try {
    args = parseRollupsArgs(argv);
  } catch (e) {
    if (!(e instanceof RollupsUsageError)) throw e;
    io.err(`rollups: ${e.message}\n${ROLLUPS_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(ROLLUPS_USAGE);
    return 0;
  }
  let config: AppConfig;
  try {
    config = deps.config ?? loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
  if (config.rollups.mode === 'off') io.out('rollups: note: ROLLUPS=off, so the dashboard will not read what this builds until it is auto');
  return config.engine === 'databricks' && config.databricks
    ? runDatabricks(config, config.databricks, args, io, deps)
    : runEmbedded(config, args, io);
}

async function runEmbedded(config: AppConfig, args: RollupsArgs, io: Io): Promise<number> {
  if (args.print || args.sinceDays !== null) {
    io.err(`rollups: ${args.print ? '--print' : '--since-days'} is for Databricks (DATABRICKS_* is not configured); the embedded rollups are rebuilt whole when their source changes\n${ROLLUPS_USAGE}`);
    return 2;
  }
  const { createDuckdbWarehouse, openDuckdb } = await import('../lib/warehouse/duckdb');
  const { prepareEmbeddedRollups } = await import('../lib/rollups/prepare');
  const { ensureDemo } = await import('../lib/demo/ensure');
  const source = config.duckdb.dataDir ?? config.duckdb.demoPath;
  await ensureDemo(config.duckdb);
  const instance = openDuckdb(config.duckdb);
  const warehouse = createDuckdbWarehouse(instance, { statementTimeoutMs: config.statementTimeoutSeconds * 1000 });
  try {
    let opened;
    try {
      opened = await instance;
    } catch (e) {
      io.err(`rollups: cannot open the embedded engine on ${source}: ${errorText(e)}`);
      return 1;
    }
    io.out(`rollups: embedded engine over ${source}${args.force ? ' (--force)' : ''}`);
    const state = await prepareEmbeddedRollups(opened, warehouse, config, { force: args.force });
    if (!state) {
      io.err(`rollups: building ${config.duckdb.rollupPath} failed (the rollups.failed line above says why); the dashboard reads the raw tables until a build succeeds`);
      return 1;
    }
    io.out(`rollups: ${state.built ? 'built' : 'reused (current; --force rebuilds)'} ${config.duckdb.rollupPath}`);
    io.out(`  fact rows  ${state.factRows.toLocaleString('en-US')}`);
    io.out(`  seconds    ${(state.seconds ?? 0).toFixed(1)}`);
    io.out(`  version    ${state.version}`);
    return 0;
  } finally {
    await warehouse.close();
  }
}

async function runDatabricks(config: AppConfig, databricks: DatabricksConfig, args: RollupsArgs, io: Io, deps: RollupsDeps): Promise<number> {
  const schema = config.rollups.schema;
  if (!schema) {
    io.err('rollups: ROLLUP_SCHEMA is not set: name the catalog.schema the rollup tables are written to and read from, e.g. ROLLUP_SCHEMA=main.gateway_lens');
    return 2;
  }
  const now = deps.now?.() ?? clockNow();
  if (args.print) {
    // The job's SQL: nothing fixed at print time but the configuration (tables found when it runs).
    io.out(jobFile({
      schema,
      payload: config.payloadTables ? { tables: config.payloadTables } : { schema: config.payloadSchema! },
      endpointUsage: config.endpointUsageTable,
      servedEntities: config.servedEntitiesTable,
      sinceDays: args.sinceDays,
    }));
    return 0;
  }

  const open = deps.openDatabricks ?? (await import('../lib/warehouse/databricks')).createDatabricksWarehouse;
  const warehouse = await open({
    ...databricks,
    userAuthorization: false,
    statementTimeoutSeconds: Math.max(databricks.statementTimeoutSeconds, BUILD_STATEMENT_TIMEOUT_SECONDS),
  });
  let step = 'resolving the payload tables';
  try {
    const tables = await resolveTables(config, warehouse);
    if (tables.payload.length === 0) {
      io.err(`rollups: no payload table to build from: ${config.payloadSchema} has no *_payload table this identity can see`);
      return 1;
    }
    step = `reading ${tables.endpointUsage}`;
    const endpointUsage = await readableEndpointUsage(warehouse, tables.endpointUsage, io);
    step = 'reading the rollup state';
    const sinceDate = args.sinceDays === null ? null : await incrementalSince(warehouse, schema, refreshSinceDate(now, args.sinceDays), io);
    const statements = databricksStatements({ schema, source: factsSource(tables, endpointUsage), sinceDate });
    io.out(`rollups: ${sinceDate ? `refreshing rows from ${sinceDate} on` : 'full build'} in ${schema} from ${tables.payload.length} payload table(s), version ${rollupVersion()}`);
    const started = performance.now();
    for (const [i, sql] of statements.entries()) {
      step = statementLabel(sql);
      const { durationMs } = await warehouse.run(sql, {}, { label: `rollups ${step}` });
      io.out(`  ${String(i + 1).padStart(2)}/${statements.length}  ${step.padEnd(44)} ${(durationMs / 1000).toFixed(1).padStart(7)} s`);
    }
    io.out(`rollups: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    io.err(`rollups: failed while ${step}: ${errorText(e)}`);
    return 1;
  } finally {
    await warehouse.close();
  }
}

const factsSource = (tables: ResolvedTables, endpointUsage: string | null): FactsSource => ({ payload: payloadRelation(tables.payload, null), endpointUsage, servedEntities: tables.servedEntities });

/** `--print` never connects: payload tables come from PAYLOAD_TABLES, checked before this is used. */
/**
 * endpoint_usage is usually admin-only. Without it the facts take token counts from response
 * bodies and usage_context from request bodies, as the dashboard does when it cannot read it.
 */
async function readableEndpointUsage(warehouse: Warehouse, table: string, io: Io): Promise<string | null> {
  try {
    await warehouse.run(`SELECT databricks_request_id FROM ${table} LIMIT 1`, {}, { label: 'rollups probe endpoint_usage' });
    return table;
  } catch (e) {
    if (!(e instanceof WarehouseError && (e.kind === 'permission' || e.kind === 'not_found'))) throw e;
    io.err(`rollups: warning: ${table} cannot be read (${e.message}); building without it: token counts come from the response bodies. Grant SELECT on it and rebuild to include it.`);
    return null;
  }
}

/** The refresh date when the state table holds a build of this version; else null (full build). */
async function incrementalSince(warehouse: Warehouse, schema: string, since: string, io: Io): Promise<string | null> {
  let row;
  try {
    row = (await warehouse.run(databricksStateSql(schema), {}, { label: 'rollups state' })).rows[0];
  } catch (e) {
    if (!(e instanceof WarehouseError && e.kind === 'not_found')) throw e;
    io.out(`rollups: --since-days: no rollup state table in ${schema} yet, so everything is built`);
    return null;
  }
  const version = rollupVersion();
  if (!row) {
    io.out(`rollups: --since-days: the rollup state table in ${schema} is empty, so everything is built`);
    return null;
  }
  if (String(row.version) !== version) {
    io.out(`rollups: --since-days: the tables in ${schema} were built by definition version ${String(row.version)}, this is ${version}, so everything is rebuilt`);
    return null;
  }
  io.out(`rollups: --since-days: tables of this version built at ${String(row.built_at)} with ${String(row.fact_rows)} fact rows`);
  return since;
}

/** `create gateway_lens_hourly`, `delete …`, `insert …`: the verb and table of a build statement. */
export function statementLabel(sql: string): string {
  const m = /^(CREATE OR REPLACE TABLE|DELETE FROM|INSERT INTO)\s+[\w.]*?(\w+)\s/.exec(sql);
  if (!m) return sql.split(/\s+/, 3).join(' ').toLowerCase();
  return `${m[1]!.split(' ')[0]!.toLowerCase()} ${m[2]}`;
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const detail = e instanceof WarehouseError && e.detail instanceof Error && e.detail.message !== e.message ? `\n  ${e.detail.message.split('\n').slice(0, 4).join('\n  ')}` : '';
  return redactSecrets(`${e.message}${detail}`);
}

if (/[\\/]scripts[\\/]rollups\.ts$/.test(process.argv[1] ?? '')) {
  process.env.LOG_LEVEL ??= 'warn';
  main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
    console.error(`rollups: failed: ${errorText(e)}`);
    process.exit(1);
  });
}
