'use client';

import { IntentLink } from '@/components/intent-link';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * "Alert on this" for a chart or KPI card: opens the rule editor on /alerts with the card's own
 * query and parameters (its API request, range left to the rule's window) and the page it is on.
 */
export function AlertOnThis({ queryId, input }: { queryId: string; input?: Record<string, unknown> }) {
  const pathname = usePathname();
  const search = useSearchParams();
  if (pathname.startsWith('/alerts')) return null;
  const params = Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(([k, v]) => [k, String(v)]));
  const href = `/alerts?${new URLSearchParams({ new: queryId, params: JSON.stringify(params), page: pathname, search: search.toString() })}`;
  return (
    <IntentLink href={href} data-testid="alert-on-this" title="Create an alert rule on this chart's query" className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">
      Alert on this
    </IntentLink>
  );
}
