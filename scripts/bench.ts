/**
 * Benchmarks the production build on a demo of a given size:
 *   npm run bench -- --rows 1000000 [--runs 5] [--routes ops] [--no-pages] [--no-cached]
 *   npm run bench -- --rows 100m --replicate 100
 *   npm run bench -- --plan          (what each page's statements read on Databricks; nothing timed)
 * Prints a markdown table and writes bench-results/<date>-<size>.json and .md. See lib/bench/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_USAGE, BenchUsageError, buildIsStale, demoFileName, demoIsReusable, expectedGeneratorVersion, parseBenchArgs, resultBaseName, type BenchArgs } from '../lib/bench/args';
import { caseUrl, casesFor, DERIVED_ROUTES, pagePaths, pagesFromNav, routeMatcher, type BenchCase } from '../lib/bench/cases';
import { launchBrowser, measurePage } from '../lib/bench/pages';
import { runPlanMode } from '../lib/bench/plan-mode';
import { openRawEngine, type RawEngine } from '../lib/bench/raw';
import { parseServerTiming } from '../lib/bench/server-timing';
import { readDemoGeneration, replicateDemo } from '../lib/bench/replicate';
import { GENERATOR_VERSION } from '../lib/demo/catalog';
import { renderMarkdown, type BenchReport, type PageResult, type RouteResult } from '../lib/bench/report';
import { startServer, type BenchServer } from '../lib/bench/server';
import { overheadRatio, summarise } from '../lib/bench/stats';
import { evaluateRoute } from '../lib/bench/targets';
import { generateDemo } from '../lib/demo/generate';
import type { Params } from '../lib/warehouse/types';

const ROOT = path.resolve(__dirname, '..');
const log = (msg: string) => console.log(`bench: ${msg}`);

/** How the run got its rollups: built, finished from an interrupted build, or reused. */
function builtHow(r: NonNullable<RawEngine['rollups']>): string {
  if (!r.built) return 'reused from an earlier build of this file';
  if (!r.resumedFrom) return `built in ${r.seconds.toFixed(0)} s before the run`;
  const f = r.resumedFrom;
  return `built in ${(f.secondsBefore + r.seconds).toFixed(0)} s in all: an interrupted build had written ${f.partsDone} of its ${f.parts} parts in ${f.secondsBefore} s, this run the rest in ${r.seconds.toFixed(0)} s (peak memory below: this run's part)`;
}

