'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { stackedCountMarks } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';


/** Why bodies were not logged: logging_error_codes per bucket. */
export function ChartBarLoggingCodes({ state }: { state: DashboardState }) {
  const params = apiTimeFilters(state);
  const query = useCatalogueQuery('ops-logging-codes', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, { seriesOf: (r) => r.code, values: { n: (r) => r.sampled_rows }, missing: 'zero' });
  return (
    <ChartCard
      testId="chart-logging-codes"
      title="Logging error codes"
      subtitle={<>Logged rows whose request or response body was dropped, by logging_error_codes entry (e.g. over the size limit).</>}
      query={query}
      csvHref={queryUrl('ops-logging-codes', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No logging error codes in this range: every body within the size limits was logged.</>}
    >
      {() => prepared && <TimeChart data={prepared} marks={stackedCountMarks(prepared, 'n', 'codes')} height="h-56" label="Logging error codes over time" left={{ label: 'rows', format: formatCount, integer: true }} drill={{ state, kind: 'none' }} />}
    </ChartCard>
  );
}
