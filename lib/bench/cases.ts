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
}

/**
 * Realistic values for queries whose own parameters matter to the cost. A query not listed here
 * runs with its defaults, so queries added later are benchmarked without touching this table.
 */
export const QUERY_BENCH: Record<string, QueryBench> = {
  'requests-over-time': { params: { split: 'endpoint' } },
  'ops-latency-over-time': { params: { split: 'served_entity' } },
  'ops-errors-breakdown': { params: { by: 'requester' } },
  'inspector-requests': {
    extra: [
      // A common word (many matches, first page fills fast) and a rare one (scans the whole window).
      { label: '7d, search "refund"', kind: 'search', params: { range: '7d', q: 'refund' } },
      { label: '30d, search "Nightingale"', kind: 'search', params: { range: '30d', q: 'Nightingale' } },
    ],
  },
};

export function casesFor(queryId: string): BenchCase[] {
  const spec = QUERY_BENCH[queryId] ?? {};
  const base = BASE_FILTERS.map((f) => ({ route: queryId, label: f.label, kind: 'chart' as const, params: { ...f.params, ...spec.params } }));
  const extra = (spec.extra ?? []).map((e) => ({ route: queryId, label: e.label, kind: e.kind, params: { ...spec.params, ...e.params } }));
  return [...base, ...extra];
}

/**
 * API routes outside the catalogue. Their path needs values from a catalogue query's first row
 * (e.g. a request id); a route whose source query is not in the build is skipped with a note.
 */
export interface ExtraRoute {
  route: string;
  kind: RouteKind;
  sourceQuery: string;
  /** The path for a row of the source query, or null when the row lacks what it needs. */
  path: (row: Record<string, unknown>) => string | null;
}

/** As the inspector's detail page asks: the id in the path, its endpoint as a filter. */
const requestPath = (suffix: string) => (row: Record<string, unknown>) => {
  const id = row.databricks_request_id;
  const endpoint = row.endpoint_name;
  if (typeof id !== 'string') return null;
  const qs = typeof endpoint === 'string' ? `?${new URLSearchParams({ endpoint })}` : '';
  return `/api/inspector/requests/${encodeURIComponent(id)}${suffix}${qs}`;
};

export const EXTRA_ROUTES: readonly ExtraRoute[] = [
  { route: 'inspector request detail', kind: 'detail', sourceQuery: 'inspector-requests', path: requestPath('') },
  { route: 'inspector request bodies', kind: 'detail', sourceQuery: 'inspector-requests', path: requestPath('/payload') },
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

/** Page paths from the NAV_ITEMS array in components/app-shell.tsx, so new pages are benchmarked as they are added. */
export function pagesFromNav(source: string): string[] {
  const block = /NAV_ITEMS\s*=\s*\[([\s\S]*?)\]\s*as const/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/href:\s*'(\/[^']*)'/g)].map((m) => m[1]!);
}
