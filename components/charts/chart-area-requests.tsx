'use client';

import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/chart-card';
import { formatCount, formatRate } from '@/lib/charts/format';
import { prepareRequests, type PreparedRequests, type RequestsRow } from '@/lib/charts/prepare-requests';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { formatZonedTick, formatZonedTimestamp } from '@/lib/ops/time-zone';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { Bucket } from '@/lib/time/buckets';

const SPLIT_LABEL: Record<DashboardState['split'], string> = { none: 'all traffic', endpoint: 'by endpoint', served_entity: 'by served entity', status: 'by status' };

export function ChartAreaRequests({ state }: { state: DashboardState }) {
  const params = { ...apiTimeFilters(state), split: state.split };
  const query = useCatalogueQuery<RequestsRow>('requests-over-time', params, { live: isLive(state) });
  const prepared = useMemo(() => {
    const d = query.data;
    if (!d?.window) return null;
    // "Still arriving" is judged at the moment the data was fetched, which keeps render pure.
    return prepareRequests(d.rows, d.window, d.params.bucket as Bucket, query.dataUpdatedAt, String(d.params.tz ?? 'UTC'));
  }, [query.data, query.dataUpdatedAt]);

  return (
    <ChartCard
      testId="chart-requests"
      title="Requests per minute"
      subtitle={<>Estimated from the inference tables (each row weighted by 1 / sampling_fraction), {SPLIT_LABEL[state.split]}, times in {reportingZone(state)}.</>}
      query={query}
      csvHref={queryUrl('requests-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests were logged in this range{state.endpoint ? ` for ${state.endpoint}` : ''}. Try a longer range or clear the filters.</>}
    >
      {() => prepared && <RequestsBody prepared={prepared} />}
    </ChartCard>
  );
}

function RequestsBody({ prepared }: { prepared: PreparedRequests }) {
  const { totals, series, points, bucket, stillArriving } = prepared;
  return (
    <div>
      <dl className="mb-3 flex flex-wrap gap-x-8 gap-y-1 text-sm" data-testid="requests-totals">
        <div><dt className="text-slate-500">Requests (estimated)</dt><dd className="text-lg font-semibold" data-testid="total-requests">{formatCount(totals.requests)}</dd></div>
        {totals.sampled && <div><dt className="text-slate-500">Rows logged (sampled)</dt><dd className="text-lg font-semibold">{formatCount(totals.sampledRows)}</dd></div>}
        <div><dt className="text-slate-500">Average per minute</dt><dd className="text-lg font-semibold">{formatRate(totals.avgQpm)}</dd></div>
        <div><dt className="text-slate-500">Bucket</dt><dd className="text-lg font-semibold">{bucket}</dd></div>
      </dl>
      <div className="h-72" role="img" aria-label={`Requests per minute per ${bucket}, ${series.length} series`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={prepared.domain} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, prepared.tz)} minTickGap={40} fontSize={12} />
            <YAxis tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} label={{ value: 'req/min', angle: -90, position: 'insideLeft', fontSize: 11, fill: '#64748b' }} />
            <Tooltip content={<RequestsTooltip prepared={prepared} />} />
            <Legend formatter={(key: string) => series.find((s) => s.key === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
            {stillArriving && (
              <ReferenceArea x1={stillArriving.from} x2={stillArriving.to} fill="#94a3b8" fillOpacity={0.15} label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: '#475569' }} />
            )}
            {series.map((s) => (
              <Area key={s.key} dataKey={s.key} name={s.key} stackId="requests" type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.35} isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      {stillArriving && <p className="mt-1 text-xs text-slate-500">The shaded last hour is still arriving: inference tables land up to about an hour late, so a dip there is not a traffic drop.</p>}
    </div>
  );
}

type TooltipProps = { active?: boolean; label?: number; prepared: PreparedRequests };

function RequestsTooltip({ active, label, prepared }: TooltipProps) {
  if (!active || label === undefined) return null;
  const point = prepared.points.find((p) => p.t === label);
  if (!point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow">
      <div className="mb-1 font-semibold">{formatZonedTimestamp(label, prepared.tz)} · per {prepared.bucket}</div>
      <table>
        <thead><tr className="text-slate-500"><th className="pr-3 text-left font-normal">series</th><th className="pr-3 text-right font-normal">avg/min</th>{prepared.bucket !== 'minute' && <th className="text-right font-normal">busiest min</th>}</tr></thead>
        <tbody>
          {prepared.series.map((s) => (
            <tr key={s.key}>
              <td className="pr-3"><span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />{s.label}</td>
              <td className="pr-3 text-right tabular-nums">{formatRate(point[s.key])}</td>
              {prepared.bucket !== 'minute' && <td className="text-right tabular-nums">{formatRate(point[`${s.key}_peak`])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
