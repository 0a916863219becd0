import { percentile, type Summary } from './stats';
import { describeRouteTarget, PAGE_TARGETS, type Evaluation, type RouteKind } from './targets';

export interface RouteResult {
  route: string;
  label: string;
  kind: RouteKind;
  url: string;
  status: 'ok' | 'skipped' | 'error';
  note?: string;
  rows: number | null;
  /** Client-side wall time of the HTTP call, body read included. */
  wall: Summary;
  /** The route's own `durationMs`: time in the engine call inside the server. */
  engine: Summary;
  /** The route handler's own time (its Server-Timing `handler`: parse, plan, engine, JSON). */
  handler?: Summary;
  /** The same SQL and parameters run directly on DuckDB in the benchmark process. */
  raw: Summary;
  ratio: number | null;
  overheadMs: number | null;
  /** p50 of identical calls on a server with the result cache on, after one call to fill it. */
  cachedMs: number | null;
  evaluation: Evaluation;
  /** One-minute load average of the machine when the case started (other work on it skews times). */
  load?: number;
}

export interface PageResult {
  path: string;
  charts: number;
  failedCharts: number;
  emptyCharts: number;
  draw: Summary;
  /** When every chart card of the first screenful had drawn (the rest may still be loading). */
  firstView?: Summary;
  /** First-load JS: the scripts named in the page's HTML, gzipped. */
  jsGzipBytes: number | null;
  jsFiles: number;
  /** Every script fetched until the charts were drawn (lazy chunks too), gzipped. */
  jsAllGzipBytes?: number | null;
  /** Every script the page loaded, largest first (JSON only: shows what the first-load JS is made of). */
  jsScripts?: { url: string; gzipBytes: number }[];
  /** The API calls the page made until drawn (first run), in order. */
  calls?: string[];
  evaluation: Evaluation;
  note?: string;
}

export interface BenchMeta {
  date: string;
  rows: number;
  /** > 1: the demo is this many copies of a generated one (see replicate.ts). */
  replicate: number;
  seed: number;
  runs: number;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  loadAverage: { start: number[]; end: number[] };
  duckdb: { memoryLimit: string; threads: string };
  commit: string | null;
  demo: string;
  wallSeconds: number;
}

export interface BenchReport {
  meta: BenchMeta;
  routes: RouteResult[];
  pages: PageResult[];
  /** Server process tree while it served; buildPeakKb: the benchmark process, which built the rollups. */
  memory: { peakTreeRssKb: number; peakProcessHwmKb: number; samples: number; buildPeakKb?: number } | null;
  notes: string[];
}

export function fmtMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US');
}

