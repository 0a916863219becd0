'use client';

import { useState } from 'react';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { LOW_SAMPLE, type Axis, type Mark } from '@/lib/charts/marks';
import { pointLines, sampleText } from '@/lib/charts/point-lines';
import type { PreparedSeries } from '@/lib/charts/marks';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { DrillFrame, type Drill } from './drill-frame';

export type { Axis, Mark };

const Plot = lazyPlot(() => import('@/components/charts/plots/plot-time-chart').then((m) => m.PlotTimeChart));

/**
 * Draws prepared time series: lines (never stacked, never smoothed) for measurements, stacked
 * areas or bars for counts, the still-arriving part of the window shaded on every chart. The
 * values under the pointer are read out above the plot, so nothing covers a spike; with `drill`,
 * a bucket leads to its requests and a drag zooms the page.
 */
export function TimeChart({ data, marks, left, right, height = 'h-72', label, drill }: { data: PreparedSeries; marks: Mark[]; left: Axis; right?: Axis; height?: string; label: string; drill?: Drill }) {
  const [hover, setHover] = useState<number | null>(null);
  const linesAt = (i: number) => pointLines(data.points[i]!, data.series, marks, { left, right });
  const lowSample = marks.some((m) => m.sampleKey && !m.hidden && data.points.some((p) => (p[m.sampleKey!] ?? 0) > 0 && (p[m.sampleKey!] ?? 0) < LOW_SAMPLE && p[m.dataKey] !== null));
  return (
    <div>
      <Readout data={data} index={hover} linesAt={linesAt} />
      <DrillFrame drill={drill} points={data.points} bucket={data.bucket} tz={data.tz} domain={data.domain} label={label} height={height} linesAt={linesAt}>
        {(interaction) => <Plot data={data} marks={marks} left={left} right={right} interaction={interaction} onHover={setHover} />}
      </DrillFrame>
      {lowSample && <p className="mt-1 text-xs text-slate-500">○ a percentile over fewer than {LOW_SAMPLE} requests: shown, but thin.</p>}
      {data.stillArriving && <p className="mt-1 text-xs text-slate-500">Shaded: rows still arriving (inference tables land up to about an hour late), so a dip there is not a drop.</p>}
    </div>
  );
}

/** The values under the pointer, above the plot (a tooltip would hide the spike it describes). */
function Readout({ data, index, linesAt }: { data: PreparedSeries; index: number | null; linesAt: (i: number) => ReturnType<typeof pointLines> }) {
  const point = index === null ? null : data.points[index];
  return (
    <div className="mb-1 flex h-10 flex-wrap content-start gap-x-3 overflow-y-auto text-xs text-slate-600" aria-live="off" data-testid="chart-readout">
      {point ? (
        <>
          <span className="font-semibold text-slate-800">{formatZonedTimestamp(point.t, data.tz)} · per {data.bucket}</span>
          {linesAt(index!).map((l) => (
            <span key={l.label} className="whitespace-nowrap">
              <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: l.color }} aria-hidden />
              {l.label}: <span className="tabular-nums text-slate-900">{l.text}</span>
              {l.n !== null && <span className={l.lowSample ? 'text-amber-700' : 'text-slate-500'}> ({sampleText(l)})</span>}
            </span>
          ))}
        </>
      ) : <span className="text-slate-400">Point at a bucket to read it{data.series.length ? '' : ''}.</span>}
    </div>
  );
}
