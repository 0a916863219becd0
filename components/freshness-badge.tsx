'use client';

import { useSearchParams } from 'next/navigation';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { readState, reportingZone } from '@/lib/client/search-params';
import { formatAge, freshnessOf } from '@/lib/time/freshness';
import { formatZonedShort } from '@/lib/time/zone';

const TONE = { fresh: 'bg-emerald-100 text-emerald-900', arriving: 'bg-amber-100 text-amber-900', stale: 'bg-red-100 text-red-900' } as const;

/** How new the newest logged request is, on every page: inference tables land up to an hour late. */
export function FreshnessBadge() {
  const state = readState(useSearchParams());
  const query = useCatalogueQuery('ops-freshness', { range: '1h' }, { live: true });
  const rows = query.data?.rows ?? [];
  if (query.error) return <span className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-600" data-testid="header-freshness">Freshness unknown</span>;
  if (!query.data) return <span className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-400" data-testid="header-freshness">Checking freshness…</span>;
  if (rows.length === 0) return <span className={`rounded-full px-3 py-1 text-xs ${TONE.stale}`} data-testid="header-freshness">No rows in 3 days</span>;
  const newest = rows.reduce((a, b) => (a.latest_request_time > b.latest_request_time ? a : b));
  const f = freshnessOf('payload', newest.latest_request_time, Date.parse(query.data.now));
  const tz = reportingZone(state);
  return (
    <span className={`rounded-full px-3 py-1 text-xs ${TONE[f.status]}`} data-testid="header-freshness" title={`Newest logged request: ${newest.endpoint_name}, ${formatZonedShort(f.latest, tz)} ${tz}. Inference tables land up to about an hour late.`}>
      Data to {formatZonedShort(f.latest, tz).slice(6)} · {formatAge(f.ageMs)} old
    </span>
  );
}
