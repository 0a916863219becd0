'use client';

import type { DashboardState } from '@/lib/client/search-params';
import type { FinanceState } from '@/lib/finance/search-params';
import { useFinanceQuery } from '@/lib/finance/use-finance-query';

/** Says plainly when token counts cannot come from endpoint_usage (it usually needs admin rights). */
export function TokenSourceBanner({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const { query } = useFinanceQuery('finance-summary', state, fin);
  if (query.data?.endpointUsage !== 'unreadable') return null;
  return (
    <div role="status" data-testid="usage-unreadable" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <strong>endpoint_usage is not readable by the dashboard</strong> (it usually needs admin rights), so token counts come from the
      responses&apos; <code>usage</code> blocks and, where there are none, from the estimate (characters + 1) / 4 of the logged bodies;
      usage_context is read from the request bodies. Requests that never reached the payload tables are not counted. Grant SELECT on
      the table named by ENDPOINT_USAGE_TABLE to see measured counts.
    </div>
  );
}
