import { describe, expect, it } from 'vitest';
import { OPS_DEFAULTS, readOpsState, writeOpsState } from './search-params';

describe('ops URL state', () => {
  it('defaults, round-trips and keeps the shared filters', () => {
    expect(readOpsState(new URLSearchParams(''))).toEqual(OPS_DEFAULTS);
    const s = { ...OPS_DEFAULTS, percentile: 'p99' as const, errorsBy: 'usage_context' as const, contextKey: 'end_user_to_charge', topics: 'Project Nightingale, refund' };
    const qs = writeOpsState(new URLSearchParams('range=24h'), s);
    expect(qs).toContain('range=24h');
    expect(readOpsState(new URLSearchParams(qs))).toEqual(s);
  });

  it('drops malformed values', () => {
    expect(readOpsState(new URLSearchParams('pct=p42&ctx=a.b&eby=x'))).toEqual(OPS_DEFAULTS);
  });
});
