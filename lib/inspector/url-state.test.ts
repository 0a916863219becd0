import { describe, expect, it } from 'vitest';
import { inspectorApiParams, readInspectorState, writeInspectorState } from './url-state';
import { plainDecimal } from './list-params';

describe('inspector URL state', () => {
  it('round-trips through the query string and keeps the shared keys', () => {
    const state = readInspectorState(new URLSearchParams('range=24h&q=refund&min_ms=100&tools=yes&trace=yes&sort=duration_desc&col=response:$.model&col=request:$.messages[last].content&after_time=2026-11-20 10:00:00.1&after_id=abc&after_dur=900&tab=questions'));
    expect(state).toMatchObject({ q: 'refund', minMs: '100', tools: 'yes', trace: 'yes', sort: 'duration_desc', tab: 'questions' });
    expect(state.cols).toEqual(['response:$.model', 'request:$.messages[last].content']);
    expect(state.after).toEqual({ time: '2026-11-20 10:00:00.1', id: 'abc', duration: 900 });
    const qs = writeInspectorState('range=24h&endpoint=chat', state);
    expect(readInspectorState(new URLSearchParams(qs))).toEqual(state);
    expect(new URLSearchParams(qs).get('endpoint')).toBe('chat');
  });

  it('drops invalid values and extraction columns the list cannot evaluate', () => {
    const s = readInspectorState(new URLSearchParams('sort=random&tools=maybe&trace=perhaps&min_ms=-5&col=request:$.a[*]&col=nonsense&col=response:$.ok'));
    expect(s).toMatchObject({ sort: 'time_desc', tools: undefined, trace: undefined, minMs: undefined, cols: ['response:$.ok'] });
  });

  it('carries the sort value of a tokens or cost page, and binds it only for those sorts', () => {
    const s = readInspectorState(new URLSearchParams('sort=cost_desc&after_time=t&after_id=i&after_dur=5&after_val=0.0001234'));
    expect(s.after).toEqual({ time: 't', id: 'i', duration: 5, value: 0.0001234 });
    expect(readInspectorState(new URLSearchParams(writeInspectorState('', s)))).toEqual(s);
    expect(inspectorApiParams(s)).toMatchObject({ sort: 'cost_desc', cursor_value: '0.0001234', cursor_duration: undefined });
    expect(inspectorApiParams({ ...s, sort: 'time_desc' }).cursor_value).toBeUndefined();
  });

  it('keeps the conversations tab and its order', () => {
    const s = readInspectorState(new URLSearchParams('tab=conversations&csort=tokens'));
    expect(s).toMatchObject({ tab: 'conversations', convSort: 'tokens' });
    expect(readInspectorState(new URLSearchParams(writeInspectorState('', s)))).toEqual(s);
    expect(readInspectorState(new URLSearchParams('tab=nope&csort=nope'))).toMatchObject({ tab: 'requests', convSort: 'recent' });
  });

  it('maps to the list API parameters', () => {
    const s = readInspectorState(new URLSearchParams('col=response:$.model&after_time=t&after_id=i&after_dur=5&sort=duration_asc'));
    expect(inspectorApiParams(s)).toMatchObject({ x1: 'response:$.model', cursor_time: 't', cursor_id: 'i', cursor_duration: '5', sort: 'duration_asc' });
  });
});

describe('plainDecimal', () => {
  it('writes any number as the plain digits of its shortest form', () => {
    expect([0, 42, -3, 0.25, 1.2e-7, -4.56e-9, 1.5e20, 0.1 + 0.2].map(plainDecimal)).toEqual(['0', '42', '-3', '0.25', '0.00000012', '-0.00000000456', '150000000000000000000', '0.30000000000000004']);
    for (const n of [1.2e-7, 123456.789, 3e-12]) expect(Number(plainDecimal(n))).toBe(n);
  });
});