/** The demo file the run measures (generated or copied unless a reusable one exists) and where its data ends. */
async function ensureDemo(args: BenchArgs): Promise<{ file: string; end: Date }> {
  const file = path.join(ROOT, 'data', 'bench', demoFileName(args.rows, args.seed, args.days, args.replicate));
  const existing = await readDemoGeneration(file);
  if (existing && demoIsReusable(existing, args.rows, expectedGeneratorVersion(GENERATOR_VERSION, args.replicate))) {
    log(`reusing ${path.relative(ROOT, file)} (its data ends ${existing.end.toISOString()})`);
    return { file, end: existing.end };
  }
  if (args.replicate > 1) {
    const source = await ensureDemo({ ...args, rows: args.rows / args.replicate, replicate: 1 });
    log(`writing ${args.replicate} copies of ${path.relative(ROOT, source.file)} → ${path.relative(ROOT, file)}`);
    const t0 = performance.now();
    await replicateDemo({ source: source.file, target: file, factor: args.replicate, onProgress: (m) => log(`  ${m}`) });
    log(`demo ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return { file, end: source.end };
  }
  log(`generating ${args.rows} requests over ${args.days} days (seed ${args.seed}) → ${path.relative(ROOT, file)}`);
  const r = await generateDemo({ path: file, rows: args.rows, days: args.days, seed: args.seed, onProgress: (m) => log(`  ${m}`) });
  log(`demo ready in ${r.seconds.toFixed(0)} s`);
  const made = await readDemoGeneration(file);
  if (!made) throw new Error(`the generated demo ${file} has no meta.generation row`);
  return { file, end: made.end };
}

// The app's sources; lib/bench is the benchmark itself and not part of the build.
const SOURCES = ['app', 'components', 'lib', 'queries', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p) || p === path.join(ROOT, 'lib', 'bench')) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((n) => newestMtime(path.join(p, n))));
}

function ensureBuild(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : null;
  if (!buildIsStale(built, Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s)))))) {
    log('production build is up to date');
    return;
  }
  log(built === null ? 'no production build: running npm run build' : 'sources changed since the last build: running npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

interface Call { status: number; ms: number; body: Record<string, unknown> | null; timing: Record<string, number> }

async function call(server: BenchServer, url: string): Promise<Call> {
  const t0 = performance.now();
  const res = await fetch(`${server.url}${url}`, { headers: { accept: 'application/json' } });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // a non-JSON answer is reported by its status
  }
  return { status: res.status, ms, body, timing: parseServerTiming(res.headers.get('server-timing')) };
}

function problemsOf(body: Record<string, unknown> | null): string {
  const problems = Array.isArray(body?.problems) ? (body.problems as { path: string; message: string }[]) : [];
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ') || String(body?.error ?? 'no details');
}

const EMPTY = summarise([]);
const SLOW_CALL_MS = 15_000;

function unmeasured(c: { route: string; label: string; kind: BenchCase['kind'] }, url: string, status: 'skipped' | 'error', note: string): RouteResult {
  return { route: c.route, label: c.label, kind: c.kind, url, status, note, rows: null, wall: EMPTY, engine: EMPTY, raw: EMPTY, ratio: null, overheadMs: null, cachedMs: null, evaluation: { verdict: 'n/a', reasons: [] } };
}

/** One warm-up call each way, then `runs` timed route calls, each followed by the same SQL straight on the engine. */
async function measureRoute(server: BenchServer, raw: RawEngine, c: Pick<BenchCase, 'route' | 'label' | 'kind'>, url: string, runs: number): Promise<{ result: RouteResult; body: Record<string, unknown> | null }> {
  const load = os.loadavg()[0]!;
  const first = await call(server, url);
  if (first.status === 400) return { result: unmeasured(c, url, 'skipped', `answers 400 (${problemsOf(first.body)})`), body: null };
  if (first.status !== 200) return { result: unmeasured(c, url, 'error', `answers ${first.status} (${String(first.body?.error ?? 'no details')})`), body: null };
  const sql = first.body?.sql;
  const params = first.body?.params;
  let direct = typeof sql === 'string' && params && typeof params === 'object' ? () => raw.time(sql, params as Params) : null;
  let rawNote: string | undefined;
  try {
    await direct?.();
  } catch (err) {
    // The route's answer is still measured; the table shows the ratio as unknown and says why.
    rawNote = `raw run failed: ${(err as Error).message.split('\n')[0]}`;
    direct = null;
  }
  const walls: number[] = [];
  const engines: number[] = [];
  const handlers: number[] = [];
  const raws: number[] = [];
  // Route and engine calls alternate, so the other load on the machine weighs on both alike.
  // A call that takes many seconds is a miss either way; one timed run keeps a 10M benchmark finite.
  const timedRuns = first.ms > SLOW_CALL_MS ? 1 : runs;
  for (let i = 0; i < timedRuns; i++) {
    const r = await call(server, url);
    if (r.status !== 200) return { result: unmeasured(c, url, 'error', `run ${i + 1} answered ${r.status}`), body: null };
    walls.push(r.ms);
    if (typeof r.body?.durationMs === 'number') engines.push(r.body.durationMs);
    if (r.timing.handler !== undefined) handlers.push(r.timing.handler);
    if (direct) raws.push(await direct());
  }
  const wall = summarise(walls);
  const rawSummary = summarise(raws);
  const ratio = overheadRatio(wall.p50, rawSummary.p50);
  const result: RouteResult = {
    route: c.route,
    label: c.label,
    kind: c.kind,
    url,
    status: 'ok',
    rows: Array.isArray(first.body?.rows) ? first.body.rows.length : null,
    wall,
    engine: summarise(engines),
    handler: summarise(handlers),
    raw: rawSummary,
    ratio,
    overheadMs: wall.p50 !== null && rawSummary.p50 !== null ? wall.p50 - rawSummary.p50 : null,
    cachedMs: null,
    evaluation: evaluateRoute(c.kind, wall.p50, ratio),
    load,
    note: [timedRuns < runs ? `one timed run: the first call took ${(first.ms / 1000).toFixed(1)} s` : null, rawNote].filter(Boolean).join('; ') || undefined,
  };
  return { result, body: first.body };
}

function fmtFileSize(file: string): string {
  try {
    return `${(fs.statSync(file).size / 1024 ** 3).toFixed(2)} GiB`;
  } catch {
    return 'absent';
  }
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main() {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof BenchUsageError) {
      console.error(`bench: ${e.message}\n${BENCH_USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (args.help) {
    console.log(BENCH_USAGE);
    return;
  }
  const started = new Date();
  const loadStart = os.loadavg();
  const { file: demo, end: demoEnd } = await ensureDemo(args);
  // Relative ranges (7d, 30d) end where the demo's data ends, as they do on a live deployment.
  const clockNow = demoEnd.toISOString();
  ensureBuild();
  if (args.plan) {
    await runPlanMode({ root: ROOT, demo, clockNow, out: path.resolve(ROOT, args.out), started, log });
    return;
  }
  log('opening the engine; building the rollups unless current (lib/rollups)');
  const raw = await openRawEngine(demo);
  // The rollups are built in this process: its peak resident memory is the build's.
  const buildPeakKb = process.resourceUsage().maxRSS;
  const notes: string[] = [];
  if (raw.rollups) notes.push(`Rollups (request facts and hourly tables, lib/rollups): ${raw.rollups.factRows.toLocaleString('en-US')} fact rows, ${builtHow(raw.rollups)}; peak resident memory of the benchmark process (the build, DuckDB memory_limit ${raw.memoryLimit}) ${(buildPeakKb / 1024 ** 2).toFixed(2)} GiB.`);
  else notes.push('Rollups off (ROLLUPS=off): every query read the raw tables.');
  notes.push(`The server's clock is pinned to the demo's end (CLOCK_NOW=${clockNow}): 7d and 30d are the last 7 and 30 days of its data, as on a live deployment, whenever the run happens.`);
  notes.push(`Disk: the demo file ${fmtFileSize(demo)}, its rollups ${fmtFileSize(raw.rollupPath)}.`);
  const routes: RouteResult[] = [];
  let pages: PageResult[] = [];

  log('starting the production server (result cache off)');
  const server = await startServer({ cwd: ROOT, demoPath: demo, queryCache: false, clockNow });
  let memory;
  try {
    const catalogue = await call(server, '/api/queries');
    if (catalogue.status !== 200) throw new Error(`GET /api/queries answered ${catalogue.status}`);
    const ids = ((catalogue.body?.queries ?? []) as { id: string }[]).map((q) => q.id);
    const wanted = routeMatcher(args.routes);
    // First rows of each answer, for the calls a page makes with values from another answer.
    const firstRows = new Map<string, Record<string, unknown>>();
    for (const id of ids.filter(wanted)) {
      for (const c of casesFor(id)) {
        const { result, body } = await measureRoute(server, raw, c, caseUrl(c), args.runs);
        routes.push(result);
        const row = Array.isArray(body?.rows) ? (body.rows[0] as Record<string, unknown> | undefined) : undefined;
        if (row && !firstRows.has(id)) firstRows.set(id, row);
        log(`${id} [${c.label}] ${result.status === 'ok' ? `p50 ${result.wall.p50?.toFixed(0)} ms, raw ${result.raw.p50?.toFixed(0)} ms` : `${result.status}: ${result.note}`}`);
      }
    }
    for (const derived of DERIVED_ROUTES) {
      const catalogueRoute = ids.includes(derived.route);
      if (catalogueRoute ? !wanted(derived.route) : !wanted(derived.source)) continue;
      const row = firstRows.get(derived.source);
      const url = row ? derived.path(row) : null;
      if (url === null) {
        notes.push(`${derived.route} (${derived.label}): not measured, ${derived.source} gave no row to take it from.`);
        continue;
      }
      const { result, body } = await measureRoute(server, raw, { route: derived.route, label: derived.label, kind: derived.kind }, url, args.runs);
      routes.push(result);
      const row2 = body && typeof body.row === 'object' && body.row ? (body.row as Record<string, unknown>) : Array.isArray(body?.rows) ? (body.rows[0] as Record<string, unknown> | undefined) : undefined;
      if (row2 && !firstRows.has(derived.route)) firstRows.set(derived.route, row2);
      log(`${derived.route} [${derived.label}] ${result.status === 'ok' ? `p50 ${result.wall.p50?.toFixed(0)} ms` : `${result.status}: ${result.note}`}`);
    }
    if (args.pages) {
      const paths = pagePaths(pagesFromNav(fs.readFileSync(path.join(ROOT, 'components', 'app-shell.tsx'), 'utf8')), firstRows.get('inspector-requests') ?? null);
      if (args.screenshots) fs.mkdirSync(args.screenshots, { recursive: true });
      const browser = await launchBrowser();
      try {
        for (const p of paths) {
          const screenshot = args.screenshots ? path.resolve(args.screenshots, `${p.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '_') || 'overview'}.png`) : undefined;
          const result = await measurePage(browser, server.url, p, Math.min(args.runs, 3), { screenshot });
          pages.push(result);
          log(`page ${p}: drawn p50 ${result.draw.p50?.toFixed(0) ?? '–'} ms, ${result.charts} charts${result.note ? ` (${result.note})` : ''}`);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    memory = await server.stop();
  }

  if (args.cached) {
    log('starting the production server again with the result cache on');
    const cached = await startServer({ cwd: ROOT, demoPath: demo, queryCache: true, clockNow });
    try {
      for (const r of routes.filter((x) => x.status === 'ok')) {
        await call(cached, r.url);
        const times: number[] = [];
        for (let i = 0; i < args.runs; i++) {
          const again = await call(cached, r.url);
          if (again.status === 200) times.push(again.ms);
        }
        r.cachedMs = summarise(times).p50;
      }
      const metrics = await call(cached, '/api/metrics');
      if (metrics.body) notes.push(`Cached pass: ${String(metrics.body.cacheHits)} cache hits, ${String(metrics.body.executions)} engine executions (a relative range moves with the minute, so a call after a minute boundary misses).`);
    } finally {
      await cached.stop();
    }
  }
  await raw.close();
  pages = pages.sort((a, b) => a.path.localeCompare(b.path));

  const report: BenchReport = {
    meta: {
      date: started.toISOString(),
      rows: args.rows,
      replicate: args.replicate,
      seed: args.seed,
      runs: args.runs,
      machine: describeMachine(),
      loadAverage: { start: loadStart, end: os.loadavg() },
      duckdb: { memoryLimit: raw.memoryLimit, threads: raw.threads },
      commit: gitCommit(),
      demo: path.relative(ROOT, demo),
      wallSeconds: (Date.now() - started.getTime()) / 1000,
    },
    routes,
    pages,
    memory: memory.samples ? { ...memory, buildPeakKb } : null,
    notes,
  };
  const markdown = renderMarkdown(report);
  const outDir = path.resolve(ROOT, args.out);
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, resultBaseName(started, args.rows));
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${path.relative(ROOT, base)}.json and .md`);
}

main().catch((e: unknown) => {
  console.error(`bench: failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
