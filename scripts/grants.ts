/**
 * `npm run grants -- --app <sp-application-id> [--builder <user|sp>] [--viewers <group>] [--warehouse-id <id>]`:
 * prints the Unity Catalog grants this configuration needs (deploy/grants.sql is its output for
 * the example configuration). `npm run doctor` names any grant still missing.
 */
import { ConfigError, loadConfig, type AppConfig } from '../lib/config';
import { parseOptions } from '../lib/cli-args';
import { grantsScript, type GrantsPlan } from '../lib/deploy/grants';
import { billingTables } from '../lib/finance/sql';

export const GRANTS_USAGE = `usage: npm run grants -- --app <id> [--builder <name>] [--viewers <group>] [--warehouse-id <id>]
  --app           the app's service principal (its application id, shown on the app's page)
  --builder       who runs the rollup job (default: the app's service principal)
  --viewers       a group of viewers, when DATABRICKS_USER_AUTHORIZATION=true
  --warehouse-id  the SQL warehouse, for the CAN USE commands (default: DATABRICKS_WAREHOUSE_ID)`;

class GrantsUsageError extends Error {}

/** The plan for `config` and the principals named on the command line. */
export function grantsPlan(config: AppConfig, argv: string[], env: Record<string, string | undefined> = process.env): GrantsPlan {
  const v = parseOptions(argv, { app: { type: 'string' }, builder: { type: 'string' }, viewers: { type: 'string' }, 'warehouse-id': { type: 'string' } }, GrantsUsageError);
  if (!v.app) throw new GrantsUsageError('--app is required');
  return {
    app: v.app,
    builder: v.builder ?? v.app,
    viewers: v.viewers ?? null,
    payload: config.payloadTables ? { tables: config.payloadTables.map((t) => t.table) } : { schema: config.payloadSchema! },
    endpointUsage: config.endpointUsageTable,
    servedEntities: config.servedEntitiesTable,
    rollupSchema: config.rollups.schema,
    billing: billingTables(env),
    warehouseId: v['warehouse-id'] ?? env.DATABRICKS_WAREHOUSE_ID ?? null,
  };
}

export function main(argv: string[], env: Record<string, string | undefined> = process.env): { code: number; out: string } {
  if (argv.includes('--help')) return { code: 0, out: GRANTS_USAGE };
  try {
    return { code: 0, out: grantsScript(grantsPlan(loadConfig(env), argv, env)) };
  } catch (e) {
    if (e instanceof GrantsUsageError) return { code: 2, out: `grants: ${e.message}\n${GRANTS_USAGE}` };
    if (e instanceof ConfigError) return { code: 2, out: e.message };
    throw e;
  }
}

if (/[\\/]scripts[\\/]grants\.ts$/.test(process.argv[1] ?? '')) {
  const { code, out } = main(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(out);
  process.exit(code);
}
