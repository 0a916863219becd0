// Before the server starts: validate the configuration and, on the embedded demo, generate the
// demo warehouse when it is missing, with progress on the console.
import fs from 'node:fs';
import { loadConfigOrExit } from '../lib/config';

async function main() {
  const config = loadConfigOrExit(1);
  if (config.engine !== 'duckdb' || config.duckdb.dataDir || fs.existsSync(config.duckdb.demoPath)) return;
  const { generateDemo } = await import('../lib/demo/generate');
  console.log(`No demo warehouse at ${config.duckdb.demoPath}: generating one (about 200k requests over 30 days)…`);
  const r = await generateDemo({ path: config.duckdb.demoPath, onProgress: (msg) => console.log(`  ${msg}`) });
  console.log(`Demo warehouse ready: ${r.rows} requests in ${r.seconds.toFixed(1)} s.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
