'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { formatCount, formatPercent } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, noDataText, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { CATEGORY_COLOR, ERROR_CATEGORIES } from '@/lib/ops/error-categories';
import { prepareErrorRate } from '@/lib/ops/prepare-errors';
import { errorMarks } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';

/** Failed requests per bucket stacked by category, with the error rate as a line on its own axis. */
export function ChartBarErrors({ state }: { state: DashboardState }) {
  const params = apiTimeFilters(state);
  const query = useCatalogueQuery('ops-errors-over-time', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, {
    seriesOf: (r) => r.category,
    values: { n: (r) => r.requests },
    missing: 'zero',
    order: ['ok', ...ERROR_CATEGORIES],
    colors: CATEGORY_COLOR,
  });
  const withRate = prepared && prepareErrorRate(prepared);
  return (
    <ChartCard
      testId="chart-errors"
      title="Errors over time"
      subtitle={<>Failed requests by category read from the response bodies (endpoint_usage first; requests only endpoint_usage counted take their category from the status code), and the share of all requests that failed; a bucket without traffic has no rate.</>}
      query={query}
      csvHref={queryUrl('ops-errors-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {(d) => withRate && (
        <>
          <TimeChart data={withRate} marks={errorMarks(withRate)} label="Errors by category and error rate" left={{ label: 'failed requests', format: formatCount, integer: true }} right={{ label: 'error rate', format: formatPercent }} drill={{ state, kind: 'error_category', base: { status: 'error' }, what: 'failed requests' }} />
          <UnloggedNote rows={d.rows} />
        </>
      )}
    </ChartCard>
  );
}

/** How many of the failed requests no payload table logged (endpoint_usage counted them: no body to open). */
function UnloggedNote({ rows }: { rows: { category: string; unlogged_requests: number }[] }) {
  const unlogged = rows.filter((r) => r.category !== 'ok').reduce((sum, r) => sum + r.unlogged_requests, 0);
  if (unlogged < 0.5) return null;
  return <p data-testid="errors-unlogged" className="mt-2 text-xs text-slate-500">{formatCount(unlogged)} of these failed requests were not logged in the payload tables: endpoint_usage counted them, so they have a requester and a status but no body to open.</p>;
}
