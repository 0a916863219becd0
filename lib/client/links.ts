/**
 * The detail page of a request: its permalink; with `at` (its request_time) the lookup reads only
 * its days; `back` is the page it was opened from, where its "← Back" returns.
 */
export function requestHref(id: string, endpoint: string, at?: string | null, back?: string | null): string {
  return `/inspector/${encodeURIComponent(id)}?endpoint=${encodeURIComponent(endpoint)}${at ? `&at=${encodeURIComponent(at)}` : ''}${back ? `&back=${encodeURIComponent(back)}` : ''}`;
}
