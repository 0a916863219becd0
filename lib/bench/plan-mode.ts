import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@/lib/config';
import { pagePaths, pagesFromNav } from './cases';
import { planCall, planRollups, planTables, refreshSummary, PLAN_SCHEMA, type PlannedCall } from './databricks-plan';
import { launchBrowser, measurePage } from './pages';
import { startServer } from './server';

export interface PagePlan {
  path: string;
  calls: PlannedCall[];
}

export interface PlanReport {
  date: string;
  rollupSchema: string;
  coversEnd: string;
  pages: PagePlan[];
  refresh: { sinceDays: number; statements: { target: string; reads: string }[] };
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The per-page statement counts and what each statement reads, as markdown. */
export function renderPlanMarkdown(r: PlanReport): string {
  const out: string[] = [];
  out.push(`#### Databricks statements per page (plan mode, no warehouse asked)`);
  out.push('');
  out.push(`${r.date} · each page as the benchmark's Chromium drew it; every API call planned as a Databricks deployment with ROLLUP_SCHEMA=${r.rollupSchema} refreshed on schedule (request facts complete to ${r.coversEnd}: two hours before the hour). "raw window": the statement scans a payload table or endpoint_usage over its whole window.`);
  out.push('');
  out.push('| page | API calls | warehouse statements | read rollups or facts only | scan raw tables over the window | of which |');
  out.push('|---|--:|--:|--:|--:|---|');
  for (const p of r.pages) {
    const statements = p.calls.reduce((n, c) => n + c.statements, 0);
    const raw = p.calls.filter((c) => c.rawWindow);
    const rolled = p.calls.filter((c) => c.statements > 0 && !c.rawWindow && c.reads !== null);
    out.push(`| ${cell(p.path)} | ${p.calls.length} | ${statements} | ${rolled.length} | ${raw.length} | ${cell([...new Set(raw.map((c) => c.route))].join(', ') || '–')} |`);
  }
  out.push('');
  out.push('Every call, once per route (the first page that made it):');
  out.push('');
  out.push('| route | statements | reads | plan |');
  out.push('|---|--:|---|---|');
  const seen = new Set<string>();
  for (const p of r.pages) {
    for (const c of p.calls) {
      const key = `${c.route}\0${c.description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`| ${cell(c.route)} | ${c.statements} | ${cell(c.description)} | ${cell(c.plan ?? '–')} |`);
    }
  }
  out.push('');
  out.push(`The scheduled refresh (\`npm run rollups -- --print --since-days ${r.refresh.sinceDays}\`): ${r.refresh.statements.length} statements, each reading only the days it rewrites.`);
  out.push('');
  out.push('| writes | reads |');
  out.push('|---|---|');
  for (const s of r.refresh.statements) out.push(`| ${cell(s.target)} | ${cell(s.reads)} |`);
  out.push('');
  return out.join('\n');
}

/**
 * `npm run bench -- --plan`: draws every page once on the embedded demo to learn the API calls it
 * makes, then plans each call for Databricks (lib/bench/databricks-plan.ts) without a warehouse.
 */
export async function runPlanMode(opts: { root: string; demo: string; clockNow?: string; out: string; started: Date; log: (m: string) => void }): Promise<PlanReport> {
  const config = loadConfig({ ...process.env, WAREHOUSE_ENGINE: 'duckdb' });
  const server = await startServer({ cwd: opts.root, demoPath: opts.demo, queryCache: true, clockNow: opts.clockNow });
  const pages: PagePlan[] = [];
  const now = opts.clockNow ? new Date(opts.clockNow) : new Date();
  let endpoints: string[] = [];
  try {
    const options = await (await fetch(`${server.url}/api/queries/filter-options?range=30d`)).json() as { rows?: { endpoint_name: string }[] };
    endpoints = [...new Set((options.rows ?? []).map((r) => r.endpoint_name))].sort();
    const list = await (await fetch(`${server.url}/api/queries/inspector-requests?range=7d&page_size=1`)).json() as { rows?: Record<string, unknown>[] };
    const paths = pagePaths(pagesFromNav(fs.readFileSync(path.join(opts.root, 'components', 'app-shell.tsx'), 'utf8')), list.rows?.[0] ?? null);
    const tables = planTables(endpoints);
    const rollups = planRollups(now);
    const browser = await launchBrowser();
    try {
      for (const p of paths) {
        const drawn = await measurePage(browser, server.url, p, 1);
        const calls = (drawn.calls ?? []).map((url) => planCall(url, { now, config, tables, rollups }));
        pages.push({ path: p, calls });
        opts.log(`plan ${p}: ${calls.length} calls, ${calls.filter((c) => c.rawWindow).length} scan raw tables over the window`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
  const report: PlanReport = {
    date: opts.started.toISOString(),
    rollupSchema: PLAN_SCHEMA.rollups,
    coversEnd: planRollups(now).facts.coversEnd!.toISOString(),
    pages: pages.sort((a, b) => a.path.localeCompare(b.path)),
    refresh: { sinceDays: 2, statements: refreshSummary(planTables(endpoints), 2) },
  };
  const markdown = renderPlanMarkdown(report);
  fs.mkdirSync(opts.out, { recursive: true });
  const base = path.join(opts.out, `${opts.started.toISOString().slice(0, 10)}-plan`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  opts.log(`wrote ${path.relative(opts.root, base)}.json and .md`);
  return report;
}
