'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatusCodeRow } from '@/components/charts/chart-bar-status-codes';
import { formatCount } from '@/lib/charts/format';
import { CHART_COLORS, STATUS_COLORS } from '@/lib/charts/palette';

const colorOf = (s: number) => (s < 400 ? STATUS_COLORS.ok : s === 429 ? STATUS_COLORS['429'] : s < 500 ? STATUS_COLORS['4xx'] : STATUS_COLORS['5xx'])!;

/** ChartBarStatusCodes' drawing: loaded on demand (see lazyPlot). */
export function PlotBarStatusCodes({ rows, onBar }: { rows: StatusCodeRow[]; onBar?: (code: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows.map((r) => ({ ...r, code: String(r.status_code) }))} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="code" fontSize={12} />
        <YAxis scale="log" domain={[1, 'auto']} allowDataOverflow tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} />
        <Tooltip
          formatter={(v, _name, item) => {
            const unlogged = Number((item?.payload as StatusCodeRow | undefined)?.unlogged_requests ?? 0);
            return [`${formatCount(Number(v))}${unlogged >= 0.5 ? ` (${formatCount(unlogged)} not logged)` : ''}`, 'requests'];
          }}
          labelFormatter={(l) => `HTTP ${l}`}
          contentStyle={{ fontSize: 12 }}
        />
        <Bar dataKey="requests" isAnimationActive={false} onClick={(d: { payload?: { status_code?: number } }) => { if (d.payload?.status_code !== undefined) onBar?.(d.payload.status_code); }}>
          {rows.map((r) => <Cell key={r.status_code} fill={colorOf(r.status_code)} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
