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
      subtitle={<>Failed requests (sampling-weighted) by category read from the response bodies, and the share of all requests that failed; a bucket without traffic has no rate.</>}
      query={query}
      csvHref={queryUrl('ops-errors-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {() => withRate && <TimeChart data={withRate} marks={errorMarks(withRate)} label="Errors by category and error rate" left={{ label: 'failed requests', format: formatCount, integer: true }} right={{ label: 'error rate', format: formatPercent }} drill={{ state, kind: 'error_category', base: { status: 'error' }, what: 'failed requests' }} />}
    </ChartCard>
  );
}
