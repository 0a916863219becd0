import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { z } from 'zod';
import { loadConfig } from '@/lib/config';
import { jobFile, jobStatements, JOB_PAYLOAD_VIEW, type JobScript } from '@/lib/rollups/job';
import { payloadRelation } from '@/lib/catalogue/tables';
import { main as grantsMain } from '@/scripts/grants';

/**
 * The bundle's fields we use, with the types and values Databricks' bundle JSON schema gives them
 * (databricks/cli bundle/schema/jsonschema.json: resources.App, apps.AppResource(SqlWarehouse),
 * resources.Job, jobs.Task, jobs.SqlTask(File), jobs.CronSchedule, variable.Variable, config.Target).
 * Objects are strict, as `databricks bundle validate` warns on unknown properties.
 */
const varRef = z.string().regex(/^\$\{var\.[a-z_]+\}$/);
const sqlTask = z.object({
  warehouse_id: varRef,
  file: z.object({ path: z.string().min(1), source: z.enum(['WORKSPACE', 'GIT']).optional() }).strict(),
}).strict();
const task = z.object({
  task_key: z.string().regex(/^[\w-]{1,100}$/),
  description: z.string().optional(),
  timeout_seconds: z.number().int().min(0).optional(),
  max_retries: z.number().int().min(-1).optional(),
  min_retry_interval_millis: z.number().int().min(0).optional(),
  sql_task: sqlTask,
}).strict();
const job = z.object({
  name: z.string().max(4096),
  description: z.string().max(27700).optional(),
  max_concurrent_runs: z.number().int().min(1).optional(),
  schedule: z.object({
    // Quartz: seconds minutes hours day-of-month month day-of-week [year].
    quartz_cron_expression: z.string().refine((c) => [6, 7].includes(c.trim().split(/\s+/).length), 'a Quartz expression has 6 or 7 fields'),
    timezone_id: z.string(),
    pause_status: z.enum(['UNPAUSED', 'PAUSED']).optional(),
  }).strict().optional(),
  tasks: z.array(task).min(1),
}).strict();
const app = z.object({
  // "must contain only lowercase alphanumeric characters and hyphens"
  name: z.string().regex(/^[a-z0-9-]{2,30}$/),
  description: z.string().optional(),
  source_code_path: z.string(),
  resources: z.array(z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    sql_warehouse: z.object({ id: varRef, permission: z.enum(['CAN_MANAGE', 'CAN_USE', 'IS_OWNER']) }).strict(),
  }).strict()),
  user_api_scopes: z.array(z.string()).optional(),
}).strict();
const bundleSchema = z.object({
  bundle: z.object({ name: z.string().min(1) }).strict(),
  variables: z.record(z.string(), z.object({
    description: z.string().optional(),
    default: z.unknown().optional(),
    lookup: z.object({ warehouse: z.string().min(1) }).strict().optional(),
  }).strict()),
  sync: z.object({ exclude: z.array(z.string()) }).strict().optional(),
  resources: z.object({ apps: z.record(z.string(), app), jobs: z.record(z.string(), job) }).strict(),
  targets: z.record(z.string(), z.object({ mode: z.enum(['development', 'production']).optional(), default: z.boolean().optional() }).strict()),
}).strict();

const root = process.cwd();
const raw = fs.readFileSync(path.join(root, 'databricks.yml'), 'utf8');
const bundle = bundleSchema.parse(parse(raw));
const appYaml = parse(fs.readFileSync(path.join(root, 'app.yaml'), 'utf8')) as { env: { name: string; value?: string; valueFrom?: string }[] };
const appEnv = Object.fromEntries(appYaml.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));

// The configuration the committed deploy/*.sql files are printed for: app.yaml's, on a workspace.
const exampleEnv = {
  DATABRICKS_HOST: 'adb-1234567890123456.7.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'abc123', DATABRICKS_TOKEN: 'x',
  PAYLOAD_SCHEMA: appEnv.PAYLOAD_SCHEMA!, ROLLUP_SCHEMA: appEnv.ROLLUP_SCHEMA!,
};
const config = loadConfig(exampleEnv);
const jobFor = (sinceDays: number | null): JobScript => ({ schema: config.rollups.schema!, payload: { schema: config.payloadSchema! }, endpointUsage: config.endpointUsageTable, servedEntities: config.servedEntitiesTable, sinceDays });
const tasks = Object.values(bundle.resources.jobs).flatMap((j) => j.tasks);
const fileOf = (key: string) => fs.readFileSync(path.join(root, tasks.find((t) => t.task_key === key)!.sql_task.file.path), 'utf8');

