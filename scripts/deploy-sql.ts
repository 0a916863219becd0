/**
 * `npm run deploy:sql`: writes deploy/rollups-build.sql and deploy/rollups-refresh.sql, the job
 * SQL databricks.yml runs, for app.yaml's configuration. Run it after a change to the rollup
 * definitions (lib/deploy/bundle.test.ts fails until the committed files match).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../lib/config';
import { jobFile, type JobScript } from '../lib/rollups/job';

const root = process.cwd();
const appYaml = parse(fs.readFileSync(path.join(root, 'app.yaml'), 'utf8')) as { env: { name: string; value?: string }[] };
const appEnv = Object.fromEntries(appYaml.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
// A workspace configuration with app.yaml's tables (the credentials are not used: nothing connects).
const config = loadConfig({
  DATABRICKS_HOST: 'adb-1234567890123456.7.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'abc123', DATABRICKS_TOKEN: 'x',
  PAYLOAD_SCHEMA: appEnv.PAYLOAD_SCHEMA, ROLLUP_SCHEMA: appEnv.ROLLUP_SCHEMA,
});
const bundle = parse(fs.readFileSync(path.join(root, 'databricks.yml'), 'utf8')) as { resources: { jobs: Record<string, { description?: string }> } };
const days = Number(/--since-days (\d+)/.exec(bundle.resources.jobs.gateway_lens_rollups_refresh?.description ?? '')?.[1] ?? '2');
const job = (sinceDays: number | null): JobScript => ({
  schema: config.rollups.schema!, payload: { schema: config.payloadSchema! },
  endpointUsage: config.endpointUsageTable, servedEntities: config.servedEntitiesTable, sinceDays,
});
for (const [file, sinceDays] of [['rollups-build.sql', null], ['rollups-refresh.sql', days]] as const) {
  fs.writeFileSync(path.join(root, 'deploy', file), `${jobFile(job(sinceDays))}\n`);
  console.log(`deploy-sql: wrote deploy/${file}`);
}
