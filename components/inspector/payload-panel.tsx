'use client';

import { useState } from 'react';
import type { PayloadModel } from '@/lib/payload';
import { payloadUrl, type PayloadResponse } from '@/lib/inspector/client';
import { PayloadSummary } from './payload-summary';
import { RawJson } from './raw-json';
import { Transcript } from './transcript';

/** Transcript or raw JSON of one payload; a large one renders truncated until "Show all". */
export function PayloadPanel({ id, endpoint, payload, model, large, reveal, back }: { id: string; endpoint: string | null; payload: PayloadResponse; model: PayloadModel; large: boolean; reveal: boolean; back: string }) {
  const [tab, setTab] = useState<'transcript' | 'raw'>('transcript');
  const [showAll, setShowAll] = useState(false);
  const truncate = large && !showAll;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="payload-panel">
      <div role="tablist" aria-label="Payload views" className="mb-3 flex flex-wrap items-center gap-1 border-b border-slate-200">
        {(['transcript', 'raw'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)} className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t ? 'border-slate-900' : 'border-transparent text-slate-500'}`}>
            {t === 'transcript' ? 'Transcript' : 'Raw JSON'}
          </button>
        ))}
        <span className="ml-auto flex gap-2 text-xs">
          <a href={payloadUrl(id, endpoint, { reveal, download: 'request' })} download className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">Download request</a>
          <a href={payloadUrl(id, endpoint, { reveal, download: 'response' })} download className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">Download response</a>
        </span>
      </div>
      {large && (
        <div className="mb-3 flex flex-wrap items-center gap-3 rounded border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900" data-testid="large-payload">
          <span>{showAll ? 'Showing the whole payload.' : 'Large payload: long texts are cut to keep the page responsive.'}</span>
          {!showAll && <button type="button" onClick={() => setShowAll(true)} className="rounded bg-amber-700 px-2 py-1 text-xs font-medium text-white">Show all</button>}
        </div>
      )}
      {payload.masked && <p className="mb-2 text-xs text-slate-500">Emails, phone and card numbers are masked.</p>}
      <PayloadSummary model={model} />
      {tab === 'transcript' ? <Transcript model={model} truncate={truncate} /> : <RawJson payload={payload} truncate={truncate} back={back} />}
    </section>
  );
}
