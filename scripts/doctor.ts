// `npm run doctor`: checks the configuration, the warehouse connection and every configured table,
// and prints what works and what does not. Exit code 0 when the dashboard can run.
import { loadConfigOrExit } from '../lib/config';
import { formatChecks, runDoctor } from '../lib/doctor';

async function main(): Promise<number> {
  const config = loadConfigOrExit(2);
  process.env.LOG_LEVEL ??= 'error';
  let warehouse;
  if (config.engine === 'databricks' && config.databricks) {
    const { createDatabricksWarehouse } = await import('../lib/warehouse/databricks');
    warehouse = createDatabricksWarehouse(config.databricks);
  } else {
    const { createDuckdbWarehouse, openDuckdb } = await import('../lib/warehouse/duckdb');
    const { ensureDemo } = await import('../lib/demo/ensure');
    try {
      await ensureDemo(config.duckdb);
      warehouse = createDuckdbWarehouse(openDuckdb(config.duckdb));
      await warehouse.run('SELECT 1 AS ok', {});
    } catch (err) {
      console.error(`FAIL  connect  embedded DuckDB${config.duckdb.dataDir ? ` (DATA_DIR ${config.duckdb.dataDir})` : ''}: ${(err as Error).message}`);
      return 1;
    }
  }
  try {
    const checks = await runDoctor(config, warehouse);
    console.log(formatChecks(checks));
    return checks.some((c) => c.status === 'fail') ? 1 : 0;
  } finally {
    await warehouse.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
