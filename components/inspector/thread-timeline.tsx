'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { requestHref } from '@/lib/inspector/client';
import { formatDuration, formatUtc } from '@/lib/inspector/prepare-transcript';
import { StatusBadge } from './status-badge';


const SOURCE_LABEL: Record<string, string> = {
  conversation_id: 'grouped by usage_context.conversation_id',
  'context.conversation_id': 'grouped by the request’s context.conversation_id',
  client_request_id: 'grouped by client_request_id without its turn number',
  history: 'grouped by requester, day and first user message (no conversation id sent)',
};

const DAY = 86_400_000;

/** The other requests of this conversation, a day either side, oldest first. */
export function ThreadTimeline({ threadId, source, current, endpoint, at, back }: { threadId: string; source: string; current: string; endpoint: string; at: string; back?: string }) {
  const t = new Date(at).getTime();
  const params = { from: new Date(t - DAY).toISOString(), to: new Date(t + DAY).toISOString(), endpoint, thread: threadId };
  const query = useCatalogueQuery('inspector-thread', params);
  return (
    <ChartCard
      testId="thread"
      title="Conversation"
      subtitle={<>{SOURCE_LABEL[source] ?? source}; a day either side; times in UTC.</>}
      query={query}
      csvHref={queryUrl('inspector-thread', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty="No other request of this conversation was found."
    >
      {(d) => (
        <ol className="relative ml-2 border-l border-slate-300" data-testid="thread-list">
          {d.rows.map((r, k) => {
            const here = r.databricks_request_id === current;
            return (
              <li key={r.databricks_request_id} className="mb-3 ml-3" data-testid="thread-item" aria-current={here ? 'step' : undefined}>
                <span className={`absolute -left-1.5 mt-1 h-3 w-3 rounded-full ${here ? 'bg-sky-600' : 'bg-slate-300'}`} />
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <span className="font-semibold">Turn {k + 1}</span>
                  {here ? <span className="font-mono">{formatUtc(r.request_time)}</span> : <IntentLink href={requestHref(r.databricks_request_id, r.endpoint_name, r.request_time, back)} className="font-mono text-sky-700 hover:underline">{formatUtc(r.request_time)}</IntentLink>}
                  <StatusBadge code={r.status_code} />
                  <span className="text-slate-500">{formatDuration(r.execution_duration_ms)}</span>
                </div>
                {r.last_user_message && <p className="mt-0.5 line-clamp-2 break-words text-xs">{r.last_user_message}</p>}
                {r.answer_preview && <p className="line-clamp-2 break-words text-xs text-slate-500">↳ {r.answer_preview}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </ChartCard>
  );
}
