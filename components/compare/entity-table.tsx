'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { requestsHref } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';
import { formatCost, formatCount, formatMs, formatPercent, formatTokens } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { reportingZone, type DashboardState, noDataText } from '@/lib/client/search-params';
import { formatInterval } from '@/lib/compare/format';
import type { LatencyEstimate, PreparedEntity } from '@/lib/compare/prepare-compare';
import type { CompareState } from '@/lib/compare/search-params';
import type { HistoryRow } from '@/lib/compare/types';
import { useComparison, useEntityHistory } from '@/lib/compare/use-compare';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { FlagBadges } from './flag-badges';

const th = 'px-2 py-2 text-right font-medium';

/** One row per served entity (or usage_context group) with intervals, flags and config history. */
export function EntityTable({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const { params, entities, histogram, prepared } = useComparison(state, compare);
  const history = useEntityHistory(state).data?.rows ?? [];
  const sampled = prepared?.entities.some((e) => Math.abs(e.requests - e.sampledRows) > 0.5);
  const here = useHere();
  const hrefOf = (key: string) => (compare.groupBy === 'context' ? (key === '(not set)' ? null : requestsHref(state, { context: { key: compare.contextKey, value: key } }, here)) : requestsHref(state, { entity: key }, here));
  return (
    <ChartCard
      testId="compare-entities"
      title={compare.groupBy === 'context' ? `Groups of usage_context['${compare.contextKey}'] on ${state.endpoint}` : `Served entities of ${state.endpoint}`}
      subtitle={<>Requests estimated as Σ 1/sampling_fraction; rates and intervals (95%) from logged rows; latency of successful requests (model time, execution_duration_ms).</>}
      query={entities}
      csvHref={queryUrl('compare-entities', params, 'csv')}
      isEmpty={(d) => !d.rows.some((r) => r.endpoint_name === state.endpoint)}
      empty={noDataText(state)}
    >
      {() => prepared && (
        <div className="overflow-x-auto">
          <table className="sticky-first w-full min-w-[56rem] text-sm" data-testid="compare-entity-table">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className="px-2 py-2 text-left font-medium">{compare.groupBy === 'context' ? 'Group' : 'Served entity · model'}</th>
                <th className={th}>Requests · share</th>
                <th className={th}>Error rate</th>
                <th className={th}>Guardrail blocks</th>
                <th className={th}>p50</th>
                <th className={th}>p95</th>
                <th className={th}>p99</th>
                <th className={th}>Mean tokens in / out</th>
                <th className={th}>Output tok/s</th>
                <th className={th}>Cost / request</th>
              </tr>
            </thead>
            <tbody>
              {prepared.entities.map((e) => (
                <tr key={e.key} data-testid="compare-entity-row" data-entity={e.label} className="border-b border-slate-100 align-top">
                  <td className="px-2 py-2">
                    <NameCell tz={reportingZone(state)} entity={e} baseline={prepared.baseline?.key === e.key} history={compare.groupBy === 'context' ? [] : history.filter((h) => h.served_entity_id === e.key)} />
                    <FlagBadges flags={prepared.flags[e.key] ?? []} />
                  </td>
                  <Cell main={formatCount(e.requests)} href={hrefOf(e.key)} sub={`${formatPercent(e.share)}${sampled ? ` · ${formatCount(e.sampledRows)} logged` : ''}`} />
                  <Cell main={formatPercent(e.errorRate)} sub={formatInterval(e.errorInterval, formatPercent)} />
                  <Cell main={formatPercent(e.blockRate)} sub={formatInterval(e.blockInterval, formatPercent)} />
                  {(['p50', 'p95', 'p99'] as const).map((q) => <LatencyCell key={q} value={e.latency[q]} loading={histogram.isPending} />)}
                  <Cell main={`${formatTokens(e.meanInputTokens)} / ${formatTokens(e.meanOutputTokens)}`} sub={e.usageCoverage < 0.999 ? `${formatPercent(e.usageCoverage)} from endpoint_usage, rest from responses` : 'from endpoint_usage'} />
                  <Cell main={formatTokens(e.tokensPerSecond)} sub="Σ tokens / Σ model time" />
                  <Cell main={formatCost(e.costPerRequest)} sub={e.costSource === 'priced requests' ? 'each request priced' : e.costSource === 'mean tokens' ? 'from mean tokens' : 'no price book entry'} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Latency intervals are distribution-free (order statistics); “–” under a percentile means too few successful requests for one. Requests answered 401, 403, 429 or 500 may be missing from inference tables, so error rates can read low.
          </p>
        </div>
      )}
    </ChartCard>
  );
}

function Cell({ main, sub, href }: { main: string; sub?: string; href?: string | null }) {
  return (
    <td className="px-2 py-2 text-right tabular-nums">
      <div>{href ? <IntentLink href={href} className="text-sky-700 hover:underline" title="Open these requests in the inspector">{main}</IntentLink> : main}</div>
      {sub && <div className="text-xs text-slate-500">{sub}</div>}
    </td>
  );
}

function LatencyCell({ value, loading }: { value: LatencyEstimate; loading: boolean }) {
  return <Cell main={formatMs(value.estimate)} sub={loading ? 'interval…' : formatInterval(value.interval, formatMs)} />;
}

function NameCell({ entity, baseline, history, tz }: { entity: PreparedEntity; baseline: boolean; history: HistoryRow[]; tz: string }) {
  const latest = history.find((h) => h.is_latest);
  const earlier = history.filter((h) => !h.is_latest);
  return (
    <div>
      <div className="flex items-center gap-2 font-medium">
        <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: entity.color }} aria-hidden />
        <span>{entity.label}</span>
        {baseline && <span className="rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-600">baseline</span>}
      </div>
      {entity.model && <div className="text-xs text-slate-500">{entity.model}{entity.entityType ? ` · ${entity.entityType}` : ''}</div>}
      {latest && (
        <div className="text-xs text-slate-500">
          config v{latest.endpoint_config_version ?? '?'}, version {latest.entity_version ?? '?'} since {formatZonedTimestamp(Date.parse(latest.change_time), tz)}
          {earlier.length > 0 && ` · ${earlier.length} earlier version${earlier.length > 1 ? 's' : ''}`}
        </div>
      )}
    </div>
  );
}
