import { describe, expect, it } from 'vitest';
import { compareApiParams, readCompareState, writeCompareState } from './search-params';

describe('compare URL state', () => {
  it('reads defaults and rejects a malformed key', () => {
    expect(readCompareState(new URLSearchParams(''))).toEqual({ groupBy: 'served_entity', contextKey: 'a_b_test_group', baseline: undefined });
    expect(readCompareState(new URLSearchParams('group_by=context&context_key=bad key')).contextKey).toBe('a_b_test_group');
  });

  it('round-trips and keeps the shared filters', () => {
    const qs = writeCompareState('range=24h&endpoint=chat&baseline=old', { groupBy: 'context', contextKey: 'project', baseline: 'B' });
    expect(qs).toBe('range=24h&endpoint=chat&group_by=context&context_key=project&baseline=B');
    expect(readCompareState(new URLSearchParams(qs))).toEqual({ groupBy: 'context', contextKey: 'project', baseline: 'B' });
    expect(compareApiParams({ groupBy: 'served_entity', contextKey: 'project' })).toEqual({ group_by: 'served_entity', context_key: undefined });
  });
});
