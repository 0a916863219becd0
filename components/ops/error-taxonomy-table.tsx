'use client';

import { ChartCard } from '@/components/chart-card';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, noDataText, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { CATEGORY_COLOR, CATEGORY_LABEL, taxonomyNarrowing } from '@/lib/ops/error-categories';
import { requestsHref } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';
import { IntentLink } from '@/components/intent-link';
import { formatZonedShort } from '@/lib/time/zone';


/** What failed and why: guardrail (which check), rate limit, provider (which), 5xx, 4xx. */
export function ErrorTaxonomyTable({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-error-taxonomy', params, { live: isLive(state) });
  const tz = reportingZone(state);
  const ts = (s: string) => formatZonedShort(Date.parse(s), tz);
  const here = useHere();
  return (
    <ChartCard
      testId="error-taxonomy"
      title="Error taxonomy"
      subtitle={<>Read from each response body (guardrail verdicts and provider errors are JSON inside its message); times in {tz}. A count opens those requests.</>}
      query={query}
      csvHref={queryUrl('ops-error-taxonomy', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state, 'No failed requests')}
    >
      {(d) => (
        <div className="max-h-80 overflow-auto">
          <table className="sticky-first w-full min-w-[36rem] text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr><th className="py-1 pr-3">Category</th><th className="pr-3">Detail</th><th className="pr-3 text-right">Status</th><th className="pr-3 text-right">Requests</th><th className="pr-3">First seen</th><th>Last seen</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.category}/${r.detail}/${r.status_code}`} className="border-t border-slate-100">
                  <td className="py-1 pr-3 whitespace-nowrap"><span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: CATEGORY_COLOR[r.category] }} />{CATEGORY_LABEL[r.category]}</td>
                  <td className="pr-3">{r.detail}</td>
                  <td className="pr-3 text-right tabular-nums">{r.status_code}</td>
                  <td className="pr-3 text-right tabular-nums"><IntentLink href={requestsHref(state, taxonomyNarrowing(r), here)} className="text-sky-700 hover:underline" title="Open these requests in the inspector" data-testid="taxonomy-requests">{formatCount(r.requests)}</IntentLink></td>
                  <td className="pr-3 whitespace-nowrap tabular-nums">{ts(r.first_seen)}</td>
                  <td className="whitespace-nowrap tabular-nums">{ts(r.last_seen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
