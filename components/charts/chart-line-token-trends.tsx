'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { UtcDaysNote } from '@/components/charts/utc-days-note';
import { queryUrl } from '@/lib/client/api';
import { noDataText, type DashboardState } from '@/lib/client/search-params';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { formatTokens } from '@/lib/charts/format';
import { prepareTokenTrends, tokenTrendSeries } from '@/lib/finance/prepare-token-trends';
import { dimensionLabel, valueAsNarrowing, type FinanceState } from '@/lib/finance/search-params';
import { useFinanceQuery } from '@/lib/finance/use-finance-query';

/** "Are inputs getting longer, outputs more verbose?": average (solid) and p95 (dashed) per day. */
export function ChartLineTokenTrends({ state, fin, onMetric }: { state: DashboardState; fin: FinanceState; onMetric: (m: FinanceState['tokens']) => void }) {
  const { query, params } = useFinanceQuery('finance-token-trends', state, fin, { top_n: String(Math.min(fin.top, 5)) });
  const drawn = useMemo(() => (query.data?.window ? tokenTrendSeries(prepareTokenTrends(query.data.rows, fin.tokens, query.data.window), query.data.window) : null), [query.data, fin.tokens]);
  const { entityIdOf } = useFilterOptions(state);
  const toggle = (
    <div role="group" aria-label="Token direction" className="flex overflow-hidden rounded border border-slate-300 text-xs">
      {(['input', 'output'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={fin.tokens === m} onClick={() => onMetric(m)}
          className={`px-2 py-1 font-medium ${fin.tokens === m ? 'bg-slate-800 text-white' : 'bg-white hover:bg-slate-100'}`}>
          {m === 'input' ? 'Input tokens' : 'Output tokens'}
        </button>
      ))}
    </div>
  );
  return (
    <ChartCard
      testId="finance-trends"
      title={`${fin.tokens === 'input' ? 'Input' : 'Output'} tokens per request`}
      subtitle={<>Successful requests per UTC day, by {dimensionLabel(fin)}: weighted average (solid) and p95 over the logged rows (dashed; read from ~2% token bins: exact for a bin of one or two counts, else within 2%). A gap is a day without requests.<UtcDaysNote state={state} /></>}
      query={query}
      headerExtra={toggle}
      csvHref={queryUrl('finance-token-trends', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state, 'No successful requests with token counts were logged')}
    >
      {() => drawn && (
        <TimeChart data={drawn.data} marks={drawn.marks} height="h-80" left={{ label: 'tokens', format: (v) => formatTokens(v), tick: (v) => formatTokens(v, true) }} label={`${fin.tokens} tokens per request, ${drawn.data.series.length} series`}
          drill={{ state, kind: 'none', narrow: (value) => valueAsNarrowing(fin, value, entityIdOf), base: { status: 'ok' }, what: 'successful requests' }} />
      )}
    </ChartCard>
  );
}
