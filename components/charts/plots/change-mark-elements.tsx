'use client';

import { ReferenceArea, ReferenceLine } from 'recharts';
import type { ChangeMark } from '@/lib/compare/prepare-share';

/** served_entities changes as dashed vertical lines, and the still-arriving last hour shaded. */
export function changeMarkElements(changes: ChangeMark[], stillArriving: { from: number; to: number } | null) {
  return [
    ...changes.map((c, i) => (
      <ReferenceLine key={`change-${c.t}`} x={c.t} stroke="#7C3AED" strokeDasharray="4 3" label={{ value: i === 0 ? 'config change' : '', position: 'insideTopLeft', fontSize: 11, fill: '#6D28D9' }} />
    )),
    stillArriving && (
      <ReferenceArea key="still-arriving" x1={stillArriving.from} x2={stillArriving.to} fill="#94a3b8" fillOpacity={0.15} label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: '#475569' }} />
    ),
  ];
}
