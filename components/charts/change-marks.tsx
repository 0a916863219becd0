'use client';

import type { ChangeMark } from '@/lib/compare/prepare-share';

/** The served_entities changes a chart marks (see changeMarkElements), listed under it. */
export function ChangeMarkNotes({ changes }: { changes: ChangeMark[] }) {
  if (!changes.length) return null;
  return (
    <ul className="mt-1 text-xs text-violet-800" data-testid="change-marks">
      {changes.map((c) => <li key={c.t}>┆ {new Date(c.t).toISOString().slice(0, 16).replace('T', ' ')} UTC — {c.label}</li>)}
    </ul>
  );
}
