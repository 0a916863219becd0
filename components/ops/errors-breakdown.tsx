'use client';

import { ChartCard } from '@/components/chart-card';
import { formatCount, formatPercent } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { OpsState } from '@/lib/ops/search-params';
import { Principal } from '@/components/principal';
import { usePrincipalNames } from '@/lib/client/principals';
import { ContextKeyInput } from './context-key-input';
import { requestsHref, type Narrowing } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';
import { IntentLink } from '@/components/intent-link';
import { Select } from '@/components/select';

const BY_LABEL: Record<OpsState['errorsBy'], string> = { requester: 'Requester', usage_context: 'usage_context', input_size: 'Input size' };

/** "Does it fail only for certain inputs?": error rate per requester, usage_context value or request size. */
export function ErrorsBreakdown({ state, ops, setOps }: { state: DashboardState; ops: OpsState; setOps: (p: Partial<OpsState>) => void }) {
  const params = { ...apiFilters(state), by: ops.errorsBy, context_key: ops.errorsBy === 'usage_context' ? ops.contextKey : undefined };
  const query = useCatalogueQuery('ops-errors-breakdown', params, { live: isLive(state) });
  const here = useHere();
  // A requester or a usage_context value selects its requests; a size bucket does not.
  const narrowing = (value: string): Narrowing | null => (ops.errorsBy === 'requester' ? { requester: value } : ops.errorsBy === 'usage_context' && value !== '(not set)' ? { context: { key: ops.contextKey, value } } : null);
  const failedHref = (value: string) => {
    const n = narrowing(value);
    return n ? requestsHref(state, { ...n, status: 'error' }, here) : null;
  };
  const maxRate = Math.max(0.0001, ...(query.data?.rows ?? []).map((r) => r.error_rate ?? 0));
  const names = usePrincipalNames(ops.errorsBy === 'requester' ? (query.data?.rows ?? []).map((r) => r.group_value) : []);
  const controls = (
    <span className="flex items-center gap-2 text-xs">
      <Select aria-label="Break errors down by" value={ops.errorsBy} onCommit={(v) => setOps({ errorsBy: v as OpsState['errorsBy'] })} className="rounded border border-slate-300 px-1 py-1">
        <option value="requester">By requester</option>
        <option value="usage_context">By usage_context key</option>
        <option value="input_size">By input size</option>
      </Select>
      {ops.errorsBy === 'usage_context' && <ContextKeyInput value={ops.contextKey} onChange={(contextKey) => setOps({ contextKey })} />}
    </span>
  );
  return (
    <ChartCard
      testId="errors-breakdown"
      title="Who and what fails"
      subtitle={<>Error rate per {ops.errorsBy === 'usage_context' ? `usage_context.${ops.contextKey} (endpoint_usage's, else the request body's)` : ops.errorsBy === 'input_size' ? 'request body size' : 'requester'}; top 20 by failed requests. Requests endpoint_usage counted but no payload table logged (a 429 storm) are attributed too, and counted apart as not logged.</>}
      query={query}
      headerExtra={controls}
      csvHref={queryUrl('ops-errors-breakdown', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests in this range.</>}
    >
      {(d) => (
        <div className="max-h-80 overflow-auto">
          <table className="sticky-first w-full min-w-[36rem] text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr><th className="py-1 pr-3">{BY_LABEL[ops.errorsBy]}</th><th className="pr-3 text-right">Requests</th><th className="pr-3 text-right">Failed</th><th className="pr-3 text-right">429</th><th className="pr-3 text-right">5xx</th><th className="pr-3 text-right" title="Failed requests endpoint_usage counted that no payload table logged: no body to open">Not logged</th><th className="w-1/4">Error rate</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.group_value} className="border-t border-slate-100">
                  <td className="max-w-64 truncate py-1 pr-3" title={r.group_value}>{ops.errorsBy === 'requester' ? <Principal id={r.group_value} names={names} /> : r.group_value}</td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(r.requests)}</td>
                  <td className="pr-3 text-right tabular-nums">{failedHref(r.group_value) ? <IntentLink href={failedHref(r.group_value)!} className="text-sky-700 hover:underline" title="Open these failed requests" data-testid="breakdown-failed">{formatCount(r.errors)}</IntentLink> : formatCount(r.errors)}</td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(r.rate_limited)}</td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(r.server_errors)}</td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(r.unlogged_errors)}</td>
                  <td>
                    <div className="flex items-center gap-2">
                      <div className="h-2 rounded bg-red-400" style={{ width: `${Math.round(((r.error_rate ?? 0) / maxRate) * 100)}%`, minWidth: r.error_rate ? 2 : 0 }} />
                      <span className="text-xs tabular-nums">{formatPercent(r.error_rate)}</span>
                    </div>
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
