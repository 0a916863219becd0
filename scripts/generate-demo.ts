/**
 * Writes the demo DuckDB database.
 *   tsx scripts/generate-demo.ts [--rows N] [--days D] [--seed S] [--out FILE] [--end ISO] [--if-missing]
 * The default output is $DEMO_DB, else data/demo.duckdb.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseOptions, whole } from '../lib/cli-args';
import { generateDemo } from '../lib/demo/generate';

const USAGE = 'usage: tsx scripts/generate-demo.ts [--rows N] [--days D] [--seed S] [--out FILE] [--end ISO-8601] [--if-missing]';

class UsageError extends Error {}

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    rows: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    end: { type: 'string' },
    'if-missing': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  }, UsageError);
  let end: Date | undefined;
  if (values.end !== undefined) {
    end = new Date(values.end);
    if (Number.isNaN(end.getTime())) throw new UsageError(`--end expects an ISO-8601 date-time such as 2025-06-15T18:00:00Z, got "${values.end}"`);
  }
  const out = values.out ?? (process.env.DEMO_DB?.trim() || path.join('data', 'demo.duckdb'));
  return {
    help: values.help,
    rows: whole('rows', values.rows, 200_000, 1_000, 50_000_000, UsageError),
    days: whole('days', values.days, 30, 1, 400, UsageError),
    seed: whole('seed', values.seed, 42, 0, 2_147_483_647, UsageError),
    out: path.resolve(out),
    end,
    ifMissing: values['if-missing'],
  };
}

async function main() {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`generate-demo: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.ifMissing && fs.existsSync(args.out)) {
    console.log(`generate-demo: ${args.out} exists, nothing to do (--if-missing)`);
    return;
  }
  console.log(`generate-demo: ${args.rows} requests over ${args.days} days, seed ${args.seed} → ${args.out}`);
  const r = await generateDemo({
    path: args.out,
    rows: args.rows,
    days: args.days,
    seed: args.seed,
    end: args.end,
    onProgress: (msg) => console.log(`  ${msg}`),
  });
  console.log(`generate-demo: wrote ${r.rows} rows in ${r.seconds}s (end ${r.end}) to ${r.path}`);
}

main().catch((e: unknown) => {
  console.error(`generate-demo: failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
