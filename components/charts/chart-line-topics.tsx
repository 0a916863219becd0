'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { lineMarks } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';


/** Requests per bucket mentioning each keyword (case-insensitive, in the request body). */
export function ChartLineTopics({ state, topics }: { state: DashboardState; topics: string }) {
  const params = { ...apiTimeFilters(state), keywords: topics };
  const query = useCatalogueQuery('ops-topic-watch', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, { seriesOf: (r) => r.keyword, values: { n: (r) => r.requests }, missing: 'zero' });
  return (
    <ChartCard
      testId="chart-topics"
      title="Mentions over time"
      subtitle={<>Requests whose body mentions each keyword, sampling-weighted, per {prepared?.bucket ?? 'bucket'}.</>}
      query={query}
      csvHref={queryUrl('ops-topic-watch', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No request in this range mentions {topics}.</>}
    >
      {() => prepared && <TimeChart data={prepared} height="h-56" label="Keyword mentions over time" left={{ label: 'requests', format: formatCount, integer: true }} marks={lineMarks(prepared, 'n')} drill={{ state, kind: 'keyword', what: 'requests' }} />}
    </ChartCard>
  );
}