describe('databricks.yml', () => {
  it('uses only variables it defines, and every variable it defines', () => {
    const used = new Set([...raw.matchAll(/\$\{var\.([a-z_]+)\}/g)].map((m) => m[1]!));
    expect(used).toEqual(new Set(Object.keys(bundle.variables)));
  });

  it("deploys the app from this folder with the warehouse resource app.yaml reads", () => {
    const [theApp] = Object.values(bundle.resources.apps);
    expect(fs.existsSync(path.join(root, theApp!.source_code_path, 'app.yaml'))).toBe(true);
    const warehouseEnv = appYaml.env.find((e) => e.name === 'DATABRICKS_WAREHOUSE_ID');
    expect(theApp!.resources).toContainEqual(expect.objectContaining({ name: warehouseEnv!.valueFrom, sql_warehouse: { id: '${var.warehouse_id}', permission: 'CAN_USE' } }));
  });

  it('schedules the refresh in UTC, one run at a time, and keeps the full build manual', () => {
    const { gateway_lens_rollups_refresh: refresh, gateway_lens_rollups_build: build } = bundle.resources.jobs;
    expect(refresh!.schedule).toMatchObject({ timezone_id: 'UTC', pause_status: 'UNPAUSED' });
    expect(refresh!.max_concurrent_runs).toBe(1);
    expect(build!.schedule).toBeUndefined();
    for (const t of tasks) expect(fs.existsSync(path.join(root, t.sql_task.file.path)), t.sql_task.file.path).toBe(true);
  });

  // After a change to the rollup definitions, `npm run deploy:sql` rewrites the committed files.
  it("runs the SQL `npm run rollups -- --print` gives for app.yaml's configuration", () => {
    expect(fileOf('build')).toBe(`${jobFile(jobFor(null))}\n`);
    const days = Number(/--since-days (\d+)/.exec(bundle.resources.jobs.gateway_lens_rollups_refresh!.description!)![1]);
    expect(fileOf('refresh')).toBe(`${jobFile(jobFor(days))}\n`);
  });

  it('ships the grants `npm run grants` prints for the same configuration', () => {
    const { code, out } = grantsMain(['--app', '<app-service-principal-application-id>', '--builder', 'rollup-builder@example.com', '--viewers', 'gateway-lens-viewers', '--warehouse-id', '<warehouse-id>'], exampleEnv);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'deploy', 'grants.sql'), 'utf8')).toBe(`${out}\n`);
  });
});

/**
 * dt-sql-parser 4.5 has Spark 3's grammar. Databricks statements are cut back to it where the
 * grammar lacks a form, each cut checked to be exactly that form: three-part target names and
 * CLUSTER BY in DDL heads, `REPLACE WHERE`, and EXECUTE IMMEDIATE of a variable (the statement the
 * variable holds is parsed on its own below).
 */
function sparkErrors(sql: string): string[] {
  // The grammar takes `SET VAR x = …` as a free-form configuration SET: parse the query it assigns.
  const assigned = /^SET VAR \w+ = \(\n([\s\S]*)\n\)$/.exec(sql);
  if (assigned) return sparkErrors(assigned[1]!);
  const spark3 = sql
    .replace(/^(CREATE (?:OR REPLACE |)TABLE(?: IF NOT EXISTS)?|INSERT INTO|CREATE SCHEMA IF NOT EXISTS) main\.(\w+(?:\.\w+)?)( CLUSTER BY \([\w, ]+\))?/, (_m, head: string, name: string) => `${head} ${name}`)
    .replace(/^(INSERT INTO \w+\.\w+) REPLACE WHERE [^\n]+\n/, '$1\n')
    .replace(/FROM main\.(\w+\.\w+)\b/g, 'FROM main_$1');
  return statementErrors(spark3);
}

