'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LOW_SAMPLE, type Axis, type Mark } from '@/lib/charts/marks';
import type { PreparedSeries } from '@/lib/charts/marks';
import { formatZonedTick } from '@/lib/time/zone';
import { CHART_COLORS } from '@/lib/charts/palette';
import type { PlotInteraction } from '../drill-frame';

type State = { activeTooltipIndex?: number | string | null };
const indexOf = (s: State) => (s.activeTooltipIndex === null || s.activeTooltipIndex === undefined ? null : Number(s.activeTooltipIndex));

/**
 * Past this many buckets a series of bars is drawn as one stepped outline, each bucket's value
 * level across its bar's width (centred on the bucket, as a bar is). recharts draws a bar as a
 * component and two SVG elements: the errors chart of a week (169 hourly buckets, up to 8
 * categories) was 2,900 of the /ops page's 6,000 elements, 823 of its 887 bars under half a pixel
 * high, and about 500 ms of the page's drawing on two cores. Where a bar would be 10 px wide or
 * less, the stepped outline looks the same.
 */
const DENSE_BARS = 60;

/** TimeChart's drawing: loaded on demand (see lazyPlot). Straight segments: a smoothed curve overshoots a spike. */
export function PlotTimeChart({ data, marks, left, right, interaction, onHover }: { data: PreparedSeries; marks: Mark[]; left: Axis; right?: Axis; interaction?: PlotInteraction; onHover?: (index: number | null) => void }) {
  const { points, bucket, tz, stillArriving, domain } = data;
  const drawn = marks.filter((m) => !m.hidden);
  const denseBars = points.length > DENSE_BARS;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={points}
        margin={{ top: 8, right: right ? 8 : 16, bottom: 0, left: 0 }}
        onMouseDown={(s: State) => { const i = indexOf(s); if (i !== null) interaction?.down(i); }}
        onMouseMove={(s: State) => { const i = indexOf(s); onHover?.(i); if (i !== null) interaction?.move(i); }}
        onMouseUp={(s: State) => { const i = indexOf(s); if (i !== null) interaction?.up(i); }}
        onMouseLeave={() => onHover?.(null)}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="t" type="number" scale="time" domain={domain as [number, number]} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, tz)} minTickGap={40} fontSize={12} />
        {/* interval 0: a linear value axis has about five ticks a plot's height apart, which never
            collide; recharts would otherwise measure every tick label in the DOM to find out (a
            forced layout of the whole page per label, about a tenth of drawing /ops). */}
        <YAxis yAxisId="left" interval={0} allowDecimals={!left.integer} domain={left.domain} ticks={left.ticks} tickFormatter={left.tick ?? left.format} width={64} fontSize={12} label={{ value: left.label, angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_COLORS.axisLabel }} />
        {right && <YAxis yAxisId="right" orientation="right" interval={0} allowDecimals={!right.integer} tickFormatter={right.tick ?? right.format} width={64} fontSize={12} label={{ value: right.label, angle: 90, position: 'insideRight', fontSize: 11, fill: CHART_COLORS.axisLabel }} />}
        {/* The values are read out above the plot; the tooltip only draws the cursor. */}
        <Tooltip content={() => null} cursor={{ stroke: CHART_COLORS.axisLabel, strokeDasharray: '3 3' }} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {stillArriving && (
          <ReferenceArea yAxisId="left" x1={stillArriving.from} x2={stillArriving.to} fill={CHART_COLORS.stillArriving} fillOpacity={0.18} stroke={CHART_COLORS.stillArriving} strokeDasharray="4 3" label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: CHART_COLORS.stillArrivingText }} />
        )}
        {data.changes?.map((c, i) => (
          <ReferenceLine key={`change-${c.t}`} yAxisId="left" x={c.t} stroke={CHART_COLORS.change} strokeDasharray="4 3" label={{ value: i === 0 ? 'config change' : '', position: 'insideTopLeft', fontSize: 11, fill: CHART_COLORS.changeText }} />
        ))}
        {interaction?.selection && <ReferenceArea yAxisId="left" x1={interaction.selection.from} x2={interaction.selection.to} fill={CHART_COLORS.change} fillOpacity={0.12} />}
        {drawn.map((m) => {
          const common = { dataKey: m.dataKey, name: m.name, yAxisId: m.axis ?? 'left', isAnimationActive: false };
          if (m.kind === 'bar') {
            return denseBars
              ? <Area key={m.dataKey} {...common} type="step" stackId={m.stackId} stroke="none" fill={m.color} fillOpacity={1} activeDot={false} legendType="rect" connectNulls={false} />
              : <Bar key={m.dataKey} {...common} stackId={m.stackId} fill={m.color} />;
          }
          if (m.kind === 'area') return <Area key={m.dataKey} {...common} type={m.step ? 'stepAfter' : 'linear'} stackId={m.stackId} stroke={m.color} fill={m.color} fillOpacity={0.3} connectNulls={false} />;
          return <Line key={m.dataKey} {...common} type="linear" stroke={m.color} strokeWidth={m.dashed ? 1.25 : 2} strokeDasharray={m.dashed ? '5 4' : undefined} dot={m.sampleKey && points.some((p) => isLowSample(p[m.sampleKey!])) ? lowSampleDot(m.sampleKey, m.color) : false} activeDot={{ r: 3 }} connectNulls={false} />;
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Whether a bucket's percentile stands on some requests, but fewer than LOW_SAMPLE. */
const isLowSample = (n: unknown) => typeof n === 'number' && n > 0 && n < LOW_SAMPLE;

/**
 * A hollow ring on the buckets whose percentile stands on fewer than LOW_SAMPLE requests. Only for
 * a line that has such a bucket: a dot per point is a component per point (three lines of 500
 * hourly buckets are 1,500), drawn for nothing where every bucket is well sampled.
 */
function lowSampleDot(sampleKey: string, color: string) {
  function Dot(props: { cx?: number; cy?: number; payload?: Record<string, number | null>; index?: number }) {
    const n = props.payload?.[sampleKey] ?? 0;
    if (props.cx === undefined || props.cy === undefined || !isLowSample(n)) return <g key={props.index} />;
    return <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} fill="white" stroke={color} strokeWidth={1.5} />;
  }
  return Dot;
}
