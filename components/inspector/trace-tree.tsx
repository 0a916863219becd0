'use client';

import { useMemo, useState } from 'react';
import type { Trace } from '@/lib/payload';
import { formatSpanDuration, prepareTimeline, spanText, type TimelineRow } from '@/lib/inspector/prepare-trace';

const TYPE_TONE: Record<string, string> = {
  LLM: 'bg-emerald-100 text-emerald-900', CHAT_MODEL: 'bg-emerald-100 text-emerald-900',
  RETRIEVER: 'bg-sky-100 text-sky-900', TOOL: 'bg-violet-100 text-violet-900',
  CHAIN: 'bg-slate-200 text-slate-800', AGENT: 'bg-amber-100 text-amber-900',
};

/** The agent's MLflow trace as a span tree on a timeline; inputs and outputs open per span, as text. */
export function TraceTree({ trace }: { trace: Trace }) {
  const rows = useMemo(() => prepareTimeline(trace), [trace]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="trace">
      <div className="mb-2 flex flex-wrap items-baseline gap-2">
        <h2 className="text-base font-semibold">Agent trace</h2>
        <span className="text-xs text-slate-500">
          {trace.spans.length} spans · {formatSpanDuration(trace.durationMs)}{trace.state && ` · state ${trace.state}`}{trace.id && ` · ${trace.id}`}
        </span>
      </div>
      {trace.firstError && (
        <p role="alert" className="mb-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900" data-testid="trace-error">
          Span <span className="font-mono">{trace.firstError.span}</span> failed{trace.firstError.message && `: ${trace.firstError.message}`}
        </p>
      )}
      <ol className="flex flex-col" data-testid="span-list">
        {rows.map((r) => <SpanRow key={r.span.id} row={r} />)}
      </ol>
    </section>
  );
}

function SpanRow({ row }: { row: TimelineRow }) {
  const [open, setOpen] = useState(false);
  const { span } = row;
  const failed = span.status === 'error';
  return (
    <li className={`border-b border-slate-100 py-1 text-xs ${failed ? 'bg-red-50' : ''}`} data-testid="span" data-status={span.status} data-type={span.type}>
      <div className="grid grid-cols-[minmax(0,22rem)_minmax(0,1fr)] items-center gap-2">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="flex min-w-0 items-center gap-1 text-left" style={{ paddingLeft: `${span.depth * 1}rem` }}>
          <span className="w-3 text-slate-500">{open ? '▾' : '▸'}</span>
          <span className={`rounded px-1 font-mono text-[10px] ${TYPE_TONE[span.type] ?? 'bg-slate-100 text-slate-700'}`}>{span.type}</span>
          <span className="truncate font-medium" title={span.name}>{span.name}</span>
          {failed && <span className="rounded bg-red-600 px-1 text-[10px] font-semibold text-white">ERROR</span>}
        </button>
        <div className="flex items-center gap-2">
          <div className="relative h-3 flex-1 rounded bg-slate-100" aria-hidden="true">
            <div className={`absolute h-3 rounded ${failed ? 'bg-red-500' : 'bg-sky-500'}`} style={{ left: `${row.offsetPct}%`, width: `${row.widthPct}%` }} />
          </div>
          <span className="w-16 text-right tabular-nums" data-testid="span-duration">{row.duration}</span>
        </div>
      </div>
      {open && <SpanDetail row={row} />}
    </li>
  );
}

function SpanDetail({ row }: { row: TimelineRow }) {
  const [full, setFull] = useState(false);
  const { span } = row;
  const blocks = [['Inputs', spanText(span.inputs, full)], ['Outputs', spanText(span.outputs, full)]] as const;
  return (
    <div className="mt-1 flex flex-col gap-1 pl-6" data-testid="span-detail">
      <p className="text-slate-600">
        Status {span.status}{span.statusMessage && `: ${span.statusMessage}`}
        {row.tokens && ` · ${row.tokens}`}
        {span.startMs !== null && ` · starts at ${formatSpanDuration(span.startMs)}`}
      </p>
      {blocks.map(([label, t]) => t && (
        <div key={label}>
          <p className="font-semibold text-slate-600">{label}</p>
          {/* Text node only: span inputs and outputs are untrusted and never rendered as HTML. */}
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2" data-testid="span-text">{t.text}</pre>
          {t.hidden > 0 && <button type="button" onClick={() => setFull(true)} className="text-sky-700 hover:underline">Show {t.hidden.toLocaleString('en-US')} more characters</button>}
        </div>
      ))}
    </div>
  );
}
