'use client';

import type { ChangeMark } from '@/lib/charts/marks';
import { formatZonedTimestamp } from '@/lib/time/zone';

/** The served_entities changes a chart marks (see changeMarkElements), listed under it. */
export function ChangeMarkNotes({ changes, tz }: { changes: ChangeMark[]; tz: string }) {
  if (!changes.length) return null;
  return (
    <ul className="mt-1 text-xs text-violet-800" data-testid="change-marks">
      {changes.map((c) => <li key={c.t}>┆ {formatZonedTimestamp(c.t, tz)} — {c.label}</li>)}
    </ul>
  );
}
