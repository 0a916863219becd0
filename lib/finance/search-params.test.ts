import { describe, expect, it } from 'vitest';
import { financeApiParams, focusAsNarrowing, readFinanceState, valueAsNarrowing, writeFinanceState } from './search-params';

describe('finance URL state', () => {
  it('defaults to spend per end_user_to_charge and keeps links short', () => {
    const s = readFinanceState(new URLSearchParams(''));
    expect(s).toEqual({ dimension: 'context', contextKey: 'end_user_to_charge', focus: undefined, top: 8, tokens: 'input' });
    expect(writeFinanceState('range=30d', s)).toBe('range=30d');
  });

  it('round-trips a drill-down and keeps the shared filters', () => {
    const s = readFinanceState(new URLSearchParams('dim=context&key=project&focus=Zoë, "x"&top=12&tokens=output'));
    const qs = writeFinanceState('range=7d&endpoint=chat', s);
    expect(readFinanceState(new URLSearchParams(qs))).toEqual(s);
    expect(qs).toContain('endpoint=chat');
    expect(financeApiParams(s)).toEqual({ dimension: 'context', context_key: 'project', focus: 'Zoë, "x"' });
    expect(financeApiParams(s, { withFocus: false }).focus).toBeUndefined();
  });

  it('ignores values it does not know instead of sending them to the API', () => {
    const s = readFinanceState(new URLSearchParams('dim=salary&key=a.b&top=3'));
    expect(s.dimension).toBe('context');
    expect(s.contextKey).toBe('end_user_to_charge');
    expect(s.top).toBe(8);
  });
});

describe('a finance value as shared filters', () => {
  const fin = readFinanceState(new URLSearchParams('dim=context&key=end_user_to_charge&focus=acme-analytics'));

  it('turns a usage_context value, a requester or an endpoint into the filter that selects it', () => {
    expect(focusAsNarrowing(fin)).toEqual({ context: { key: 'end_user_to_charge', value: 'acme-analytics' } });
    expect(valueAsNarrowing({ dimension: 'requester', contextKey: 'x' }, 'svc-1')).toEqual({ requester: 'svc-1' });
    expect(valueAsNarrowing({ dimension: 'endpoint', contextKey: 'x' }, 'chat')).toEqual({ endpoint: 'chat' });
  });

  it('finds a served entity by name, and says nothing when no filter can select the value', () => {
    const ids: Record<string, string> = { 'gpt-4o': 'e1' };
    expect(valueAsNarrowing({ dimension: 'served_entity', contextKey: 'x' }, 'gpt-4o', (n) => ids[n] ?? null)).toEqual({ entity: 'e1' });
    expect(valueAsNarrowing({ dimension: 'served_entity', contextKey: 'x' }, 'other', (n) => ids[n] ?? null)).toBeNull();
    expect(valueAsNarrowing({ dimension: 'model', contextKey: 'x' }, 'gpt-4o')).toBeNull();
    expect(valueAsNarrowing(fin, '(other)')).toBeNull();
    expect(focusAsNarrowing({ ...fin, focus: undefined })).toBeNull();
  });
});
