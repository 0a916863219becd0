import { RANGE_PRESETS } from '@/lib/time/ranges';

/**
 * The dashboard's state lives in the URL so every view can be shared by its link. One
 * definition, read by pages and charts alike.
 */
export interface DashboardState {
  /** A relative preset (re-evaluated on every refresh) or 'custom' with from/to. */
  range: string;
  from?: string;
  to?: string;
  endpoint?: string;
  entity?: string;
  split: 'none' | 'endpoint' | 'served_entity' | 'status';
}

export const DEFAULT_RANGE = '7d';
const SPLITS = ['none', 'endpoint', 'served_entity', 'status'] as const;

type Readable = { get(name: string): string | null };

export function readState(sp: Readable): DashboardState {
  const range = sp.get('range') ?? DEFAULT_RANGE;
  const split = sp.get('split');
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const custom = range === 'custom' && from && to;
  return {
    range: custom ? 'custom' : (RANGE_PRESETS as readonly string[]).includes(range) || /^\d{1,4}[mhd]$/.test(range) ? range : DEFAULT_RANGE,
    from: custom ? from : undefined,
    to: custom ? to : undefined,
    endpoint: sp.get('endpoint') || undefined,
    entity: sp.get('entity') || undefined,
    split: (SPLITS as readonly string[]).includes(split ?? '') ? (split as DashboardState['split']) : 'endpoint',
  };
}

/** The URL query string for a state, leaving defaults out so links stay short. */
export function writeState(state: DashboardState): string {
  const qs = new URLSearchParams();
  if (state.range === 'custom' && state.from && state.to) {
    qs.set('range', 'custom');
    qs.set('from', state.from);
    qs.set('to', state.to);
  } else if (state.range !== DEFAULT_RANGE) {
    qs.set('range', state.range);
  }
  if (state.endpoint) qs.set('endpoint', state.endpoint);
  if (state.entity) qs.set('entity', state.entity);
  if (state.split !== 'endpoint') qs.set('split', state.split);
  return qs.toString();
}

/** The shared filters as API parameters. */
export function apiFilters(state: DashboardState): Record<string, string | undefined> {
  return {
    ...(state.range === 'custom' ? { from: state.from, to: state.to } : { range: state.range }),
    endpoint: state.endpoint,
    served_entity: state.entity,
  };
}
