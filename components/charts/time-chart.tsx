'use client';

import { lazyPlot } from '@/components/charts/lazy-plot';
import type { Axis, Mark } from '@/lib/charts/marks';
import type { PreparedSeries } from '@/lib/ops/prepare-series';

export type { Axis, Mark };

const Plot = lazyPlot(() => import('@/components/charts/plots/plot-time-chart').then((m) => m.PlotTimeChart));

/**
 * Draws prepared time series: lines (never stacked) for measurements, stacked areas or bars for
 * counts, the still-arriving part of the window shaded and labelled on every chart.
 */
export function TimeChart({ data, marks, left, right, height = 'h-72', label }: { data: PreparedSeries; marks: Mark[]; left: Axis; right?: Axis; height?: string; label: string }) {
  return (
    <div>
      <div className={height} role="img" aria-label={label}>
        <Plot data={data} marks={marks} left={left} right={right} />
      </div>
      {data.stillArriving && <p className="mt-1 text-xs text-slate-500">Shaded: rows still arriving (inference tables land up to about an hour late), so a dip there is not a drop.</p>}
    </div>
  );
}
