'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { formatCost, formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, type DashboardState, noDataText } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { useHere } from '@/lib/client/use-here';
import { requestHref } from '@/lib/inspector/client';
import { formatUtc } from '@/lib/inspector/prepare-transcript';
import type { InspectorState } from '@/lib/inspector/url-state';

const cell = 'px-2 py-1.5 align-top';
const SOURCE: Record<string, string> = {
  conversation_id: 'usage_context.conversation_id',
  'context.conversation_id': 'agent context.conversation_id',
  client_request_id: 'client_request_id',
  history: 'same first message',
};

/** Conversations by the thread rule: how long, how big and how dear each one was. */
export function Conversations({ shared, sort, onSort }: { shared: DashboardState; sort: InspectorState['convSort']; onSort: (s: InspectorState['convSort']) => void }) {
  const params = { ...apiFilters(shared), sort: sort === 'recent' ? undefined : sort };
  const query = useCatalogueQuery('inspector-conversations', params);
  const here = useHere();
  return (
    <ChartCard
      testId="conversations"
      title="Conversations"
      subtitle="Requests grouped by conversation (its id, else client_request_id without the turn number, else requester, endpoint, day and first message), at most 100; tokens and cost summed over the turns; times in UTC."
      query={query}
      csvHref={queryUrl('inspector-conversations', params, 'csv')}
      headerExtra={
        <select aria-label="Sort conversations" value={sort} onChange={(e) => onSort(e.target.value as InspectorState['convSort'])} className="rounded border border-slate-300 px-2 py-1 text-xs">
          <option value="recent">Most recent first</option>
          <option value="tokens">Most tokens first</option>
          <option value="cost">Dearest first</option>
        </select>
      }
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(shared, 'No conversation')}
    >
      {(d) => (
        <div className="overflow-x-auto"><table className="sticky-first w-full min-w-[44rem] text-left text-xs">
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th className={cell}>First / last (UTC)</th><th className={`${cell} text-right`}>Turns</th><th className={`${cell} text-right`}>Tokens</th>
              <th className={`${cell} text-right`}>Cost</th><th className={cell}>Requester</th><th className={cell}>Grouped by</th><th className={cell} />
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.thread_id} className="border-b border-slate-100" data-testid="conversation-row">
                <td className={`${cell} whitespace-nowrap font-mono`}>{formatUtc(r.first_seen).replace(' UTC', '')}<br />{formatUtc(r.last_seen).replace(' UTC', '')}</td>
                <td className={`${cell} text-right tabular-nums`} data-testid="conversation-turns">{formatCount(r.turns)}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(r.tokens)}</td>
                <td className={`${cell} text-right tabular-nums`} title={`${r.priced_turns} of ${r.turns} turns priced`}>{formatCost(r.cost)}</td>
                <td className={`${cell} max-w-40 truncate`} title={r.requester ?? ''}>{r.requester ?? '–'}</td>
                <td className={cell}>{SOURCE[r.thread_source] ?? r.thread_source}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  <IntentLink href={requestHref(r.latest_request_id, r.latest_endpoint, r.last_seen, here)} className="text-sky-700 hover:underline">Open latest turn</IntentLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </ChartCard>
  );
}
