'use client';

import type { ReactNode } from 'react';
import { formatCount, formatMoney, formatShare, formatTokens } from '@/lib/charts/format';
import { prepareSummary, type SummaryRow } from '@/lib/finance/prepare-summary';

/** Spend, tokens by where they were counted, and cost per request: Finance and the snapshot on other pages. */
export function SummaryTiles({ rows, currency }: { rows: SummaryRow[]; currency: string }) {
  const s = prepareSummary(rows);
  const all = s.measuredTokens + s.estimatedTokens;
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2 xl:grid-cols-4">
      <Tile label="Requests" testId="kpi-spend-requests" value={formatCount(s.requests)}
        note={s.extrapolatedRequests < 0.5 ? 'Every request counted one by one (endpoint_usage, else its logged row).' : `${formatCount(s.countedRequests)} counted one by one (endpoint_usage, else its logged row), ${formatCount(s.extrapolatedRequests)} estimated from sampled payload rows.`} />
      <Tile label="Spend" testId="kpi-spend" value={s.cost === null ? 'unpriced' : formatMoney(s.cost, currency)}
        note={s.unpricedTokens > 0 ? `+ ${formatTokens(s.unpricedTokens, true)} tokens on unpriced models (${formatCount(s.unpricedRequests)} requests), not included` : 'Every request is priced.'} />
      <Tile label="Tokens (input · output)" testId="kpi-tokens" value={`${formatTokens(s.inputTokens, true)} · ${formatTokens(s.outputTokens, true)}`}
        note={<>
          Measured {formatShare(s.measuredShare)} (endpoint_usage {formatShare(all ? s.usageTableTokens / all : null)}, responses {formatShare(all ? s.responseTokens / all : null)}),
          estimated {formatShare(all ? s.estimatedTokens / all : null)}.
          {s.unknownRequests > 0 && <> {formatCount(s.unknownRequests)} requests carry no token information at all and are left out.</>}
        </>} />
      <Tile label="Cost per request" testId="kpi-cost-per-request" value={s.costPerRequest === null ? 'unpriced' : formatMoney(s.costPerRequest, currency)}
        note={s.costPer1kRequests === null ? 'No priced requests.' : `${formatMoney(s.costPer1kRequests, currency)} per 1,000 requests, over ${formatCount(s.pricedRequests)} priced requests of ${formatCount(s.requests)}.`} />
    </dl>
  );
}

export function Tile({ label, value, note, testId }: { label: string; value: string; note?: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
      {note && <dd className="mt-1 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
