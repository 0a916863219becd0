import type { ContextFilter } from '@/lib/identifiers';
import type { Bucket } from '@/lib/time/buckets';
import { zonedBucketStart } from '@/lib/time/zone';
import { SHARED_KEYS, sharedParams, stateParams, urlInstant, withSharedState, type DashboardState, type StatusClass } from './search-params';

/*
 * From something on screen to the requests behind it: a bucket, a drag across a chart, a bar or a
 * table row narrows the page (zoom) or opens exactly those requests in the inspector, with the
 * time window and every filter carried. Pure: the components only follow the links.
 */

/** Keys a zoom or a change of filters makes meaningless: the inspector's page cursor. */
export const TRANSIENT_KEYS = ['after_time', 'after_id', 'after_dur'] as const;

export interface Span { start: number; end: number }

/** The part of the window one bucket covers: its start to the next bucket's, cut to the window. */
export function bucketSpan(t: number, bucket: Bucket, tz: string, window: Span): Span {
  // Jump past the next boundary and floor: zoned days may last 23 or 25 hours.
  const next = zonedBucketStart(t + (bucket === 'day' ? 26 : bucket === 'hour' ? 1.5 : 1.5 / 60) * 3_600_000, bucket, tz);
  return { start: Math.max(t, window.start), end: Math.min(next, window.end) };
}

/** The buckets a drag from `a` to `b` touches (either direction), as one span. */
export function dragSpan(a: number, b: number, bucket: Bucket, tz: string, window: Span): Span {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return { start: Math.max(lo, window.start), end: bucketSpan(hi, bucket, tz, window).end };
}

/** A custom range over the span, the rest of the state (zone, filters) unchanged. */
export function zoomedState(state: DashboardState, span: Span): DashboardState {
  return { ...state, range: 'custom', from: urlInstant(span.start), to: urlInstant(Math.ceil(span.end / 60_000) * 60_000) };
}

/** The same page zoomed to the span: its own settings kept, the list cursor dropped. */
export function zoomQuery(current: string, state: DashboardState, span: Span): string {
  return withSharedState(current, zoomedState(state, span), TRANSIENT_KEYS);
}

/** What narrows the requests beyond the page's filters: the series or row that was clicked. */
export interface Narrowing {
  span?: Span;
  endpoint?: string;
  entity?: string;
  requester?: string;
  status?: StatusClass;
  /** Added to the page's usage_context filters (a pair on the same key replaces it). */
  context?: ContextFilter;
  /** The inspector's order: the slowest first for a latency spike. */
  sort?: 'time_desc' | 'time_asc' | 'duration_desc' | 'duration_asc';
  /** The inspector's text search: a watched keyword. */
  q?: string;
  /** The inspector's execution-time bounds, in ms: one bin of a latency histogram. */
  minMs?: number;
  maxMs?: number;
  /** The inspector's trace filter: answered requests whose agent trace has a failed span. */
  trace?: 'yes';
}

/** The page's state narrowed to one series, row or bucket. */
export function narrowedState(state: DashboardState, n: Narrowing): DashboardState {
  const base = n.span ? zoomedState(state, n.span) : state;
  const contexts = n.context ? [...state.contexts.filter((c) => c.key !== n.context!.key), n.context].slice(-2) : state.contexts;
  return {
    ...base,
    endpoint: n.endpoint ?? base.endpoint,
    // A served entity belongs to one endpoint: another endpoint's entity filter would match nothing.
    entity: n.entity ?? (n.endpoint && n.endpoint !== base.endpoint ? undefined : base.entity),
    requester: n.requester ?? base.requester,
    status: n.status ?? base.status,
    contexts,
  };
}

/**
 * The inspector listing exactly the requests behind what was clicked. `back` is the page it was
 * opened from, so its "← Back" returns there.
 */
export function requestsHref(state: DashboardState, n: Narrowing = {}, back?: string): string {
  const qs = stateParams(narrowedState(state, n));
  // The inspector has no split; its list is of requests.
  qs.delete('split');
  if (n.sort && n.sort !== 'time_desc') qs.set('sort', n.sort);
  if (n.q) qs.set('q', n.q);
  if (n.minMs !== undefined) qs.set('min_ms', String(Math.floor(n.minMs)));
  if (n.maxMs !== undefined) qs.set('max_ms', String(Math.ceil(n.maxMs)));
  if (n.trace) qs.set('trace', n.trace);
  if (back) qs.set('back', back);
  return `/inspector?${qs}`;
}

