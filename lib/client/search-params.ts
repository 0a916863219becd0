import { RANGE_PRESETS } from '@/lib/time/ranges';
import { isKnownTimeZone } from '@/lib/time/zone';

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
  /** Reporting time zone (IANA name) that buckets and labels follow; absent means UTC. */
  tz?: string;
  /** Auto-refresh of relative ranges; on unless the URL says `refresh=off`. */
  refresh?: boolean;
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
    tz: readTimeZone(sp.get('tz')),
    refresh: sp.get('refresh') !== 'off',
  };
}

function readTimeZone(tz: string | null): string | undefined {
  if (!tz || tz === 'UTC' || tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(tz)) return undefined;
  return isKnownTimeZone(tz) ? tz : undefined;
}

/** The reporting zone, `UTC` unless chosen. */
export function reportingZone(state: DashboardState): string {
  return state.tz ?? 'UTC';
}

/** Relative ranges re-run on a timer unless auto-refresh is off; a custom range never moves. */
export function isLive(state: DashboardState): boolean {
  return state.range !== 'custom' && state.refresh !== false;
}

/** The shared filters plus the reporting zone, for queries that bucket by time. */
export function apiTimeFilters(state: DashboardState): Record<string, string | undefined> {
  return { ...apiFilters(state), tz: state.tz };
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
  if (state.tz && state.tz !== 'UTC') qs.set('tz', state.tz);
  if (state.refresh === false) qs.set('refresh', 'off');
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

/** The listed keys of a query string (every value of each), e.g. a page's own state to carry over. */
export function pickParams(search: { getAll(name: string): string[] }, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) for (const v of search.getAll(k)) out.append(k, v);
  return out;
}
