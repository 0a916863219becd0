import { ApiError } from '@/lib/client/api';
import type { Params, Row } from '@/lib/warehouse/types';

export interface DetailResponse {
  row: Row;
  sql: string;
  params: Params;
  durationMs: number;
  engine: 'duckdb' | 'databricks';
  revealAllowed: boolean;
  requestId: string;
}

export interface PayloadResponse {
  request: string | null;
  response: string | null;
  statusCode: number | null;
  loggingErrorCodes: string[] | null;
  masked: boolean;
  durationMs: number;
  requestId: string;
}

/** GET a JSON route of the inspector; any non-2xx becomes an ApiError, never "data". */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('The dashboard server could not be reached', 0, null);
  }
  const body = (await res.json().catch(() => null)) as ({ error?: string; requestId?: string; problems?: { path: string; message: string }[] } & T) | null;
  if (!res.ok || !body) {
    const detail = body?.problems?.length ? `: ${body.problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : '';
    throw new ApiError(`${body?.error ?? `Request failed (${res.status})`}${detail}`, res.status, body?.requestId ?? res.headers.get('x-request-id'), body?.problems);
  }
  return body;
}

export function detailUrl(id: string, endpoint: string | null, at?: string | null): string {
  const qs = new URLSearchParams();
  if (endpoint) qs.set('endpoint', endpoint);
  if (at) qs.set('at', at);
  return `/api/inspector/requests/${encodeURIComponent(id)}?${qs}`;
}

/** The bodies of a request; `at` (its request_time, known once the metadata is) keeps the lookup to its day. */
export function payloadUrl(id: string, endpoint: string | null, opts: { reveal?: boolean; download?: 'request' | 'response'; at?: string | null } = {}): string {
  const qs = new URLSearchParams();
  if (endpoint) qs.set('endpoint', endpoint);
  if (opts.at) qs.set('at', opts.at);
  if (opts.reveal) qs.set('reveal', '1');
  if (opts.download) qs.set('download', opts.download);
  return `/api/inspector/requests/${encodeURIComponent(id)}/payload?${qs}`;
}

export { requestHref } from '@/lib/client/links';