describe.each([['full build', null], ['refresh', 2]] as const)('the rollup job SQL (%s)', (_label, days) => {
  const statements = jobStatements(jobFor(days));

  it.each(statements.map((s, i) => [i + 1, s.split('\n')[0]!.slice(0, 70), s] as const))('statement %i parses under the Spark SQL grammar (%s)', (_i, _head, sql) => {
    if (sql.startsWith('EXECUTE IMMEDIATE')) {
      expect(sql).toBe('EXECUTE IMMEDIATE gateway_lens_payload_sql');
      return;
    }
    expect(sparkErrors(sql)).toEqual([]);
  });

  it('would notice a broken statement (the SET VAR query is parsed, not skipped)', () => {
    const discovery = statements.find((s) => s.startsWith('SET VAR'))!;
    expect(sparkErrors(discovery.replace('GROUP BY table_name', 'GROUP BY BY table_name'))).not.toEqual([]);
  });

  it('starts in UTC, creates the schema, and finds the payload tables when it runs', () => {
    expect(statements.slice(0, 2)).toEqual(["SET TIME ZONE 'UTC'", 'CREATE SCHEMA IF NOT EXISTS main.gateway_lens']);
    expect(statements.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(statements.join('\n')).not.toMatch(/FROM main\.ai_gateway\.\w+_payload/);
    expect(statements[statements.findIndex((s) => s.startsWith('EXECUTE IMMEDIATE')) - 1]).toMatch(/^SET VAR gateway_lens_payload_sql = /);
  });

  if (days !== null) {
    it('refreshes relative to the run date and reads endpoint_usage for those days only', () => {
      const inserts = statements.filter((s) => s.startsWith('INSERT INTO'));
      expect(inserts.length).toBeGreaterThanOrEqual(2);
      for (const s of inserts) expect(s).toMatch(/ REPLACE WHERE \w+ >= date_sub\(current_date\(\), 2\)\n/);
      const facts = inserts[0]!;
      expect(facts).toMatch(/FROM system\.serving\.endpoint_usage u_all\s+WHERE u_all\.request_time >= CAST\(date_sub\(current_date\(\), 2\) AS TIMESTAMP\) - INTERVAL 1 DAY\n/);
      // The first run creates the tables (reading all of endpoint_usage once), later runs skip that.
      // Every table an INSERT refreshes is created first (the text table too: its INSERT fails without it).
      for (const insert of inserts) {
        const table = /^INSERT INTO (\S+) /.exec(insert)![1]!;
        const created = statements.findIndex((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS ${table} `));
        expect(created, table).toBeGreaterThan(-1);
        expect(created).toBeLessThan(statements.indexOf(insert));
      }
      expect(statements.filter((s) => s.startsWith('CREATE TABLE IF NOT EXISTS main.gateway_lens.gateway_lens_request_facts '))).toHaveLength(1);
      expect(statements.some((s) => s.includes("raise_error('The rollups in main.gateway_lens were built by another definition version"))).toBe(true);
    });
  }
});

describe('the payload view the job makes', () => {
  it('is, for the tables found, a view that parses (the same relation the dashboard reads)', () => {
    const found = [{ endpoint: 'chat', table: 'main.ai_gateway.chat_payload' }, { endpoint: 'agent', table: 'main.ai_gateway.agent_payload' }];
    const listed = jobStatements({ ...jobFor(2), payload: { tables: found } });
    const view = listed.find((s) => s.startsWith(`CREATE OR REPLACE TEMPORARY VIEW ${JOB_PAYLOAD_VIEW} AS`))!;
    expect(view).toContain(payloadRelation(found, null));
    expect(sparkErrors(view)).toEqual([]);
    // The discovered form builds each branch from the same column list.
    const discovery = jobStatements(jobFor(2)).find((s) => s.startsWith('SET VAR'))!;
    const columns = /' AS endpoint_name, ([\w, ]+) FROM /.exec(discovery)![1];
    expect(payloadRelation(found, null)).toContain(`AS endpoint_name, ${columns} FROM main.ai_gateway.chat_payload`);
  });
});
