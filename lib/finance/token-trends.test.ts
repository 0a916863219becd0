import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { filterParams } from '@/lib/catalogue/filters';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resolveTables } from '@/lib/catalogue/tables';
import { clearRollupState } from '@/lib/rollups/state';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';

/*
 * Token trends read ~2% token bins (the hourly rollup, or the same computed from requests). These
 * figures are checked here against the requests themselves, computed in plain code: requests and
 * rows per day and series, the weighted mean, and a p95 within its bin of the exact k-th smallest
 * count. The rollup and the raw plan are compared with each other in lib/rollups/equivalence.test.ts.
 */
let demo: DemoFixture;
beforeAll(async () => {
  demo = await openDemoFixture({ rows: 12_000, seed: 23 });
  clearRollupState();
}, 120_000);
afterAll(async () => demo?.close());

interface TokenRow { request_date: string; status_code: number; token_source: string; requester: string; weight: number; input_tokens: number | null; output_tokens: number | null; project: string | null }

async function requestRows(qs: string): Promise<{ rows: TokenRow[]; trends: Record<string, unknown>[] }> {
  const def = CATALOGUE['finance-token-trends']!;
  const parsed = parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config);
  const result = await runQuery(def, parsed, { warehouse: demo.warehouse, config: demo.config });
  expect(result.plan.aggregates).toBeNull();
  const tables = await resolveTables(demo.config, demo.warehouse);
  const sql = renderSql(`SELECT CAST(t.request_date AS STRING) AS request_date, t.status_code, t.token_source, t.requester, t.weight, t.input_tokens, t.output_tokens,
      coalesce(t.usage_context['project'], get_json_object(t.body_usage_context_json, '$.project')) AS project
    FROM {{request_tokens}} t`, rawContext(tables, null));
  const { rows } = await demo.warehouse.run(sql, filterParams({}, parsed.window));
  return {
    rows: rows.map((r) => ({ ...r, status_code: Number(r.status_code), weight: Number(r.weight), input_tokens: r.input_tokens == null ? null : Number(r.input_tokens), output_tokens: r.output_tokens == null ? null : Number(r.output_tokens) }) as TokenRow),
    trends: result.rows,
  };
}

const kth = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!;

/** The figures of one day and series from its requests, computed directly. */
function direct(rows: TokenRow[]) {
  const of = (pick: (r: TokenRow) => number | null) => {
    const known = rows.filter((r) => pick(r) != null);
    const w = known.reduce((s, r) => s + r.weight, 0);
    return { avg: w ? known.reduce((s, r) => s + r.weight * pick(r)!, 0) / w : null, p95: known.length ? kth(known.map((r) => pick(r)!), 0.95) : null };
  };
  return { requests: rows.reduce((s, r) => s + r.weight, 0), sampled: rows.length, input: of((r) => r.input_tokens), output: of((r) => r.output_tokens) };
}

function expectWithinBin(got: unknown, exact: number | null, label: string) {
  if (exact === null) return expect(got, label).toBeNull();
  // A bin spans e^(1/50) ≈ 2.02%; a count below 50 has a bin of its own.
  expect(Math.abs(Number(got) - exact), label).toBeLessThanOrEqual(Math.max(exact * 0.0203, 1e-9));
}

function compare(trends: Record<string, unknown>[], groups: Map<string, TokenRow[]>) {
  expect(trends.length).toBe(groups.size);
  for (const t of trends) {
    const key = `${String(t.day)}|${String(t.series)}`;
    const rows = groups.get(key);
    expect(rows, key).toBeDefined();
    const d = direct(rows!);
    expect(Number(t.requests), key).toBeCloseTo(d.requests, 6);
    expect(Number(t.sampled_rows), key).toBe(d.sampled);
    if (d.input.avg === null) expect(t.avg_input_tokens, key).toBeNull();
    else expect(Number(t.avg_input_tokens), key).toBeCloseTo(d.input.avg, 6);
    if (d.output.avg === null) expect(t.avg_output_tokens, key).toBeNull();
    else expect(Number(t.avg_output_tokens), key).toBeCloseTo(d.output.avg, 6);
    expectWithinBin(t.p95_input_tokens, d.input.p95, `${key} p95 input`);
    expectWithinBin(t.p95_output_tokens, d.output.p95, `${key} p95 output`);
  }
}

describe('token trends from token bins agree with the requests themselves', () => {
  it('per requester, every value its own series', async () => {
    const { rows, trends } = await requestRows('range=7d&dimension=requester&top_n=0');
    const kept = rows.filter((r) => r.status_code < 400 && r.token_source !== 'unknown');
    const groups = new Map<string, TokenRow[]>();
    for (const r of kept) {
      const key = `${r.request_date}|${r.requester ?? '(not set)'}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    expect(groups.size).toBeGreaterThan(20);
    compare(trends, groups);
  });

  it('per usage_context key: the top values, "(not set)" for requests without the key, and "(other)"', async () => {
    const { rows, trends } = await requestRows('range=30d&dimension=context&context_key=project&top_n=3');
    const kept = rows.filter((r) => r.status_code < 400 && r.token_source !== 'unknown');
    const value = (r: TokenRow) => r.project ?? '(not set)';
    const totals = new Map<string, number>();
    for (const r of kept) totals.set(value(r), (totals.get(value(r)) ?? 0) + r.weight);
    const top = new Set([...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([v]) => v));
    // The demo has requests without a project: "(not set)" is a real series here, made by subtraction.
    expect(kept.some((r) => r.project === null)).toBe(true);
    expect(totals.size).toBeGreaterThan(4);
    const groups = new Map<string, TokenRow[]>();
    for (const r of kept) {
      const key = `${r.request_date}|${top.has(value(r)) ? value(r) : '(other)'}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    compare(trends, groups);
    expect(new Set(trends.map((t) => t.series))).toContain('(other)');
  });
});
