import { ENDPOINT_NAME, formatContextFilter, parseContextFilter, type ContextFilter } from '@/lib/identifiers';
import { CALENDAR_LABEL, isCalendarRange } from '@/lib/time/calendar';
import { RANGE_PRESETS } from '@/lib/time/ranges';
import { formatZonedShort, isKnownTimeZone } from '@/lib/time/zone';

/**
 * The dashboard's state lives in the URL so every view can be shared by its link. One
 * definition, read by pages and charts alike: the time range, the shared filters (every page
 * applies them) and the reporting zone. Each page keeps its own settings beside these keys.
 */
export interface DashboardState {
  /** A relative preset (re-evaluated on every refresh), a calendar range in the zone, or 'custom' with from/to. */
  range: string;
  /** Instants (`2026-11-20T14:00Z`; without a zone, UTC) bounding a custom range. */
  from?: string;
  to?: string;
  endpoint?: string;
  entity?: string;
  /** A user (email) or service principal (application id). */
  requester?: string;
  status?: StatusClass;
  /** usage_context key=value (or the key alone): at most two, both must hold. */
  contexts: ContextFilter[];
  split: 'none' | 'endpoint' | 'served_entity' | 'status';
  /** Reporting time zone (IANA name) that buckets and labels follow; absent means UTC. */
  tz?: string;
  /** Auto-refresh of relative ranges; on unless the URL says `refresh=off`. */
  refresh?: boolean;
}

