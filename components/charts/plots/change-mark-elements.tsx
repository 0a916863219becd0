'use client';

import { ReferenceArea, ReferenceLine } from 'recharts';
import type { ChangeMark } from '@/lib/compare/prepare-share';
import { CHART_COLORS } from '@/lib/charts/palette';

/** served_entities changes as dashed vertical lines, and the still-arriving last hour shaded. */
export function changeMarkElements(changes: ChangeMark[], stillArriving: { from: number; to: number } | null) {
  return [
    ...changes.map((c, i) => (
      <ReferenceLine key={`change-${c.t}`} x={c.t} stroke={CHART_COLORS.change} strokeDasharray="4 3" label={{ value: i === 0 ? 'config change' : '', position: 'insideTopLeft', fontSize: 11, fill: CHART_COLORS.changeText }} />
    )),
    stillArriving && (
      <ReferenceArea key="still-arriving" x1={stillArriving.from} x2={stillArriving.to} fill={CHART_COLORS.stillArriving} fillOpacity={0.15} label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: CHART_COLORS.stillArrivingText }} />
    ),
  ];
}
