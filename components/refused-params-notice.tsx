'use client';

import { useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/client/api';

/** The distinct reasons the server refused this page's parameters (400), over every chart's query. */
function refusals(client: QueryClient): string {
  const seen = new Set<string>();
  for (const q of client.getQueryCache().getAll()) {
    const err = q.state.error;
    if (!(err instanceof ApiError) || err.status !== 400 || q.getObserversCount() === 0) continue;
    if (err.problems.length) for (const p of err.problems) seen.add(`${p.path}: ${p.message}`);
    else seen.add(err.message);
  }
  return [...seen].sort().join('\n');
}

/**
 * One notice for parameters the server refused, each reason once, instead of the same error in
 * every chart (each chart then says only that it was not drawn).
 */
export function RefusedParamsNotice() {
  const client = useQueryClient();
  const text = useSyncExternalStore((cb) => client.getQueryCache().subscribe(cb), () => refusals(client), () => '');
  if (!text) return null;
  return (
    <div role="alert" data-testid="refused-params" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">The server refused a parameter of this page, so the charts below are not drawn:</p>
      <ul className="mt-1 list-disc pl-5">{text.split('\n').map((line) => <li key={line} className="break-words">{line}</li>)}</ul>
    </div>
  );
}
