/** The detail page of a request: its permalink; with `at` (its request_time) the lookup reads only its days. */
export function requestHref(id: string, endpoint: string, at?: string | null): string {
  return `/inspector/${encodeURIComponent(id)}?endpoint=${encodeURIComponent(endpoint)}${at ? `&at=${encodeURIComponent(at)}` : ''}`;
}
