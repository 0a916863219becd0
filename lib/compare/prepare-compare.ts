import { colorsByName } from '@/lib/charts/palette';
import { costPerRequest, DEARER_RATIO, lookupPrice, type PriceLookup } from './pricing';
import { holmAdjust, mannWhitney, MIN_SAMPLE, newcombeDifference, quantileDifference, quantileInterval, twoProportionTest, wilsonInterval, type Bin, type Difference, type Interval, type MannWhitney, type TestResult } from './stats';
import type { EntityRow, HistogramRow } from './types';

export const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
export type QuantileName = keyof typeof QUANTILES;

/** Significance level after Holm's adjustment across the comparisons with the baseline. */
export const ALPHA = 0.05;

export interface LatencyEstimate { estimate: number | null; interval: Interval | null }

export interface PreparedEntity {
  key: string;
  label: string;
  model: string | null;
  entityType: string | null;
  color: string;
  requests: number;
  share: number;
  sampledRows: number;
  /** Requests observed one by one (endpoint_usage rows, else logged rows): the error denominator. */
  observedRows: number;
  errorRows: number;
  errorRate: number | null;
  errorInterval: Interval | null;
  blockRate: number | null;
  blockInterval: Interval | null;
  latencyRows: number;
  latency: Record<QuantileName, LatencyEstimate>;
  meanInputTokens: number | null;
  meanOutputTokens: number | null;
  tokensPerSecond: number | null;
  /** Share of logged rows whose tokens came from endpoint_usage rather than the response. */
  usageCoverage: number;
  costPerRequest: number | null;
  /** Where the cost per request comes from: each request priced (as Finance does), or mean tokens × the entity's price. */
  costSource: 'priced requests' | 'mean tokens' | null;
}

export type FlagKind = 'slower' | 'faster' | 'more errors' | 'fewer errors' | 'dearer' | 'cheaper';
export interface Flag { kind: FlagKind; than: string }

export interface PreparedComparison {
  key: string;
  label: string;
  latency: { ok: true; test: MannWhitney; pAdjusted: number; p50: Difference | null; p95: Difference | null } | { ok: false; reason: string };
  errors: { diff: Difference | null; test: TestResult; pAdjusted: number | null };
}

export interface PreparedCompare {
  entities: PreparedEntity[];
  baseline: PreparedEntity | null;
  comparisons: PreparedComparison[];
  flags: Record<string, Flag[]>;
  /** More than one comparison: p-values are Holm-adjusted and the page says so. */
  multiple: boolean;
}

/** Histogram rows of one group as ascending buckets. */
export function binsOf(rows: readonly HistogramRow[], endpoint: string, key: string): Bin[] {
  return rows
    .filter((r) => r.endpoint_name === endpoint && r.group_key === key)
    .map((r) => ({ key: r.bin, count: r.sampled_rows, min: r.min_ms, max: r.max_ms }))
    .sort((a, b) => a.key - b.key);
}

/**
 * Summary rows and latency histograms of one endpoint → entities with intervals, and each
 * entity compared with the baseline (the chosen one, else the busiest). `histogram` may be
 * null while it loads: intervals and latency tests then stay empty.
 */
export function prepareCompare(rows: readonly EntityRow[], histogram: readonly HistogramRow[] | null, opts: { endpoint: string; baseline?: string; price?: PriceLookup; costs?: ReadonlyMap<string, number | null> }): PreparedCompare {
  const mine = rows.filter((r) => r.endpoint_name === opts.endpoint).sort((a, b) => b.requests - a.requests || a.group_key.localeCompare(b.group_key));
  const total = mine.reduce((s, r) => s + r.requests, 0);
  const price = opts.price ?? lookupPrice;
  const bins = new Map(mine.map((r) => [r.group_key, histogram ? binsOf(histogram, opts.endpoint, r.group_key) : null]));
  const colors = colorsByName(mine.map((r) => r.served_entity_name ?? r.group_key));
  // Each request priced, as Finance prices it (any grouping: a group of a usage_context key mixes
  // models); else mean tokens × the entity's own price.
  const costOf = (r: EntityRow, label: string): Pick<PreparedEntity, 'costPerRequest' | 'costSource'> => {
    const priced = opts.costs?.get(r.group_key) ?? opts.costs?.get(label);
    if (priced !== undefined && priced !== null) return { costPerRequest: priced, costSource: 'priced requests' };
    const estimate = costPerRequest(price({ endpoint: opts.endpoint, key: r.group_key, model: r.entity_name, name: r.served_entity_name }), r.mean_input_tokens, r.mean_output_tokens);
    return { costPerRequest: estimate, costSource: estimate === null ? null : 'mean tokens' };
  };
  const entities: PreparedEntity[] = mine.map((r) => {
    const b = bins.get(r.group_key);
    const est = (q: QuantileName): LatencyEstimate => ({ estimate: r[`${q}_ms`], interval: b ? quantileInterval(b, QUANTILES[q]) : null });
    const label = r.served_entity_name ?? r.group_key;
    return {
      key: r.group_key,
      label,
      model: r.entity_name,
      entityType: r.entity_type,
      color: colors.get(label)!,
      requests: r.requests,
      share: total > 0 ? r.requests / total : 0,
      sampledRows: r.sampled_rows,
      observedRows: r.observed_rows,
      errorRows: r.error_rows,
      errorRate: r.observed_rows > 0 ? r.error_rows / r.observed_rows : null,
      errorInterval: wilsonInterval(r.error_rows, r.observed_rows),
      blockRate: r.sampled_rows > 0 ? r.blocked_rows / r.sampled_rows : null,
      blockInterval: wilsonInterval(r.blocked_rows, r.sampled_rows),
      latencyRows: r.latency_rows,
      latency: { p50: est('p50'), p95: est('p95'), p99: est('p99') },
      meanInputTokens: r.mean_input_tokens,
      meanOutputTokens: r.mean_output_tokens,
      tokensPerSecond: r.output_tokens_per_second,
      usageCoverage: r.observed_rows > 0 ? r.usage_rows / r.observed_rows : 0,
      ...costOf(r, label),
    };
  });
  const baseline = entities.find((e) => e.key === opts.baseline) ?? entities[0] ?? null;
  const others = baseline ? entities.filter((e) => e !== baseline) : [];
  const comparisons = others.map((e) => compareWith(baseline!, e, bins.get(baseline!.key) ?? null, bins.get(e.key) ?? null));
  adjust(comparisons);
  return { entities, baseline, comparisons, flags: flagsOf(baseline, others, comparisons), multiple: comparisons.length > 1 };
}