export function fmtBytes(bytes: number | null): string {
  if (bytes === null) return '–';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} kB`;
}

const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
const cell = (s: string) => s.replace(/\|/g, '\\|');

function verdictCell(e: Evaluation): string {
  if (e.verdict !== 'MISS') return e.verdict;
  return `**MISS**: ${e.reasons.join('; ')}`;
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.meta;
  const out: string[] = [];
  const made = m.replicate > 1 ? `, ${m.replicate} copies of a ${(m.rows / m.replicate).toLocaleString('en-US')}-request demo` : '';
  out.push(`#### ${m.rows.toLocaleString('en-US')} requests (seed ${m.seed}${made}), ${m.runs} runs per case`);
  out.push('');
  out.push(`${m.date} · ${m.machine.cpu}, ${m.machine.cores} cores, ${m.machine.memoryGiB.toFixed(1)} GiB RAM, ${m.machine.os}, Node ${m.machine.node} · commit ${m.commit ?? 'unknown'}`);
  out.push(`Load average (1/5/15 min) at start ${load(m.loadAverage.start)}, at end ${load(m.loadAverage.end)} · DuckDB memory_limit ${m.duckdb.memoryLimit}, threads ${m.duckdb.threads} · production build, result cache off (the "cached" column: p50 of the same calls on a server with the cache on, after one call to fill it) · ${Math.round(m.wallSeconds)} s in all.`);
  if (r.memory) {
    const build = r.memory.buildPeakKb ? `; of the benchmark process that built the rollups: **${fmtBytes(r.memory.buildPeakKb * 1024)}**` : '';
    out.push(`Peak resident memory of the server process tree: **${fmtBytes(r.memory.peakTreeRssKb * 1024)}** (largest single-process VmHWM ${fmtBytes(r.memory.peakProcessHwmKb * 1024)}, ${r.memory.samples} samples)${build}.`);
  }
  out.push('');

  const ok = r.routes.filter((x) => x.status === 'ok');
  const passed = ok.filter((x) => x.evaluation.verdict === 'PASS').length;
  out.push(`API routes: ${passed} of ${ok.length} cases meet their target. Times in ms: route wall time at the client; "engine" the route's own \`durationMs\` (its engine call inside the server); "raw" the same SQL and parameters run directly on DuckDB; ratio = route p50 / raw p50; overhead = route p50 − raw p50.`);
  out.push('');
  out.push('| route | filters | rows | p50 | p95 | engine p50 | raw p50 | ratio | overhead | cached | load | target | result |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|');
  const loadCell = (x: RouteResult) => (x.load === undefined ? '–' : x.load.toFixed(1));
  for (const x of r.routes) {
    if (x.status !== 'ok') {
      out.push(`| ${cell(x.route)} | ${cell(x.label)} | | | | | | | | | ${loadCell(x)} | ${describeRouteTarget(x.kind)} | ${x.status}: ${cell(x.note ?? '')} |`);
      continue;
    }
    out.push(`| ${cell(x.route)} | ${cell(x.label)} | ${x.rows ?? '–'} | ${fmtMs(x.wall.p50)} | ${fmtMs(x.wall.p95)} | ${fmtMs(x.engine.p50)} | ${fmtMs(x.raw.p50)} | ${x.ratio === null ? '–' : `${x.ratio.toFixed(2)}×`} | ${fmtMs(x.overheadMs)} | ${fmtMs(x.cachedMs)} | ${loadCell(x)} | ${describeRouteTarget(x.kind)} | ${cell(verdictCell(x.evaluation))}${x.note ? ` (${cell(x.note)})` : ''} |`);
  }
  const split = overheadSplit(r.routes);
  if (split) out.push(`Where the overhead goes (median over the cases of each one's p50, from the route's Server-Timing): the handler less its engine call (parse, plan, render, row check, JSON) ${fmtMs(split.handlerMs)} ms; the call's wall time less the handler (Next.js, HTTP, the client's fetch) ${fmtMs(split.outsideMs)} ms.`);
  out.push('');

  if (r.pages.length) {
    const pagePass = r.pages.filter((p) => p.evaluation.verdict === 'PASS').length;
    out.push(`Pages in headless Chromium (cold browser cache, result cache off): ${pagePass} of ${r.pages.length} meet the target (every chart drawn ≤ ${PAGE_TARGETS.drawMs} ms after navigation, first-load JS ≤ ${PAGE_TARGETS.firstLoadJsGzipBytes / 1024} kB gzipped).`);
    out.push('');
    out.push('| page | charts | API calls | first screen p50 | drawn p50 | drawn max | first-load JS files | first-load JS gzipped | all JS by draw | result |');
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const p of r.pages) {
      const charts = `${p.charts}${p.emptyCharts ? ` (${p.emptyCharts} empty)` : ''}`;
      out.push(`| ${cell(p.path)} | ${charts} | ${p.calls ? p.calls.length : '–'} | ${fmtMs(p.firstView?.p50 ?? null)} | ${fmtMs(p.draw.p50)} | ${fmtMs(p.draw.max)} | ${p.jsFiles} | ${fmtBytes(p.jsGzipBytes)} | ${fmtBytes(p.jsAllGzipBytes ?? null)} | ${cell(verdictCell(p.evaluation))}${p.note ? ` (${cell(p.note)})` : ''} |`);
    }
    out.push('');
  }
  for (const n of r.notes) out.push(`- ${n}`);
  if (r.notes.length) out.push('');
  return out.join('\n');
}

/** The per-call overhead split in two: the handler's own time and what surrounds it; null without Server-Timing. */
export function overheadSplit(routes: RouteResult[]): { handlerMs: number; outsideMs: number } | null {
  const handler: number[] = [];
  const outside: number[] = [];
  for (const x of routes) {
    if (x.status !== 'ok' || x.handler?.p50 == null || x.engine.p50 === null || x.wall.p50 === null) continue;
    handler.push(x.handler.p50 - x.engine.p50);
    outside.push(x.wall.p50 - x.handler.p50);
  }
  const h = percentile(handler, 0.5);
  const o = percentile(outside, 0.5);
  return h === null || o === null ? null : { handlerMs: h, outsideMs: o };
}
