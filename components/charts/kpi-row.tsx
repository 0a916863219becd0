'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState, noDataText } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { prepareKpis, type KpiTile } from '@/lib/ops/prepare-kpis';

const TONE: Record<KpiTile['tone'], string> = { good: 'text-emerald-700', bad: 'text-red-700', neutral: 'text-slate-500' };

/**
 * Headline numbers with their change against the previous period of equal length. Other views
 * add tiles (tokens, cost) through `extraTiles` without touching this query.
 */
export function KpiRow({ state, extraTiles = [] }: { state: DashboardState; extraTiles?: KpiTile[] }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-kpis', params, { live: isLive(state) });
  const tiles = useMemo(() => (query.data?.window ? prepareKpis(query.data.rows, query.data.window) : []), [query.data]);
  return (
    <ChartCard
      testId="kpi-row"
      title="Key numbers"
      subtitle={<>For the selected range; changes compare with the equally long period just before it. Latency is over successful requests; the last hour is still arriving.</>}
      query={query}
      csvHref={queryUrl('ops-kpis', params, 'csv')}
      isEmpty={(d) => !d.rows.some((r) => r.period === 'current')}
      empty={noDataText(state)}
    >
      {() => (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {[...tiles, ...extraTiles].map((t) => (
            <div key={t.id} data-testid={`kpi-${t.id}`} className="rounded border border-slate-100 bg-slate-50 p-2" title={t.help}>
              <dt className="text-xs text-slate-500">{t.label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{t.value}</dd>
              {t.change && <dd className={`text-xs ${TONE[t.tone]}`}>{t.change} vs previous</dd>}
              {t.note && <dd className="text-xs text-slate-500">{t.note}</dd>}
            </div>
          ))}
        </dl>
      )}
    </ChartCard>
  );
}
