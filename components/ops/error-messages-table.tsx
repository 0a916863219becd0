'use client';

import { ChartCard } from '@/components/chart-card';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { CATEGORY_LABEL } from '@/lib/ops/error-categories';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { RequestLink } from '@/components/request-link';


/** Messages are payload text: rendered as text only, never as HTML. */
export function ErrorMessagesTable({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-error-messages', params, { live: isLive(state) });
  const tz = reportingZone(state);
  const ts = (s: string) => formatZonedTimestamp(Date.parse(s), tz).replace(` ${tz}`, '');
  return (
    <ChartCard
      testId="error-messages"
      title="Top error messages"
      subtitle={<>Ids, hex runs and numbers folded (&lt;id&gt;, &lt;n&gt;) so one cause is one line; times in {tz}.</>}
      query={query}
      csvHref={queryUrl('ops-error-messages', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No failed requests in this range.</>}
    >
      {(d) => (
        <div className="max-h-96 overflow-auto">
          <table className="sticky-first w-full min-w-[36rem] text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr><th className="py-1 pr-3">Message</th><th className="pr-3 text-right">Requests</th><th className="pr-3">First / last seen</th><th>Examples</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.category}/${r.message_pattern}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <div className="max-w-xl break-words whitespace-pre-wrap">{r.message_pattern}</div>
                    <div className="text-xs text-slate-500">{CATEGORY_LABEL[r.category]}</div>
                  </td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(r.requests)}</td>
                  <td className="pr-3 text-xs whitespace-nowrap tabular-nums">{ts(r.first_seen)}<br />{ts(r.last_seen)}</td>
                  <td className="flex flex-col">
                    <RequestLink id={r.example_request_id} endpoint={r.example_endpoint} />
                    {r.other_example_request_id !== r.example_request_id && <RequestLink id={r.other_example_request_id} endpoint={r.other_example_endpoint} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
