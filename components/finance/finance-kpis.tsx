'use client';

import type { ReactNode } from 'react';
import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { formatCount } from '@/lib/charts/format';
import { formatMoney, formatPercent, formatTokens } from '@/lib/finance/format';
import { prepareProjection } from '@/lib/finance/prepare-projection';
import { prepareSummary, type SummaryRow } from '@/lib/finance/prepare-summary';
import type { FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';

export function FinanceKpis({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const summary = useFinanceQuery('finance-summary', state, fin);
  const month = useFinanceQuery('finance-month-to-date', state, fin);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <ChartCard
          testId="finance-summary"
          title="Spend and tokens in the range"
          subtitle="Price-book cost; tokens by where they were counted."
          query={summary.query}
          csvHref={queryUrl('finance-summary', summary.params, 'csv')}
          isEmpty={(d) => d.rows.length === 0}
          empty="No requests were logged in this range. Try a longer range or clear the filters."
        >
          {(d) => <SummaryTiles rows={d.rows} currency={currencyOf(d)} />}
        </ChartCard>
      </div>
      <ChartCard
        testId="finance-month"
        title="Month to date (UTC)"
        subtitle="From the 1st of the month of the range's end, whatever the range."
        query={month.query}
        csvHref={queryUrl('finance-month-to-date', month.params, 'csv')}
        isEmpty={(d) => d.rows.length === 0}
        empty="No requests this month yet."
      >
        {(d) => {
          const p = prepareProjection(d.rows, String(d.params.start_date), d.window!.end);
          const c = currencyOf(d);
          return (
            <dl className="grid gap-3 text-sm">
              <Tile label={`Spent in ${p.month}`} value={p.monthToDate === null ? 'unpriced' : formatMoney(p.monthToDate, c)} testId="kpi-mtd"
                note={p.unpricedTokens > 0 ? `+ ${formatTokens(p.unpricedTokens, true)} tokens on unpriced models` : undefined} />
              <Tile label="Projected month end" value={p.projected === null ? '–' : formatMoney(p.projected, c)} testId="kpi-projection" note={`Method: ${p.method}.`} />
            </dl>
          );
        }}
      </ChartCard>
    </div>
  );
}

export function SummaryTiles({ rows, currency }: { rows: SummaryRow[]; currency: string }) {
  const s = prepareSummary(rows);
  const all = s.measuredTokens + s.estimatedTokens;
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-3">
      <Tile label="Spend" testId="kpi-spend" value={s.cost === null ? 'unpriced' : formatMoney(s.cost, currency)}
        note={s.unpricedTokens > 0 ? `+ ${formatTokens(s.unpricedTokens, true)} tokens on unpriced models (${formatCount(s.unpricedRequests)} requests), not included` : 'Every request is priced.'} />
      <Tile label="Tokens (input · output)" testId="kpi-tokens" value={`${formatTokens(s.inputTokens, true)} · ${formatTokens(s.outputTokens, true)}`}
        note={<>
          Measured {formatPercent(s.measuredShare)} (endpoint_usage {formatPercent(all ? s.usageTableTokens / all : null)}, responses {formatPercent(all ? s.responseTokens / all : null)}),
          estimated {formatPercent(all ? s.estimatedTokens / all : null)}.
          {s.unknownRequests > 0 && <> {formatCount(s.unknownRequests)} requests carry no token information at all and are left out.</>}
        </>} />
      <Tile label="Cost per request" testId="kpi-cost-per-request" value={s.costPerRequest === null ? 'unpriced' : formatMoney(s.costPerRequest, currency)}
        note={s.costPer1kRequests === null ? 'No priced requests.' : `${formatMoney(s.costPer1kRequests, currency)} per 1,000 requests, over ${formatCount(s.pricedRequests)} priced requests of ${formatCount(s.requests)}.`} />
    </dl>
  );
}

function Tile({ label, value, note, testId }: { label: string; value: string; note?: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
      {note && <dd className="mt-1 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
