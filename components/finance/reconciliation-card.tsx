'use client';

import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { useFinanceConfig } from '@/lib/finance/use-finance-config';
import { formatMoney } from '@/lib/charts/format';


const frame = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

/** Billed serving cost beside the token estimate; hidden, with the reason, until billing is set up. */
export function ReconciliationCard({ state }: { state: DashboardState }) {
  const config = useFinanceConfig();
  const configured = config.data?.billing.configured === true;
  const params = apiFilters(state);
  const query = useCatalogueQuery('finance-reconciliation', params, { enabled: configured });
  if (!configured) {
    return (
      <section className={frame} data-testid="reconciliation-hidden">
        <h2 className="text-base font-semibold">Billed vs estimated cost</h2>
        <p className="mt-2 text-sm text-slate-600">
          {config.isPending ? 'Checking the billing configuration…' : config.error ? `The finance configuration failed to load: ${config.error.message}` : <>
            Hidden: no billing tables are configured. Set <code>BILLING_USAGE_TABLE</code> (usually <code>system.billing.usage</code>) and{' '}
            <code>BILLING_LIST_PRICES_TABLE</code> (<code>system.billing.list_prices</code>) and grant the app SELECT on them to compare the
            Model Serving cost Databricks bills per endpoint and day with the cost estimated here from tokens.
          </>}
        </p>
      </section>
    );
  }
  return (
    <ChartCard
      testId="finance-reconciliation"
      title="Billed vs estimated cost"
      subtitle={<>Per endpoint and UTC day: <code>system.billing.usage</code> at list price (whole days) beside the price-book estimate. External models are billed by their provider, not here.</>}
      query={query}
      csvHref={queryUrl('finance-reconciliation', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty="Neither billing rows nor priced requests in this range."
    >
      {(d) => (
        <div className="max-h-80 overflow-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr><th className="text-left font-normal">Day (UTC)</th><th className="text-left font-normal">Endpoint</th><th className="text-right font-normal">Billed</th><th className="text-right font-normal">Estimated</th><th className="text-right font-normal">Difference</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.day}-${r.endpoint_name}`} className="border-t border-slate-100">
                  <td>{r.day.slice(0, 10)}</td>
                  <td>{r.endpoint_name ?? '–'}</td>
                  <td className="text-right tabular-nums">{r.billed_cost === null ? 'not billed' : formatMoney(r.billed_cost, r.billed_currency ?? 'USD')}</td>
                  <td className="text-right tabular-nums">{r.estimated_cost === null ? 'unpriced' : formatMoney(r.estimated_cost, r.currency)}</td>
                  <td className="text-right tabular-nums">{r.difference === null ? '–' : formatMoney(r.difference, r.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