/** A link to another page carrying the shared state (and that page's remembered settings). */
export function pageHref(path: string, search: { getAll(name: string): string[] }, own?: string | null): string {
  const qs = sharedParams(search);
  if (own) new URLSearchParams(own).forEach((v, k) => { if (!(SHARED_KEYS as readonly string[]).includes(k)) qs.append(k, v); });
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A page's own settings in a query string (not shared, not transient, not a return address): what is remembered of it. */
export function ownParams(search: string): string {
  const qs = new URLSearchParams(search);
  for (const k of [...SHARED_KEYS, ...TRANSIENT_KEYS, 'back']) qs.delete(k);
  return qs.toString();
}

/** Where "← Back" from a request goes: a page of this app it was opened from, else the inspector list. */
export function backHref(back: string | null): { href: string; label: string } {
  // Only a path of this app: never another origin (`//host`, `/\host`).
  if (back && (back === '/' || /^\/[^/\\]/.test(back)) && !back.includes('\\')) {
    const path = back.split('?')[0]!;
    const page = path === '/' ? 'Overview' : path.startsWith('/inspector') ? 'Requests' : path.slice(1).charAt(0).toUpperCase() + path.slice(2);
    return { href: back, label: `← ${page}` };
  }
  // The older form: the inspector list's own query string.
  if (back && back.startsWith('?')) return { href: `/inspector${back}`, label: '← Requests' };
  return { href: '/inspector', label: '← Requests' };
}

/** What a chart's series names are, so a series can narrow the requests to itself. */
export type SeriesKind = 'endpoint' | 'served_entity' | 'status' | 'error_category' | 'keyword' | 'none';

/** Error categories (read from response bodies) by the status class that holds them. */
const CATEGORY_STATUS: Record<string, StatusClass> = {
  ok: 'ok', rate_limited: '429', input_guardrail: '4xx', output_guardrail: '4xx', client_4xx: '4xx', provider_error: '5xx', server_5xx: '5xx',
};

/** The filter that selects one series of a chart, or null when none can (a total, "(other)", an entity without a known id). */
export function seriesNarrowing(kind: SeriesKind, label: string, entityIdOf: (name: string) => string | null = () => null): Narrowing | null {
  if (label === '(other)' || label === 'all') return null;
  switch (kind) {
    case 'endpoint': return { endpoint: label };
    case 'served_entity': {
      const id = entityIdOf(label);
      return id ? { entity: id } : null;
    }
    case 'status': return (['ok', '4xx', '429', '5xx'] as const).includes(label as never) ? { status: label as StatusClass } : null;
    // A failed agent trace hides inside an answered request: its status is ok, its trace failed.
    case 'error_category': return label === 'trace_error' ? { status: 'ok', trace: 'yes' } : CATEGORY_STATUS[label] ? { status: CATEGORY_STATUS[label] } : null;
    case 'keyword': return label.length >= 2 ? { q: label } : null;
    default: return null;
  }
}

/** One line of a bucket's menu: a series at that bucket and the requests behind it. */
export interface DrillLine { label: string; value: string; color?: string; href: string | null }

/**
 * What a click on a bucket offers: zoom the page to it, or open its requests (all of them, or one
 * series'), the page's filters and `base` (the chart's own condition, e.g. successful requests
 * sorted slowest first) carried.
 */
export function bucketLines(state: DashboardState, span: Span, base: Narrowing, series: { label: string; value: string; color?: string; narrowing: Narrowing | null }[], back: string): { all: string; lines: DrillLine[] } {
  const at = { ...base, span };
  return {
    all: requestsHref(state, at, back),
    lines: series.map((s) => ({ label: s.label, value: s.value, color: s.color, href: s.narrowing ? requestsHref(state, { ...at, ...s.narrowing }, back) : null })),
  };
}

/** Another page narrowed to a state (a day, a customer) with some of its own settings: "acme-analytics by project in Finance". */
export function pageWithState(path: string, state: DashboardState, own: Record<string, string> = {}): string {
  const qs = stateParams(state);
  for (const [k, v] of Object.entries(own)) qs.set(k, v);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The status class of one HTTP status code. */
export function statusClassOf(code: number): StatusClass {
  return code < 400 ? 'ok' : code === 429 ? '429' : code < 500 ? '4xx' : '5xx';
}
