'use client';

import { useMemo, useState } from 'react';
import type { PayloadModel } from '@/lib/payload';
import { INITIAL_TURNS, prepareTranscript } from '@/lib/inspector/prepare-transcript';
import { TurnCard } from './turn-card';

/**
 * The conversation, turn by turn, each choice of the answer apart. Long conversations mount in
 * steps, and each turn skips layout and paint while off-screen (content-visibility), so thousands
 * of turns stay smooth without a virtualisation library.
 */
export function Transcript({ model, truncate }: { model: PayloadModel; truncate: boolean }) {
  const [limit, setLimit] = useState(INITIAL_TURNS);
  const prepared = useMemo(() => prepareTranscript(model.turns, { truncate, limit, kind: model.kind }), [model.turns, model.kind, truncate, limit]);
  if (!prepared.turns.length) return <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500" data-testid="transcript-empty">No conversation to show for this request; see the notes above and the raw JSON.</p>;
  return (
    <div>
      <ol className="flex flex-col gap-2" data-testid="transcript">
        {prepared.turns.map((t) => <TurnCard key={t.key} shown={t} />)}
      </ol>
      {prepared.more > 0 && (
        <button type="button" onClick={() => setLimit((l) => l + 500)} className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
          Show {Math.min(500, prepared.more)} more of {prepared.more} remaining turns
        </button>
      )}
    </div>
  );
}
