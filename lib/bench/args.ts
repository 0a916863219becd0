import { parseOptions, whole as wholeCli } from '@/lib/cli-args';

export const BENCH_USAGE = `usage: npm run bench -- [--rows N] [--replicate K] [--runs K] [--routes PATTERN] [--no-pages] [--no-cached] [--plan] [--seed S] [--days D] [--out DIR] [--screenshots DIR]
  --rows N          demo size (default 200000, at most 100m); reused from data/bench/ when generated in the last 24 h
  --replicate K     build the demo as K copies (at most 100) of a generated demo of N/K rows (bounded memory: for 10M and 100M)
  --runs K          timed calls per case after one warm-up (default 5)
  --routes PATTERN  only query ids containing PATTERN, or matching /regex/
  --no-pages        skip the page draw times in headless Chromium
  --no-cached       skip the pass with the result cache on (runs each case again on a cache-on server)
  --plan            no timing: the statements each page sends and what each reads on Databricks (rollups or raw tables)
  --out DIR         results folder (default bench-results)
  --screenshots DIR save each page as the benchmark saw it when drawn`;

export class BenchUsageError extends Error {}

/** Most copies a replicated demo is made of (request ids move by the copy number, see replicate.ts). */
export const MAX_COPIES = 100;
/** Largest demo the generator makes in one piece. */
export const MAX_GENERATED = 50_000_000;

const whole = (name: string, value: string | undefined, fallback: number, min: number, max: number) => wholeCli(name, value, fallback, min, max, BenchUsageError);

export interface BenchArgs {
  rows: number;
  /** Build the demo from this many copies of a generated one (1: generate it whole). */
  replicate: number;
  seed: number;
  days: number;
  runs: number;
  routes: string | undefined;
  pages: boolean;
  cached: boolean;
  /** Plan mode: print what each page's statements read on Databricks, run nothing timed. */
  plan: boolean;
  out: string;
  screenshots: string | undefined;
  help: boolean;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const values = parseOptions(argv, {
    rows: { type: 'string' },
    replicate: { type: 'string' },
    seed: { type: 'string' },
    days: { type: 'string' },
    runs: { type: 'string' },
    routes: { type: 'string' },
    'no-pages': { type: 'boolean', default: false },
    'no-cached': { type: 'boolean', default: false },
    plan: { type: 'boolean', default: false },
    out: { type: 'string' },
    screenshots: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, BenchUsageError);
  const rows = whole('rows', values.rows, 200_000, 1_000, 100_000_000);
  const replicate = whole('replicate', values.replicate, 1, 1, MAX_COPIES);
  if (replicate > 1 && (rows % replicate !== 0 || rows / replicate < 1_000)) {
    throw new BenchUsageError(`--replicate ${replicate} must divide --rows ${rows} into parts of at least 1000`);
  }
  // The generator holds a whole demo in memory: larger sizes are made of copies.
  if (rows / replicate > MAX_GENERATED) throw new BenchUsageError(`--rows ${rows} needs --replicate: at most ${MAX_GENERATED} rows are generated at once`);
  return {
    rows,
    replicate,
    seed: whole('seed', values.seed, 42, 0, 2_147_483_647),
    days: whole('days', values.days, 30, 1, 400),
    runs: whole('runs', values.runs, 5, 1, 100),
    routes: values.routes,
    pages: !values['no-pages'],
    cached: !values['no-cached'],
    plan: values.plan,
    out: values.out ?? 'bench-results',
    screenshots: values.screenshots,
    help: values.help,
  };
}

/** The demo file for a size and seed; days and replication are part of the key only when not the default. */
export function demoFileName(rows: number, seed: number, days: number, replicate = 1): string {
  return `demo-${rows}-s${seed}${days === 30 ? '' : `-d${days}`}${replicate > 1 ? `-x${replicate}` : ''}.duckdb`;
}

/** What a demo file says of itself (its `meta.generation` row). */
export interface DemoGeneration { rows: number; end: Date; generatorVersion: string }

/**
 * A demo file is reused when it was made by this generator version with the rows asked for,
 * whatever its age: the server runs with its clock at the demo's end (CLOCK_NOW), so relative
 * ranges (7d, 30d) cover the same data on any day.
 */
export function demoIsReusable(meta: DemoGeneration | null, rows: number, generatorVersion: string): boolean {
  return meta !== null && meta.rows === rows && meta.generatorVersion === generatorVersion && !Number.isNaN(meta.end.getTime());
}

/** The generator version a demo of `replicate` copies records (lib/bench/replicate.ts marks copies). */
export function expectedGeneratorVersion(generatorVersion: string, replicate: number): string {
  return replicate > 1 ? `${generatorVersion} replicated x${replicate}` : generatorVersion;
}

/** The build is stale when any source file changed after it was made. */
export function buildIsStale(buildMtimeMs: number | null, newestSourceMtimeMs: number): boolean {
  return buildMtimeMs === null || newestSourceMtimeMs > buildMtimeMs;
}

/** `2026-11-22T16:04:05.123Z` + 1000000 → `2026-11-22-1m`. */
export function resultBaseName(date: Date, rows: number): string {
  const size = rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
  return `${date.toISOString().slice(0, 10)}-${size}`;
}
