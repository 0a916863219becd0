'use client';

import { ChartCard } from '@/components/chart-card';
import { Select } from '@/components/select';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { TimeChart } from '@/components/charts/time-chart';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { latencyMarks } from '@/lib/ops/prepare-marks';
import type { OpsState } from '@/lib/ops/search-params';
import { useOpsState } from '@/lib/ops/use-ops-state';
import { usePreparedSeries } from '@/lib/ops/use-prepared';
import { formatMs, formatMsTick } from '@/lib/charts/format';


/** p50/p95/p99 as lines (never stacked): all three for one series, or one percentile per series. */
/** `ops` and `setOps` from the page; without them (the Overview) the chart keeps its settings in the URL itself. */
export function ChartLineLatency({ state, ops: given, setOps: setGiven }: { state: DashboardState; ops?: OpsState; setOps?: (p: Partial<OpsState>) => void }) {
  const [own, setOwn] = useOpsState();
  const ops = given ?? own;
  const setOps = setGiven ?? setOwn;
  const params = { ...apiTimeFilters(state), split: ops.latencySplit };
  const query = useCatalogueQuery('ops-latency-over-time', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, {
    seriesOf: (r) => r.series,
    values: { n: (r) => r.sampled_rows, p50: (r) => r.p50_ms, p95: (r) => r.p95_ms, p99: (r) => r.p99_ms },
    missing: 'gap',
  });
  const split = ops.latencySplit !== 'none';
  const { entityIdOf } = useFilterOptions(state);
  const controls = (
    <span className="flex gap-2 text-xs">
      <Select aria-label="Latency split" value={ops.latencySplit} onCommit={(v) => setOps({ latencySplit: v as OpsState['latencySplit'] })} className="rounded border border-slate-300 px-1 py-1">
        <option value="none">All traffic</option>
        <option value="endpoint">Per endpoint</option>
        <option value="served_entity">Per served entity</option>
      </Select>
      {split && (
        <Select aria-label="Percentile" value={ops.percentile} onCommit={(v) => setOps({ percentile: v as OpsState['percentile'] })} className="rounded border border-slate-300 px-1 py-1">
          <option value="p50">p50</option><option value="p95">p95</option><option value="p99">p99</option>
        </Select>
      )}
    </span>
  );
  return (
    <ChartCard
      testId="chart-latency"
      title="Latency percentiles"
      subtitle={<>execution_duration_ms of successful requests (model time, no network), per {prepared?.bucket ?? 'bucket'}; a bucket without requests is a gap. Percentiles are read from ~2% latency bins: exact where a bin holds one or two values, otherwise within about 2%.</>}
      query={query}
      headerExtra={controls}
      csvHref={queryUrl('ops-latency-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No successful requests in this range.</>}
    >
      {() => prepared && <TimeChart data={prepared} marks={latencyMarks(prepared, split, ops.percentile)} label="Latency percentiles over time" left={{ label: 'latency', format: formatMs, tick: formatMsTick }} drill={{ state, kind: ops.latencySplit, entityIdOf, base: { status: 'ok', sort: 'duration_desc' }, what: 'successful requests, slowest first' }} />}
    </ChartCard>
  );
}