function compareWith(base: PreparedEntity, e: PreparedEntity, baseBins: Bin[] | null, bins: Bin[] | null): PreparedComparison {
  const diffOf = (q: 'p50' | 'p95') => {
    const a = base.latency[q];
    const b = e.latency[q];
    return a.estimate !== null && a.interval && b.estimate !== null && b.interval
      ? quantileDifference({ estimate: a.estimate, interval: a.interval }, { estimate: b.estimate, interval: b.interval })
      : null;
  };
  const test = baseBins && bins ? mannWhitney(baseBins, bins) : null;
  const latency: PreparedComparison['latency'] = !baseBins || !bins
    ? { ok: false, reason: 'loading the latency distribution…' }
    : test
      ? { ok: true, test, pAdjusted: test.p, p50: diffOf('p50'), p95: diffOf('p95') }
      : { ok: false, reason: `not enough data (needs ≥ ${MIN_SAMPLE} successful requests per group)` };
  const errTest = twoProportionTest(base.errorRows, base.observedRows, e.errorRows, e.observedRows);
  return {
    key: e.key,
    label: e.label,
    latency,
    errors: { diff: newcombeDifference(base.errorRows, base.observedRows, e.errorRows, e.observedRows), test: errTest, pAdjusted: errTest.ok ? errTest.p : null },
  };
}

/** Holm within each family: latency tests together, error-rate tests together. */
function adjust(cs: PreparedComparison[]): void {
  const lat = cs.filter((c) => c.latency.ok);
  holmAdjust(lat.map((c) => (c.latency.ok ? c.latency.test.p : 1))).forEach((p, i) => {
    const l = lat[i]!.latency;
    if (l.ok) l.pAdjusted = p;
  });
  const err = cs.filter((c) => c.errors.test.ok);
  holmAdjust(err.map((c) => (c.errors.test.ok ? c.errors.test.p : 1))).forEach((p, i) => { err[i]!.errors.pAdjusted = p; });
}

const OPPOSITE: Record<FlagKind, FlagKind> = { slower: 'faster', faster: 'slower', 'more errors': 'fewer errors', 'fewer errors': 'more errors', dearer: 'cheaper', cheaper: 'dearer' };

/** Flags go on both sides of a significant difference, so the slower entity is flagged whichever is the baseline. */
function flagsOf(base: PreparedEntity | null, others: PreparedEntity[], cs: PreparedComparison[]): Record<string, Flag[]> {
  const flags: Record<string, Flag[]> = {};
  if (!base) return flags;
  const add = (e: PreparedEntity, kind: FlagKind) => {
    (flags[e.key] ??= []).push({ kind, than: base.label });
    (flags[base.key] ??= []).push({ kind: OPPOSITE[kind], than: e.label });
  };
  cs.forEach((c, i) => {
    const e = others[i]!;
    if (c.latency.ok && c.latency.pAdjusted < ALPHA && c.latency.test.superiority !== 0.5) add(e, c.latency.test.superiority > 0.5 ? 'slower' : 'faster');
    if (c.errors.pAdjusted !== null && c.errors.pAdjusted < ALPHA && c.errors.diff) add(e, c.errors.diff.diff > 0 ? 'more errors' : 'fewer errors');
    if (e.costPerRequest !== null && base.costPerRequest !== null && base.costPerRequest > 0) {
      const ratio = e.costPerRequest / base.costPerRequest;
      if (ratio >= DEARER_RATIO) add(e, 'dearer');
      else if (ratio <= 1 / DEARER_RATIO) add(e, 'cheaper');
    }
  });
  return flags;
}
