'use client';

import { ChartCard } from '@/components/chart-card';
import { formatCount, formatMs } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { SideBySideRow } from '@/lib/compare/types';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { requestHref } from '@/lib/client/links';
import { useHere } from '@/lib/client/use-here';

/** The same user message answered by different served entities, next to each other, as plain text. */
export function SideBySide({ state }: { state: DashboardState }) {
  // Every entity of the endpoint takes part, whatever the entity filter says.
  const params = { ...apiFilters(state), served_entity: undefined };
  const query = useCatalogueQuery('compare-side-by-side', params);
  return (
    <ChartCard
      testId="compare-side-by-side"
      title="Same message, different models"
      subtitle={<>User messages (the request&apos;s last message, trimmed and case-folded) answered by more than one served entity among each entity&apos;s latest 5,000 successful requests; the latest answer of each. Earlier turns of the conversation may differ.</>}
      query={query}
      csvHref={queryUrl('compare-side-by-side', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No user message of {state.endpoint} was answered by more than one served entity in this range (embeddings and single-entity endpoints have none).</>}
    >
      {(d) => <Messages rows={d.rows} tz={reportingZone(state)} />}
    </ChartCard>
  );
}

function Messages({ rows, tz }: { rows: SideBySideRow[]; tz: string }) {
  const picks = [...new Set(rows.map((r) => r.pick))];
  return (
    <div className="flex flex-col gap-4">
      {picks.map((pick) => {
        const answers = rows.filter((r) => r.pick === pick);
        const first = answers[0]!;
        return (
          <article key={pick} data-testid="side-by-side-message" className="rounded border border-slate-200">
            <header className="border-b border-slate-200 bg-slate-50 px-3 py-2">
              <p className="text-sm font-medium whitespace-pre-wrap break-words">{first.user_text}</p>
              <p className="text-xs text-slate-500">{formatCount(first.asked_rows)} matching requests, answered by {first.entities} served entities</p>
            </header>
            <div className="grid gap-px bg-slate-200" style={{ gridTemplateColumns: `repeat(${answers.length}, minmax(0, 1fr))` }}>
              {answers.map((a) => <Answer key={a.databricks_request_id} a={a} tz={tz} />)}
            </div>
          </article>
        );
      })}
    </div>
  );
}

function Answer({ a, tz }: { a: SideBySideRow; tz: string }) {
  const here = useHere();
  return (
    <div className="flex flex-col gap-1 bg-white p-3 text-sm" data-testid="side-by-side-answer">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">{a.served_entity_name ?? a.served_entity_id}</span>
        {a.entity_name && <span className="break-all text-xs text-slate-500">{a.entity_name}</span>}
      </div>
      <div className="text-xs text-slate-500">
        {formatZonedTimestamp(Date.parse(a.request_time), tz)} · {formatMs(a.execution_duration_ms)}{a.output_tokens !== null ? ` · ${formatCount(a.output_tokens)} output tokens` : ''} · message {a.n_messages} of the request
      </div>
      {/* Payload text is rendered as text, never as HTML. */}
      <p className="max-h-48 overflow-y-auto whitespace-pre-wrap break-words text-slate-800">
        {a.answer_text ?? (a.tool_call ? `Called tool ${a.tool_call}` : 'No text in the response')}
      </p>
      <a className="mt-auto text-xs font-medium text-sky-700 hover:underline" href={requestHref(a.databricks_request_id, a.endpoint_name, a.request_time, here)}>
        Open in the inspector →
      </a>
    </div>
  );
}
