import { requestHref } from '@/lib/client/links';
import type { RouteKind } from './targets';

/** One call the benchmark repeats: a catalogue query (or another API route) with a query string. */
export interface BenchCase {
  /** Query id, or a route name for routes outside the catalogue. */
  route: string;
  label: string;
  kind: RouteKind;
  params: Record<string, string>;
}

/** The filters a viewer most often has on: the page defaults, the longest common range, and one endpoint. */
export const BASE_FILTERS: readonly { label: string; params: Record<string, string> }[] = [
  { label: '7d', params: { range: '7d' } },
  { label: '30d', params: { range: '30d' } },
  { label: '7d, endpoint', params: { range: '7d', endpoint: 'chat_assistant' } },
];

interface QueryBench {
  /** Values for the query's own parameters, as its page sends them; defaults otherwise. */
  params?: Record<string, string>;
  /** Further cases with their own kind (e.g. a keyword search is held to the search target). */
  extra?: readonly { label: string; kind: RouteKind; params: Record<string, string> }[];
  /** The page only ever calls it with values from another answer (see DERIVED_ROUTES): no base cases. */
  derivedOnly?: boolean;
}

/** The keywords the topic-watch cases watch: a rare planted phrase and a common word. */
export const BENCH_TOPICS = 'Project Nightingale, refund';

/**
 * Realistic values for queries whose own parameters matter to the cost. A query not listed here
 * runs with its defaults, so queries added later are benchmarked without touching this table.
 */
export const QUERY_BENCH: Record<string, QueryBench> = {
  'requests-over-time': { params: { split: 'endpoint' } },
  'ops-latency-over-time': { params: { split: 'served_entity' } },
  'ops-errors-breakdown': { params: { by: 'requester' } },
  // The topic watch panels only run once keywords are typed.
  'ops-topic-watch': { params: { keywords: BENCH_TOPICS } },
  'ops-topic-matches': { params: { keywords: BENCH_TOPICS } },
  // The request page asks for the conversation of the request it shows (DERIVED_ROUTES).
  'inspector-thread': { derivedOnly: true },
  'inspector-requests': {
    extra: [
      // A common word (many matches, first page fills fast) and a rare one (scans the whole window).
      { label: '7d, search "refund"', kind: 'search', params: { range: '7d', q: 'refund' } },
      { label: '30d, search "refund"', kind: 'search', params: { range: '30d', q: 'refund' } },
      { label: '7d, search "Nightingale"', kind: 'search', params: { range: '7d', q: 'Nightingale' } },
      { label: '30d, search "Nightingale"', kind: 'search', params: { range: '30d', q: 'Nightingale' } },
    ],
  },
  // The list's header counts a keyword's matches beside the page (every match of the window).
  'inspector-match-count': {
    extra: [
      { label: '7d, search "refund"', kind: 'search', params: { range: '7d', q: 'refund' } },
      { label: '30d, search "Nightingale"', kind: 'search', params: { range: '30d', q: 'Nightingale' } },
    ],
  },
  // The conversations tab sorted by size or spend ranks every conversation of the window.
  'inspector-conversations': {
    extra: [
      { label: '30d, most tokens', kind: 'chart', params: { range: '30d', sort: 'tokens' } },
      { label: '30d, dearest', kind: 'chart', params: { range: '30d', sort: 'cost' } },
    ],
  },
};

export function casesFor(queryId: string): BenchCase[] {
  const spec = QUERY_BENCH[queryId] ?? {};
  if (spec.derivedOnly) return [];
  const base = BASE_FILTERS.map((f) => ({ route: queryId, label: f.label, kind: 'chart' as const, params: { ...f.params, ...spec.params } }));
  const extra = (spec.extra ?? []).map((e) => ({ route: queryId, label: e.label, kind: e.kind, params: { ...spec.params, ...e.params } }));
  return [...base, ...extra];
}

