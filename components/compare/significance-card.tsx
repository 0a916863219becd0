'use client';

import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { formatDifference, formatP } from '@/lib/compare/format';
import { ALPHA, type PreparedComparison } from '@/lib/compare/prepare-compare';
import type { CompareState } from '@/lib/compare/search-params';
import { MIN_EXPECTED, MIN_SAMPLE } from '@/lib/compare/stats';
import { useComparison } from '@/lib/compare/use-compare';
import { verdictOf } from '@/lib/compare/verdict';
import { formatMsDiff, formatPercent, formatPp } from '@/lib/charts/format';

/** Each entity against the baseline: the effect with its interval first, then the test. */
export function SignificanceCard({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const { params, histogram, prepared } = useComparison(state, compare);
  const baseline = prepared?.baseline?.label ?? 'the baseline';
  return (
    <ChartCard
      testId="compare-significance"
      title={`Is the difference real? Each against ${baseline}`}
      subtitle={<>Latency: Mann–Whitney U on the latency distribution of successful requests; differences of p50/p95 with 95% intervals. Errors: two-proportion z-test; difference with Newcombe&apos;s interval.</>}
      query={histogram}
      csvHref={queryUrl('compare-latency-histogram', params, 'csv')}
      isEmpty={() => !prepared || prepared.comparisons.length === 0}
      empty={<>Only one {compare.groupBy === 'context' ? 'group' : 'served entity'} had traffic here: there is nothing to compare. Clear the served-entity filter or pick a longer range.</>}
    >
      {() => prepared && (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-col gap-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="compare-verdicts" aria-label="What the comparison found">
            {prepared.comparisons.map((c) => {
              const e = prepared.entities.find((x) => x.key === c.key);
              return e && prepared.baseline ? <li key={c.key} data-testid="compare-verdict" data-entity={c.label} className="font-medium">{verdictOf(c, e, prepared.baseline).sentence}</li> : null;
            })}
          </ul>
          {prepared.multiple && (
            <p className="rounded bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="compare-multiple-note">
              {prepared.comparisons.length} comparisons with the baseline: p-values are Holm-adjusted within latency and within errors, so the chance of any false alarm stays at {ALPHA * 100}%.
            </p>
          )}
          <div className="grid gap-3 lg:grid-cols-2">
            {prepared.comparisons.map((c) => <ComparisonBlock key={c.key} c={c} baseline={baseline} adjusted={prepared.multiple} />)}
          </div>
          <p className="text-xs text-slate-500">
            Tests need ≥ {MIN_SAMPLE} rows per group (and ≥ {MIN_EXPECTED} expected errors per group for the z-test); below that the card says “not enough data”. Significant means p &lt; {ALPHA} after adjustment. Latency buckets are ~2% wide, which makes intervals slightly conservative.
          </p>
        </div>
      )}
    </ChartCard>
  );
}

function ComparisonBlock({ c, baseline, adjusted }: { c: PreparedComparison; baseline: string; adjusted: boolean }) {
  const pLabel = adjusted ? 'adjusted p' : 'p';
  const lat = c.latency;
  const err = c.errors;
  const latSig = lat.ok && lat.pAdjusted < ALPHA;
  const errSig = err.pAdjusted !== null && err.pAdjusted < ALPHA;
  return (
    <section className="rounded border border-slate-200 p-3 text-sm" data-testid="compare-comparison" data-entity={c.label} aria-label={`${c.label} against ${baseline}`}>
      <h3 className="mb-2 font-semibold">{c.label} <span className="font-normal text-slate-500">vs {baseline}</span></h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Latency</dt>
        <dd data-testid="latency-verdict">
          {lat.ok ? (
            <>
              <strong>{latSig ? (lat.test.superiority > 0.5 ? 'slower' : 'faster') : 'no significant difference'}</strong>
              {' '}· {pLabel} {formatP(lat.pAdjusted)} · a random request is slower than one of {baseline} {formatPercent(lat.test.superiority)} of the time
            </>
          ) : <span className="text-slate-500">{lat.reason}</span>}
        </dd>
        <dt className="text-slate-500">Δ p50</dt>
        <dd className="tabular-nums">{lat.ok ? formatDifference(lat.p50, formatMsDiff) : '–'}</dd>
        <dt className="text-slate-500">Δ p95</dt>
        <dd className="tabular-nums">{lat.ok ? formatDifference(lat.p95, formatMsDiff) : '–'}</dd>
        <dt className="text-slate-500">Δ error rate</dt>
        <dd className="tabular-nums">{formatDifference(err.diff, formatPp)}</dd>
        <dt className="text-slate-500">Errors</dt>
        <dd data-testid="error-verdict">
          {err.test.ok ? (
            <><strong>{errSig ? (err.diff && err.diff.diff > 0 ? 'more errors' : 'fewer errors') : 'no significant difference'}</strong> · {pLabel} {formatP(err.pAdjusted ?? err.test.p)}</>
          ) : <span className="text-slate-500">{err.test.reason}</span>}
        </dd>
      </dl>
    </section>
  );
}
