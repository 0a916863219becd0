import type { Span, Trace } from '@/lib/payload';

/** Inputs or outputs longer than this show cut until the viewer asks for the rest. */
export const SPAN_TEXT_CHARS = 20_000;

export interface TimelineRow {
  span: Span;
  /** Where the bar starts and how wide it is, in percent of the trace's duration. */
  offsetPct: number;
  widthPct: number;
  duration: string;
  tokens: string | null;
}

/** Milliseconds with a sensible unit: 0.42 ms, 167.7 ms, 2.31 s. */
export function formatSpanDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Spans → the timeline's rows: bars placed on the trace's own time axis, never wider than it. */
export function prepareTimeline(trace: Trace): TimelineRow[] {
  const total = Math.max(trace.durationMs ?? 0, ...trace.spans.map((s) => (s.startMs ?? 0) + (s.durationMs ?? 0)));
  return trace.spans.map((span) => {
    const start = span.startMs ?? 0;
    const offsetPct = total > 0 ? Math.min(100, (start / total) * 100) : 0;
    const widthPct = total > 0 && span.durationMs !== null ? Math.max(0.5, Math.min(100 - offsetPct, (span.durationMs / total) * 100)) : 0.5;
    const t = span.tokens;
    const tokens = t ? `${t.input ?? '–'} in / ${t.output ?? '–'} out tokens` : null;
    return { span, offsetPct, widthPct, duration: formatSpanDuration(span.durationMs), tokens };
  });
}

/** A span's inputs or outputs for the expanded view: text, cut when long. */
export function spanText(text: string | null, full: boolean): { text: string; hidden: number } | null {
  if (text === null) return null;
  if (full || text.length <= SPAN_TEXT_CHARS) return { text, hidden: 0 };
  return { text: text.slice(0, SPAN_TEXT_CHARS), hidden: text.length - SPAN_TEXT_CHARS };
}
