'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { NULL_BODY_MARKS } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';
import { formatPercent } from '@/lib/charts/format';

const share = (n: number, of: number) => (of > 0 ? n / of : null);

/** Share of logged rows with a NULL request or response body; no rows → a gap, not 0%. */
export function ChartLineNullBodies({ state }: { state: DashboardState }) {
  const params = apiTimeFilters(state);
  const query = useCatalogueQuery('ops-logging-nulls', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, {
    seriesOf: () => 'all',
    values: { req: (r) => share(r.null_request_rows, r.sampled_rows), res: (r) => share(r.null_response_rows, r.sampled_rows) },
    missing: 'gap',
  });
  return (
    <ChartCard
      testId="chart-null-bodies"
      title="Rows with NULL bodies"
      subtitle={<>Share of logged rows per bucket; logged 429s have no model response, oversize bodies are NULL with a logging code.</>}
      query={query}
      csvHref={queryUrl('ops-logging-nulls', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No rows were logged in this range.</>}
    >
      {() => prepared && (
        <TimeChart
          data={prepared}
          height="h-56"
          label="Share of rows with NULL request or response"
          marks={NULL_BODY_MARKS}
          left={{ label: 'share of rows', format: formatPercent }}
          drill={{ state, kind: 'none' }}
        />
      )}
    </ChartCard>
  );
}
