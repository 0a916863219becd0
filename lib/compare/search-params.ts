import { GROUP_BY } from './grouping';

/** The compare page's own URL state, next to the shared DashboardState. */
export interface CompareState {
  groupBy: (typeof GROUP_BY)[number];
  contextKey: string;
  /** The group every other is compared with; the busiest when absent. */
  baseline?: string;
}

export const COMPARE_PARAMS = ['group_by', 'context_key', 'baseline'] as const;
export const DEFAULT_CONTEXT_KEY = 'a_b_test_group';
const CONTEXT_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

type Readable = { get(name: string): string | null };

export function readCompareState(sp: Readable): CompareState {
  const groupBy = sp.get('group_by') === 'context' ? 'context' : 'served_entity';
  const key = sp.get('context_key') ?? '';
  return { groupBy, contextKey: CONTEXT_KEY.test(key) ? key : DEFAULT_CONTEXT_KEY, baseline: sp.get('baseline') || undefined };
}

/** Writes the compare params into a copy of the current query string, leaving defaults out. */
export function writeCompareState(current: string, state: CompareState): string {
  const qs = new URLSearchParams(current);
  for (const k of COMPARE_PARAMS) qs.delete(k);
  if (state.groupBy !== 'served_entity') qs.set('group_by', state.groupBy);
  if (state.groupBy === 'context' && state.contextKey !== DEFAULT_CONTEXT_KEY) qs.set('context_key', state.contextKey);
  if (state.baseline) qs.set('baseline', state.baseline);
  return qs.toString();
}

/** The compare params as API parameters. */
export function compareApiParams(state: CompareState): Record<string, string | undefined> {
  return { group_by: state.groupBy, context_key: state.groupBy === 'context' ? state.contextKey : undefined };
}
