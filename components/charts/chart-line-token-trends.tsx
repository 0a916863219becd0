'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { UtcDaysNote } from '@/components/charts/utc-days-note';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { prepareTokenTrends } from '@/lib/finance/prepare-token-trends';
import { dimensionLabel, type FinanceState } from '@/lib/finance/search-params';
import { useFinanceQuery } from '@/lib/finance/use-finance-query';

const Plot = lazyPlot(() => import('./plots/plot-line-token-trends').then((m) => m.PlotLineTokenTrends));

/** "Are inputs getting longer, outputs more verbose?": average (solid) and p95 (dashed) per day. */
export function ChartLineTokenTrends({ state, fin, onMetric }: { state: DashboardState; fin: FinanceState; onMetric: (m: FinanceState['tokens']) => void }) {
  const { query, params } = useFinanceQuery('finance-token-trends', state, fin, { top_n: String(Math.min(fin.top, 5)) });
  const prepared = useMemo(() => (query.data?.window ? prepareTokenTrends(query.data.rows, fin.tokens, query.data.window) : null), [query.data, fin.tokens]);
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
      subtitle={<>Successful requests per UTC day, by {dimensionLabel(fin)}: weighted average (solid) and p95 over the logged rows (dashed). A gap is a day without requests.<UtcDaysNote state={state} /></>}
      query={query}
      headerExtra={toggle}
      csvHref={queryUrl('finance-token-trends', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty="No successful requests with token counts in this range."
    >
      {() => prepared && (
        <div className="h-80" role="img" aria-label={`${fin.tokens} tokens per request, ${prepared.series.length} series`}>
          <Plot prepared={prepared} />
        </div>
      )}
    </ChartCard>
  );
}