/**
 * Calls a page makes with values from another answer: a request's detail from a row of the
 * inspector list, its conversation from the detail. `source` names a catalogue query (its first
 * row) or another derived route (its `row`); a route whose source gave nothing is noted, not run.
 */
export interface DerivedRoute {
  route: string;
  label: string;
  kind: RouteKind;
  source: string;
  /** The path for a row of the source, or null when the row lacks what it needs. */
  path: (row: Record<string, unknown>) => string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** As the inspector's links open a request: the id in the path, its endpoint and time as filters. */
const requestPath = (suffix: string) => (row: Record<string, unknown>) => {
  const id = text(row.databricks_request_id);
  if (!id) return null;
  const qs = new URLSearchParams();
  const endpoint = text(row.endpoint_name);
  const at = text(row.request_time);
  if (endpoint) qs.set('endpoint', endpoint);
  if (at) qs.set('at', at);
  return `/api/inspector/requests/${encodeURIComponent(id)}${suffix}?${qs}`;
};

const DAY = 86_400_000;

/** As the request page's conversation panel asks: a day either side of the request, its endpoint and thread. */
const threadPath = (row: Record<string, unknown>) => {
  const thread = text(row.thread_id);
  const at = text(row.request_time);
  if (!thread || !at) return null;
  const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(at) ? at : `${at.replace(' ', 'T')}Z`);
  const params: Record<string, string> = { from: new Date(t - DAY).toISOString(), to: new Date(t + DAY).toISOString(), thread };
  const endpoint = text(row.endpoint_name);
  if (endpoint) params.endpoint = endpoint;
  return caseUrl({ route: 'inspector-thread', label: '', kind: 'chart', params });
};

export const DERIVED_ROUTES: readonly DerivedRoute[] = [
  { route: 'inspector request detail', label: '1 request', kind: 'detail', source: 'inspector-requests', path: requestPath('') },
  { route: 'inspector request bodies', label: '1 request', kind: 'detail', source: 'inspector-requests', path: requestPath('/payload') },
  { route: 'inspector-thread', label: '1 conversation, 2 days', kind: 'chart', source: 'inspector request detail', path: threadPath },
];

/** `/api/queries/<id>?…` for a case. */
export function caseUrl(c: BenchCase): string {
  return `/api/queries/${encodeURIComponent(c.route)}?${new URLSearchParams(c.params).toString()}`;
}

/** `--routes` filter: a substring or a /regex/ matched against the query id. */
export function routeMatcher(pattern: string | undefined): (id: string) => boolean {
  if (!pattern) return () => true;
  const re = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (re) {
    const rx = new RegExp(re[1]!, re[2]);
    return (id) => rx.test(id);
  }
  return (id) => id.includes(pattern);
}

/**
 * The pages the benchmark draws: each page of the navigation at its default range and at 30 days,
 * the inspector's top-questions tab, and one request's page (from a row of the inspector list) as
 * its links open it.
 */
export function pagePaths(nav: readonly string[], request: Record<string, unknown> | null): string[] {
  const ranged = (p: string) => [p, `${p}${p.includes('?') ? '&' : '?'}range=30d`];
  const out = nav.flatMap((p) => (p === '/api-reference' || p === '/alerts' ? [p] : ranged(p)));
  if (nav.includes('/inspector')) out.push(...ranged('/inspector?tab=questions'));
  const id = typeof request?.databricks_request_id === 'string' ? request.databricks_request_id : null;
  const endpoint = typeof request?.endpoint_name === 'string' ? request.endpoint_name : null;
  if (id && endpoint) out.push(requestHref(id, endpoint, typeof request?.request_time === 'string' ? request.request_time : null));
  return out;
}

/** Page paths from the NAV_ITEMS array in components/app-shell.tsx, so new pages are benchmarked as they are added. */
export function pagesFromNav(source: string): string[] {
  const block = /NAV_ITEMS\s*=\s*\[([\s\S]*?)\]\s*as const/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/href:\s*'(\/[^']*)'/g)].map((m) => m[1]!);
}
