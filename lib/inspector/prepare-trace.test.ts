import { describe, expect, it } from 'vitest';
import { interpretPayload, type Trace } from '@/lib/payload';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { formatSpanDuration, prepareTimeline, spanText, SPAN_TEXT_CHARS } from './prepare-trace';

const corpus = new Map(readCorpus().map((r) => [r.id, r]));
const trace = (id: string) => interpretPayload(corpus.get(id)!).trace!;

describe('prepareTimeline', () => {
  it('places each span on the trace\'s time axis, children after their parent', () => {
    const rows = prepareTimeline(trace('responses-agent/trace-failed-llm-span'));
    expect(rows.map((r) => [r.span.name, Math.round(r.offsetPct * 10) / 10, Math.round(r.widthPct * 10) / 10])).toEqual([
      ['ResponsesAgent.predict', 0, 100],
      ['vector_search', 0.5, 7.3],
      ['azure-gpt-4o', 8.7, 19.5],
      ['databricks-meta-llama-3-3-70b-instruct', 30.3, 67.1],
    ]);
    expect(rows.map((r) => r.duration)).toEqual(['2.31 s', '167.7 ms', '450.0 ms', '1.55 s']);
    expect(rows[3]!.tokens).toBe('812 in / 64 out tokens');
    expect(rows[2]!.span).toMatchObject({ status: 'error', statusMessage: expect.stringContaining('content management policy') });
  });

  it('keeps bars inside the axis when a span has no times or outlasts the trace', () => {
    const t: Trace = { id: null, state: null, durationMs: 10, hasError: false, firstError: null, spans: [
      { id: 'a', parentId: null, name: 'a', type: 'CHAIN', startMs: 0, durationMs: 50, status: 'ok', statusMessage: null, tokens: null, inputs: null, outputs: null, depth: 0, children: [] },
      { id: 'b', parentId: null, name: 'b', type: 'TOOL', startMs: null, durationMs: null, status: 'unset', statusMessage: null, tokens: null, inputs: null, outputs: null, depth: 0, children: [] },
    ] };
    const rows = prepareTimeline(t);
    expect(rows.map((r) => [r.offsetPct, r.widthPct])).toEqual([[0, 100], [0, 0.5]]);
  });
});

describe('span text', () => {
  it('cuts long inputs until the viewer asks for all of them', () => {
    const long = 'x'.repeat(SPAN_TEXT_CHARS + 3);
    expect(spanText(long, false)).toEqual({ text: 'x'.repeat(SPAN_TEXT_CHARS), hidden: 3 });
    expect(spanText(long, true)).toEqual({ text: long, hidden: 0 });
    expect(spanText(null, false)).toBeNull();
  });

  it('formats durations from microseconds to seconds', () => {
    expect([formatSpanDuration(0.42), formatSpanDuration(88), formatSpanDuration(1520), formatSpanDuration(null)]).toEqual(['0.42 ms', '88.0 ms', '1.52 s', '–']);
  });
});
