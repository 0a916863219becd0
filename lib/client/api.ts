import type { QueryResult } from '@/lib/catalogue/run';
import type { QueryId, QueryParams, QueryRow } from '@/queries';

/**
 * What `/api/queries/<id>` returns on success: the runner's result (its type, imported as a
 * type only, so server code never reaches the browser) with what the route adds: the request id
 * and, for keyset-paged queries, the parameters of the next page (null on the last one).
 */
export type QueryResponse<R = Record<string, unknown>> = Omit<QueryResult, 'rows'> & {
  rows: R[];
  requestId: string;
  next?: Record<string, string | number> | null;
  /** The validated parameters (defaults filled in): what an alert rule on this chart starts from. */
  input?: Record<string, unknown>;
};
/** The response of one catalogue query, its rows typed by the query's own row schema. */
export type CatalogueResponse<Id extends QueryId> = QueryResponse<QueryRow<Id>>;

type AsText<V> = [V] extends [string | undefined] ? V : string | undefined;
/**
 * A query's parameters as the browser sends them: only keys its schema knows, enum values from
 * its enums, everything else as text (numbers included; the server parses them).
 */
export type ParamsOf<Id extends QueryId> = { [K in keyof QueryParams<Id>]?: AsText<QueryParams<Id>[K]> };

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly requestId: string | null, readonly problems: { path: string; message: string }[] = [], readonly kind: string | null = null) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API address of a catalogue query; `csv` gives every row as a CSV download. */
export function queryUrl<Id extends QueryId>(id: Id, params: ParamsOf<Id>, format?: 'csv'): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Record<string, string | undefined>)) if (v !== undefined && v !== '') qs.set(k, v);
  if (format) qs.set('format', format);
  return `/api/queries/${encodeURIComponent(id)}?${qs}`;
}

/** Fetches one catalogue query; any non-2xx becomes an ApiError, never "data". */
export async function fetchQuery<Id extends QueryId>(id: Id, params: ParamsOf<Id>, signal?: AbortSignal): Promise<CatalogueResponse<Id>> {
  let res: Response;
  try {
    res = await fetch(queryUrl(id, params), { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('The dashboard server could not be reached', 0, null);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy error page or a crash; fall through to the status check.
  }
  const b = (body ?? {}) as { error?: string; kind?: string; requestId?: string; problems?: { path: string; message: string }[] };
  if (!res.ok) {
    const detail = b.problems?.length ? `: ${b.problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : '';
    throw new ApiError(`${b.error ?? `Request failed (${res.status})`}${detail}`, res.status, b.requestId ?? res.headers.get('x-request-id'), b.problems, b.kind ?? null);
  }
  if (!body) throw new ApiError('The server answered with something other than JSON', res.status, res.headers.get('x-request-id'));
  return body as CatalogueResponse<Id>;
}

/** The warehouse is starting or scaling (503): worth waiting for rather than showing as failed. */
export function isWarehouseStarting(err: unknown): boolean {
  return err instanceof ApiError && err.status === 503;
}
