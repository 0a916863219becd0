import type { QueryPlan } from '@/lib/catalogue/plan';
import type { Params, Row } from '@/lib/warehouse/types';

/** What `/api/queries/<id>` returns on success. */
export interface QueryResponse<R = Row> {
  queryId: string;
  rows: R[];
  sql: string;
  params: Params;
  engine: 'duckdb' | 'databricks';
  durationMs: number;
  source?: 'engine' | 'cache' | 'shared';
  window: { start: string; end: string } | null;
  /** Keyset-paged queries: the parameters of the next page, or null on the last one. */
  next?: Record<string, string | number> | null;
  /** The server's clock when it answered (pinned by CLOCK_NOW in tests and fixed-moment demos). */
  now: string;
  /** How the query ran (lib/catalogue/plan.ts): sources, rollups, relations, identity, fallbacks. */
  plan: QueryPlan;
  /** The validated parameters (defaults filled in), e.g. for an alert rule on this chart. */
  input?: Record<string, unknown>;
  requestId: string;
}

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly requestId: string | null, readonly problems: { path: string; message: string }[] = [], readonly kind: string | null = null) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API address of a catalogue query; `csv` gives every row as a CSV download. */
export function queryUrl(id: string, params: Record<string, string | undefined>, format?: 'csv'): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
  if (format) qs.set('format', format);
  return `/api/queries/${encodeURIComponent(id)}?${qs}`;
}

/** Fetches one catalogue query; any non-2xx becomes an ApiError, never "data". */
export async function fetchQuery<R = Row>(id: string, params: Record<string, string | undefined>, signal?: AbortSignal): Promise<QueryResponse<R>> {
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
  return body as QueryResponse<R>;
}

/** The warehouse is starting or scaling (503): worth waiting for rather than showing as failed. */
export function isWarehouseStarting(err: unknown): boolean {
  return err instanceof ApiError && err.status === 503;
}
