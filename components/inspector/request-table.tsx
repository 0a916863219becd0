'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { formatCost, formatCount } from '@/lib/charts/format';
import { ApiError, queryUrl } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { useHere } from '@/lib/client/use-here';
import { requestHref } from '@/lib/inspector/client';
import { PAGE_SIZE } from '@/lib/inspector/list-params';
import { formatDuration, formatUtc } from '@/lib/inspector/prepare-transcript';
import { inspectorApiParams, inspectorFilterParams, type InspectorState } from '@/lib/inspector/url-state';
import type { QueryRow } from '@/queries';
import { ColumnAdder } from './column-adder';
import { MatchSnippet } from './match-snippet';
import { StatusBadge } from './status-badge';

export type ListRow = QueryRow<'inspector-requests'>;

const cell = 'px-2 py-1.5 align-top';

/** Where the token figures come from: the same rule as finance (request_tokens) and the detail page. */
const TOKEN_TITLE: Record<ListRow['token_source'], string> = {
  usage_table: 'From endpoint_usage',
  response: 'From the usage the response reports (endpoint_usage has no row)',
  estimate: 'Estimate: (characters of message text + 1) / 4; 0 for a failed request',
  unknown: 'Nothing to count from',
};

export function RequestTable({ shared, state, onChange }: { shared: DashboardState; state: InspectorState; onChange: (patch: Partial<InspectorState>, opts?: { push?: boolean }) => void }) {
  const params = { ...apiFilters(shared), ...inspectorApiParams(state) };
  const query = useCatalogueQuery('inspector-requests', params);
  const filters = { ...apiFilters(shared), ...inspectorFilterParams(state) };
  // How many requests the filters match over the window: shown when the list is narrowed by any of its own filters.
  const counting = Object.values(inspectorFilterParams(state)).some(Boolean);
  const matches = useCatalogueQuery('inspector-match-count', filters, { enabled: counting });
  // A keyword's count reads every text of the range (seconds at 30 days on millions of requests),
  // while the page of rows comes from the newest part: say it is on its way, or that it failed.
  const countError = counting && matches.isError ? matches.error : null;
  const exportParams = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && !e[0].startsWith('cursor_'));
  const exportHref = `/api/inspector/export?${new URLSearchParams(exportParams)}`;
  const back = useHere();

  return (
    <ChartCard
      testId="request-list"
      title="Requests"
      subtitle={<>
        {matches.data?.rows[0] && <span className="font-medium text-slate-700" data-testid="match-count">{formatCount(matches.data.rows[0].matches)} logged {matches.data.rows[0].matches === 1 ? 'request matches' : 'requests match'}{state.q ? ` “${state.q}”` : ' the filters'} in this range. </span>}
        {counting && !matches.data && matches.isFetching && <span className="text-slate-500" data-testid="match-count-pending">Counting the requests that match{state.q ? ` “${state.q}”` : ' the filters'} in this range… </span>}
        {countError && <span className="text-red-700" data-testid="match-count-error">The count of matching requests failed{countError instanceof ApiError && countError.requestId ? ` (request id ${countError.requestId})` : ''}; the list below does not depend on it. </span>}
        Logged requests, {sortLabel(state.sort)}, {PAGE_SIZE} per page; times in UTC; previews masked for personal data.
      </>}
      query={query}
      csvHref={queryUrl('inspector-requests', params, 'csv')}
      headerExtra={<a href={exportHref} download className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100" title="Answered requests matching the filters (up to 1000) as chat fine-tuning examples">Export JSONL</a>}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No logged request matches{state.q ? ` “${state.q}”` : ''} in this range. Widen the range or clear filters.{state.after ? ' This was the last page.' : ''}</>}
    >
      {(d) => {
        const rows = d.rows;
        const last = rows[rows.length - 1];
        const hasNext = Boolean(d.next) && last;
        return (
          <div>
            <ColumnAdder cols={state.cols} onChange={(cols) => onChange({ cols })} />
            <div className="overflow-x-auto">
              <table className="sticky-first w-full min-w-[1100px] text-left text-xs" data-testid="request-table">
                <thead className="border-b border-slate-200 text-slate-500">
                  <tr>
                    <th className={cell}>Time (UTC)</th><th className={cell}>Endpoint · entity</th><th className={cell}>Status</th>
                    <th className={`${cell} text-right`}>Duration</th><th className={`${cell} text-right`}>Tokens in / out</th><th className={`${cell} text-right`}>Cost</th><th className={cell}>Requester</th>
                    {state.q && <th className={`${cell} w-1/3`}>Match</th>}
                    <th className={`${cell} w-1/4`}>Last user message</th><th className={`${cell} w-1/4`}>Answer</th>
                    {state.cols.map((c, k) => (
                      <th key={c} className={`${cell} font-mono`} data-testid="extraction-header">
                        {c}
                        <button type="button" aria-label={`Remove column ${c}`} className="ml-1 text-slate-400 hover:text-red-700" onClick={() => onChange({ cols: state.cols.filter((_, i) => i !== k) })}>×</button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.endpoint_name}/${r.databricks_request_id}`} className="border-b border-slate-100 hover:bg-slate-50" data-testid="request-row">
                      <td className={`${cell} whitespace-nowrap font-mono`}><IntentLink href={requestHref(r.databricks_request_id, r.endpoint_name, r.request_time, back)} className="text-sky-700 underline-offset-2 hover:underline">{formatUtc(r.request_time).replace(' UTC', '')}</IntentLink></td>
                      <td className={cell}><div>{r.endpoint_name}</div><div className="text-slate-500">{r.served_entity_name ?? r.served_entity_id ?? '–'}</div></td>
                      <td className={cell}>
                        <StatusBadge code={r.status_code} />
                        {r.has_tool_calls && <span className="ml-1 rounded bg-violet-100 px-1 text-violet-800" data-testid="tools-flag">tools</span>}
                        {r.trace_error && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900" data-testid="trace-flag" title="An agent trace span failed, although the request was answered">failed span</span>}
                      </td>
                      <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>{formatDuration(r.execution_duration_ms)}</td>
                      <td className={`${cell} whitespace-nowrap text-right tabular-nums`} title={TOKEN_TITLE[r.token_source]}>
                        {r.input_tokens ?? '–'} / {r.output_tokens ?? '–'}{r.token_source === 'response' && <sup className="text-slate-400">r</sup>}{r.token_source === 'estimate' && <sup className="text-slate-400">est</sup>}
                      </td>
                      <td className={`${cell} whitespace-nowrap text-right tabular-nums`} data-testid="cost-cell">{formatCost(r.cost)}</td>
                      <td className={`${cell} max-w-40 truncate`} title={r.requester ?? ''}>{r.requester ?? '–'}</td>
                      {state.q && <td className={cell} data-testid="match-snippet"><MatchSnippet text={r.match_snippet} term={state.q} /></td>}
                      <td className={cell} data-testid="question-cell"><Preview text={r.last_user_message} /></td>
                      <td className={cell} data-testid="answer-cell"><Preview text={r.answer_preview} /></td>
                      {state.cols.map((c, k) => <td key={c} className={`${cell} font-mono`} data-testid="extraction-cell"><Preview text={[r.x1, r.x2, r.x3][k] ?? null} /></td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages" className="mt-3 flex items-center gap-2 text-sm">
              <button type="button" disabled={!state.after} onClick={() => onChange({})} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-40">First page</button>
              <button
                type="button"
                disabled={!hasNext}
                onClick={() => last && onChange({ after: { time: last.cursor_time, id: last.databricks_request_id, duration: last.execution_duration_ms ?? -1, value: last.sort_value } }, { push: true })}
                className="rounded border border-slate-300 px-3 py-1 disabled:opacity-40"
              >
                Next page
              </button>
              <span className="text-xs text-slate-500">{rows.length} rows on this page{state.after ? ' (after an earlier page; browser Back returns)' : ''}</span>
            </nav>
          </div>
        );
      }}
    </ChartCard>
  );
}

function Preview({ text }: { text: string | null }) {
  if (text === null || text === '') return <span className="text-slate-400">–</span>;
  return <span className="line-clamp-2 break-words whitespace-pre-wrap" title={text}>{text}</span>;
}

function sortLabel(s: InspectorState['sort']): string {
  return { time_desc: 'newest first', time_asc: 'oldest first', duration_desc: 'slowest first', duration_asc: 'fastest first', tokens_desc: 'most tokens first', cost_desc: 'dearest first' }[s];
}
