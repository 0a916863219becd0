'use client';

import { useState } from 'react';
import { ChartCard } from '@/components/chart-card';
import { ChartLineTopics } from '@/components/charts/chart-line-topics';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { MAX_KEYWORDS, parseKeywords } from '@/lib/ops/keywords';
import type { OpsState } from '@/lib/ops/search-params';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { RequestLink } from '@/components/request-link';


/** Keywords the team watches (a secret project's name, an incident word): counts and the requests behind them. */
export function TopicWatch({ state, ops, setOps }: { state: DashboardState; ops: OpsState; setOps: (p: Partial<OpsState>) => void }) {
  const [draft, setDraft] = useState(ops.topics);
  const keywords = parseKeywords(draft);
  const invalid = keywords.length > MAX_KEYWORDS || keywords.some((k) => k.length < 2 || k.length > 60);
  return (
    <div className="flex flex-col gap-4">
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (!invalid) setOps({ topics: keywords.join(', ') }); }}>
        <label className="flex min-w-80 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
          <span>Keywords (comma-separated, up to {MAX_KEYWORDS}; case-insensitive)</span>
          <input aria-label="Topic keywords" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. Project Nightingale, outage" aria-invalid={invalid} className="rounded border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <button type="submit" disabled={invalid} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Watch</button>
        {invalid && <span className="text-xs text-red-700">Each keyword needs 2–60 characters; at most {MAX_KEYWORDS}.</span>}
      </form>
      {ops.topics ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartLineTopics state={state} topics={ops.topics} />
          <TopicMatches state={state} topics={ops.topics} />
        </div>
      ) : (
        <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-500">Type keywords above to count the requests whose conversation (user and assistant messages) mentions them, hour by hour, and list the latest ones.</p>
      )}
    </div>
  );
}

function TopicMatches({ state, topics }: { state: DashboardState; topics: string }) {
  const params = { ...apiFilters(state), keywords: topics };
  const query = useCatalogueQuery('ops-topic-matches', params, { live: isLive(state) });
  const tz = reportingZone(state);
  return (
    <ChartCard
      testId="topic-matches"
      title="Latest matching requests"
      subtitle={<>Up to 20 per keyword; each opens in the request inspector. Times in {tz}.</>}
      query={query}
      csvHref={queryUrl('ops-topic-matches', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No request in this range mentions {topics}.</>}
    >
      {(d) => (
        <div className="max-h-64 overflow-auto">
          <table className="sticky-first w-full min-w-[36rem] text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500"><tr><th className="py-1 pr-3">Keyword</th><th className="pr-3">Request</th><th className="pr-3">Time</th><th className="pr-3">Endpoint</th><th>Status</th></tr></thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.keyword}/${r.databricks_request_id}`} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{r.keyword}</td>
                  <td className="pr-3"><RequestLink id={r.databricks_request_id} endpoint={r.endpoint_name} at={r.request_time} /></td>
                  <td className="pr-3 whitespace-nowrap tabular-nums">{formatZonedTimestamp(Date.parse(r.request_time), tz).replace(` ${tz}`, '')}</td>
                  <td className="pr-3">{r.endpoint_name}</td>
                  <td className="tabular-nums">{r.status_code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
