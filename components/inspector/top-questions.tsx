'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, type DashboardState, noDataText } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { useHere } from '@/lib/client/use-here';
import { requestHref } from '@/lib/inspector/client';
import { formatUtc } from '@/lib/inspector/prepare-transcript';
import { questionTrend, type Trend } from '@/lib/inspector/question-key';


const cell = 'px-2 py-1.5 align-top';

/** The questions users ask again and again: candidates for FAQ templates and the system prompt. */
export function TopQuestions({ shared, onSearch }: { shared: DashboardState; onSearch: (q: string) => void }) {
  const params = apiFilters(shared);
  const query = useCatalogueQuery('inspector-top-questions', params);
  const here = useHere();
  return (
    <ChartCard
      testId="top-questions"
      title="Top questions"
      subtitle="Last user messages asked at least twice, grouped by their normalised text (case, end punctuation and whitespace aside); counts estimated (1 / sampling_fraction); trend: first half of the range against the second; times in UTC; masked for personal data."
      query={query}
      csvHref={queryUrl('inspector-top-questions', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(shared, 'No question was asked twice')}
    >
      {(d) => (
        <div className="overflow-x-auto"><table className="sticky-first w-full min-w-[36rem] text-left text-xs">
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th className={cell}>Question (example)</th><th className={`${cell} text-right`}>Requests</th><th className={cell}>Trend</th><th className={`${cell} text-right`}>Requesters</th>
              <th className={cell}>First / last seen (UTC)</th><th className={cell} />
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.question_key} className="border-b border-slate-100" data-testid="question-row">
                <td className={`${cell} max-w-xl`}><span className="line-clamp-3 break-words whitespace-pre-wrap">{r.example}</span></td>
                <td className={`${cell} text-right tabular-nums`} title={`${r.sampled_rows} logged rows`}>{formatCount(r.requests)}</td>
                <td className={`${cell} whitespace-nowrap`}><TrendMark earlier={r.earlier} later={r.later} /></td>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(r.requesters)}</td>
                <td className={`${cell} whitespace-nowrap font-mono`}>{formatUtc(r.first_seen).replace(' UTC', '')}<br />{formatUtc(r.last_seen).replace(' UTC', '')}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  <IntentLink href={requestHref(r.latest_request_id, r.latest_endpoint, null, here)} className="text-sky-700 hover:underline">Latest</IntentLink>
                  <button type="button" className="ml-3 text-sky-700 hover:underline" onClick={() => onSearch(r.example.slice(0, 80))}>Find all</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </ChartCard>
  );
}

const TREND: Record<Trend, { mark: string; label: string; className: string }> = {
  rising: { mark: '▲', label: 'rising', className: 'text-amber-700' },
  falling: { mark: '▼', label: 'falling', className: 'text-sky-700' },
  steady: { mark: '→', label: 'steady', className: 'text-slate-500' },
  new: { mark: '●', label: 'new', className: 'text-violet-700' },
};

/** Rising, falling, steady or new between the two halves of the range, with both counts. */
function TrendMark({ earlier, later }: { earlier: number; later: number }) {
  const trend = questionTrend(earlier, later);
  const t = TREND[trend];
  return (
    <span className={t.className} data-testid="question-trend" data-trend={trend} title={`${formatCount(earlier)} in the first half of the range, ${formatCount(later)} in the second`}>
      {t.mark} {t.label} <span className="tabular-nums text-slate-500">{formatCount(earlier)} → {formatCount(later)}</span>
    </span>
  );
}

