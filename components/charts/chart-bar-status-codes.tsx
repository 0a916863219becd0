'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/chart-card';
import { formatCount } from '@/lib/charts/format';
import { STATUS_COLORS } from '@/lib/charts/palette';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';

type Row = { status_code: number; requests: number; sampled_rows: number };
const colorOf = (s: number) => (s < 400 ? STATUS_COLORS.ok : s === 429 ? STATUS_COLORS['429'] : s < 500 ? STATUS_COLORS['4xx'] : STATUS_COLORS['5xx'])!;

/** Requests per status code; the bar of 200s is usually far taller, so the axis is logarithmic. */
export function ChartBarStatusCodes({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery<Row>('ops-status-codes', params, { live: isLive(state) });
  return (
    <ChartCard
      testId="chart-status-codes"
      title="Requests by status code"
      subtitle={<>As logged in the payload tables, sampling-weighted; log scale. 401/403/429 are often missing here (see completeness).</>}
      query={query}
      csvHref={queryUrl('ops-status-codes', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests in this range.</>}
    >
      {(d) => (
        <div className="h-56" role="img" aria-label="Requests by status code">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={d.rows.map((r) => ({ ...r, code: String(r.status_code) }))} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="code" fontSize={12} />
              <YAxis scale="log" domain={[1, 'auto']} allowDataOverflow tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} />
              <Tooltip formatter={(v) => [formatCount(Number(v)), 'requests']} labelFormatter={(l) => `HTTP ${l}`} contentStyle={{ fontSize: 12 }} />
              <Bar dataKey="requests" isAnimationActive={false}>
                {d.rows.map((r) => <Cell key={r.status_code} fill={colorOf(r.status_code)} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