export const STATUS_CLASSES = ['ok', 'error', '4xx', '429', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const STATUS_LABEL: Record<StatusClass, string> = { ok: 'OK (< 400)', error: 'Errors (≥ 400)', '4xx': '4xx', '429': '429 rate limited', '5xx': '5xx' };

export const DEFAULT_RANGE = '7d';
export const MAX_CONTEXTS = 2;
const SPLITS = ['none', 'endpoint', 'served_entity', 'status'] as const;
const SPLIT_LABEL: Record<DashboardState['split'], string> = { none: 'nothing', endpoint: 'endpoint', served_entity: 'served entity', status: 'status class' };
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** URL keys of the shared state: they travel between pages; everything else is a page's own. */
export const SHARED_KEYS = ['range', 'from', 'to', 'endpoint', 'entity', 'requester', 'status', 'uc', 'uc_key', 'uc_value', 'split', 'tz', 'refresh'] as const;

export const RANGE_LABEL: Record<string, string> = {
  '15m': 'Last 15 minutes', '1h': 'Last hour', '6h': 'Last 6 hours', '24h': 'Last 24 hours', '7d': 'Last 7 days', '14d': 'Last 14 days', '30d': 'Last 30 days', '90d': 'Last 90 days',
  ...CALENDAR_LABEL,
  custom: 'Custom range',
};

type Readable = { get(name: string): string | null; getAll(name: string): string[] };

/** One URL parameter that could not be used: named, with what is shown instead. */
export interface UrlProblem { param: string; value: string; message: string }

/** The state a URL asks for, and what in it could not be used (each bad parameter named once). */
export function readUrlState(sp: Readable): { state: DashboardState; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const bad = (param: string, message: string) => problems.push({ param, value: sp.get(param) ?? '', message });

  const rangeRaw = sp.get('range');
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  let range = DEFAULT_RANGE;
  let custom: { from: string; to: string } | null = null;
  if (rangeRaw === 'custom' || (!rangeRaw && (from || to))) {
    const why = customProblem(from, to);
    if (why) bad(why.param, `${why.message}; showing ${RANGE_LABEL[DEFAULT_RANGE]}`);
    else custom = { from: from!, to: to! };
  } else if (rangeRaw !== null) {
    if (isKnownRange(rangeRaw)) range = rangeRaw;
    else bad('range', `is not a time range (15m, 1h, 24h, 7d… today, yesterday, this_month, last_month, or custom with from and to); showing ${RANGE_LABEL[DEFAULT_RANGE]}`);
  }

  const endpoint = sp.get('endpoint') || undefined;
  if (endpoint && !ENDPOINT_NAME.test(endpoint)) bad('endpoint', 'is not an endpoint name (letters, digits, - and _); showing every endpoint');
  const entity = sp.get('entity') || undefined;
  if (entity && !ENTITY_ID.test(entity)) bad('entity', 'is not a served entity id; showing every served entity');
  const requester = sp.get('requester')?.trim() || undefined;
  if (requester && requester.length > 320) bad('requester', 'is longer than 320 characters; showing every requester');
  const status = sp.get('status') || undefined;
  if (status && !(STATUS_CLASSES as readonly string[]).includes(status)) bad('status', `is not a status class (${STATUS_CLASSES.join(', ')}); showing every status`);
  const split = sp.get('split');
  if (split && !(SPLITS as readonly string[]).includes(split)) bad('split', `is not a split (${SPLITS.join(', ')}); split by endpoint`);
  const tzRaw = sp.get('tz');
  const tz = readTimeZone(tzRaw);
  if (tzRaw && tzRaw !== 'UTC' && !tz) bad('tz', 'is not a time zone this browser knows; times in UTC');

  const contexts: ContextFilter[] = [];
  const texts = [...sp.getAll('uc')];
  const legacyKey = sp.get('uc_key');
  if (legacyKey) texts.push(sp.get('uc_value') ? `${legacyKey}=${sp.get('uc_value')}` : legacyKey);
  for (const text of texts) {
    const f = parseContextFilter(text);
    if (!f) problems.push({ param: 'uc', value: text, message: 'is not a usage_context filter (key=value or key; keys of letters, digits and _); ignored' });
    else if (contexts.length >= MAX_CONTEXTS) problems.push({ param: 'uc', value: text, message: `is more than ${MAX_CONTEXTS} usage_context filters; ignored` });
    else if (!contexts.some((c) => c.key === f.key && c.value === f.value)) contexts.push(f);
  }

  return {
    state: {
      range: custom ? 'custom' : range,
      from: custom?.from,
      to: custom?.to,
      endpoint: endpoint && ENDPOINT_NAME.test(endpoint) ? endpoint : undefined,
      entity: entity && ENTITY_ID.test(entity) ? entity : undefined,
      requester: requester && requester.length <= 320 ? requester : undefined,
      status: (STATUS_CLASSES as readonly string[]).includes(status ?? '') ? (status as StatusClass) : undefined,
      contexts,
      split: (SPLITS as readonly string[]).includes(split ?? '') ? (split as DashboardState['split']) : 'endpoint',
      tz,
      refresh: sp.get('refresh') !== 'off',
    },
    problems,
  };
}

export function readState(sp: Readable): DashboardState {
  return readUrlState(sp).state;
}

function isKnownRange(range: string): boolean {
  return (RANGE_PRESETS as readonly string[]).includes(range) || isCalendarRange(range) || (/^\d{1,4}[mhd]$/.test(range) && Number(range.slice(0, -1)) > 0);
}

function customProblem(from: string | undefined, to: string | undefined): { param: 'from' | 'to' | 'range'; message: string } | null {
  if (!from) return { param: 'from', message: 'is missing: a custom range needs from and to' };
  if (!to) return { param: 'to', message: 'is missing: a custom range needs from and to' };
  const f = instantOf(from);
  const t = instantOf(to);
  if (f === null) return { param: 'from', message: 'is not a date and time such as 2026-11-20T14:00Z' };
  if (t === null) return { param: 'to', message: 'is not a date and time such as 2026-11-20T16:00Z' };
  if (f >= t) return { param: 'from', message: 'is not before to' };
  return null;
}

/** An instant from the URL (`2026-11-20T14:00Z`, an offset, or no zone: UTC); null when it is not one. */
export function instantOf(v: string): number | null {
  if (!INSTANT.test(v)) return null;
  const t = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`);
  return Number.isNaN(t) ? null : t;
}

/** `2026-11-20T14:00Z`: how the URL writes an instant (minutes are the finest bucket). */
export function urlInstant(t: number): string {
  return `${new Date(Math.floor(t / 60_000) * 60_000).toISOString().slice(0, 16)}Z`;
}

function readTimeZone(tz: string | null): string | undefined {
  if (!tz || tz === 'UTC' || tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(tz)) return undefined;
  return isKnownTimeZone(tz) ? tz : undefined;
}

/** The reporting zone, `UTC` unless chosen. */
export function reportingZone(state: DashboardState): string {
  return state.tz ?? 'UTC';
}

/** Relative and calendar ranges re-run on a timer unless auto-refresh is off; a custom range never moves. */
export function isLive(state: DashboardState): boolean {
  return state.range !== 'custom' && state.refresh !== false;
}

/** The shared filters plus the reporting zone, for queries that bucket by time. */
export function apiTimeFilters(state: DashboardState): Record<string, string | undefined> {
  return { ...apiFilters(state), tz: state.tz };
}

/** The shared filters as API parameters (a calendar range takes the zone its days start in). */
export function apiFilters(state: DashboardState): Record<string, string | undefined> {
  return {
    ...(state.range === 'custom' ? { from: state.from, to: state.to } : { range: state.range }),
    ...(isCalendarRange(state.range) ? { tz: state.tz } : {}),
    endpoint: state.endpoint,
    served_entity: state.entity,
    requester: state.requester,
    status: state.status,
    usage_context: state.contexts[0] ? formatContextFilter(state.contexts[0]) : undefined,
    usage_context_2: state.contexts[1] ? formatContextFilter(state.contexts[1]) : undefined,
  };
}

/** The URL parameters of a state, leaving defaults out so links stay short. */
export function stateParams(state: DashboardState): URLSearchParams {
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
  if (state.requester) qs.set('requester', state.requester);
  if (state.status) qs.set('status', state.status);
  for (const c of state.contexts.slice(0, MAX_CONTEXTS)) qs.append('uc', formatContextFilter(c));
  if (state.split !== 'endpoint') qs.set('split', state.split);
  if (state.tz && state.tz !== 'UTC') qs.set('tz', state.tz);
  if (state.refresh === false) qs.set('refresh', 'off');
  return qs;
}

/** The URL query string for a state alone. */
export function writeState(state: DashboardState): string {
  return stateParams(state).toString();
}

/**
 * A page's query string with the shared state changed and everything else kept: its own settings
 * (latency split, breakdown, focus…) survive a change of range or filters. `drop` lists the
 * page's keys that stop making sense when the shared ones change (a list cursor).
 */
export function withSharedState(current: string, state: DashboardState, drop: readonly string[] = []): string {
  const kept = new URLSearchParams(current);
  for (const k of [...SHARED_KEYS, ...drop]) kept.delete(k);
  const out = stateParams(state);
  kept.forEach((v, k) => out.append(k, v));
  return out.toString();
}

/** The listed keys of a query string (every value of each), e.g. a page's own state to carry over. */
export function pickParams(search: { getAll(name: string): string[] }, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) for (const v of search.getAll(k)) out.append(k, v);
  return out;
}

/** The shared keys of a query string: what a link to another page carries. */
export function sharedParams(search: { getAll(name: string): string[] }): URLSearchParams {
  return pickParams(search, SHARED_KEYS);
}

/** What the range control shows: `Last 7 days`, `Today`, or the custom bounds in the zone. */
export function rangeLabel(state: DashboardState): string {
  if (state.range === 'custom' && state.from && state.to) {
    const tz = reportingZone(state);
    return `${formatZonedShort(instantOf(state.from)!, tz)} → ${formatZonedShort(instantOf(state.to)!, tz)}`;
  }
  return RANGE_LABEL[state.range] ?? `Last ${state.range}`;
}

/** The filters in force, in words, for empty states and notices: `endpoint nope, status 5xx`. */
export function describeFilters(state: DashboardState): string[] {
  return [
    ...(state.endpoint ? [`endpoint ${state.endpoint}`] : []),
    ...(state.entity ? [`served entity ${state.entity}`] : []),
    ...(state.requester ? [`requester ${state.requester}`] : []),
    ...(state.status ? [`status ${state.status}`] : []),
    ...state.contexts.map((c) => `usage_context ${formatContextFilter(c)}`),
  ];
}

export function splitLabel(split: DashboardState['split']): string {
  return SPLIT_LABEL[split];
}

/**
 * An empty state that says why: the range and the filters in force. A longer range is advised
 * only when no filter narrows the page (a filter on a name without traffic is not fixed by time).
 */
export function noDataText(state: DashboardState, what = 'No requests were logged'): string {
  const filters = describeFilters(state);
  const range = rangeLabel(state);
  if (filters.length) return `${what} in ${range} with ${filters.join(', ')}. Clear a filter to see more.`;
  return `${what} in ${range}.${state.range === 'custom' || ['30d', '90d', 'this_month', 'last_month'].includes(state.range) ? '' : ' Try a longer range.'}`;
}
