'use client';

import { useMemo } from 'react';
import { apiFilters, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { Bucket } from '@/lib/time/buckets';
import { useFinanceConfig } from '@/lib/finance/use-finance-config';
import { CONTEXT_KEY } from '@/lib/finance/dimensions';
import { prepareCompare } from './prepare-compare';
import { priceLookupFrom } from './pricing';
import { prepareShare } from './prepare-share';
import { compareApiParams, type CompareState } from './search-params';

/** Shared filters plus the grouping: the parameters of every grouped compare query. */
export function compareParams(state: DashboardState, compare: CompareState): Record<string, string | undefined> {
  return { ...apiFilters(state), ...compareApiParams(compare) };
}

/**
 * The summary and the latency histogram of the chosen endpoint, and their comparison. Cards that
 * call this share the two requests through react-query's cache.
 */
export function useComparison(state: DashboardState, compare: CompareState) {
  const params = compareParams(state, compare);
  const live = state.range !== 'custom';
  const entities = useCatalogueQuery('compare-entities', params, { live, enabled: Boolean(state.endpoint) });
  const histogram = useCatalogueQuery('compare-latency-histogram', params, { live, enabled: Boolean(state.endpoint) });
  // Cost per request of each group, every request priced as Finance prices it: served entities and usage_context groups alike.
  const keyOk = compare.groupBy === 'served_entity' || CONTEXT_KEY.test(compare.contextKey);
  const costs = useCatalogueQuery('finance-breakdown', { ...apiFilters(state), dimension: compare.groupBy === 'context' ? 'context' : 'served_entity', context_key: compare.groupBy === 'context' ? compare.contextKey : undefined, top_n: '0' }, { live, enabled: Boolean(state.endpoint) && keyOk });
  const finance = useFinanceConfig();
  const book = finance.data?.priceBook;
  const prepared = useMemo(() => {
    if (!entities.data || !state.endpoint) return null;
    // Prices in force at the end of the range, as the finance view applies them per day.
    // eslint-disable-next-line no-restricted-syntax -- only a query without a time window has no window end; then today's prices
    const date = (entities.data.window?.end ?? new Date().toISOString()).slice(0, 10);
    const costMap = costs.data ? new Map(costs.data.rows.map((r) => [r.value, r.cost_per_request])) : undefined;
    return prepareCompare(entities.data.rows, histogram.data?.rows ?? null, { endpoint: state.endpoint, baseline: compare.baseline, price: priceLookupFrom(book, date), costs: costMap });
  }, [entities.data, histogram.data, costs.data, state.endpoint, compare.baseline, book]);
  return { params, entities, histogram, prepared };
}

/** served_entities history of the endpoint: names, earlier versions, change marks. */
export function useEntityHistory(state: DashboardState) {
  return useCatalogueQuery('compare-entity-history', { ...apiFilters(state), served_entity: undefined }, { enabled: Boolean(state.endpoint) });
}

/** Share and latency over time, named and coloured like the entity table, with change marks. */
export function useShareOverTime(state: DashboardState, compare: CompareState) {
  const { params, prepared: comparison } = useComparison(state, compare);
  const query = useCatalogueQuery('compare-share-over-time', params, { live: state.range !== 'custom', enabled: Boolean(state.endpoint) });
  const history = useEntityHistory(state).data?.rows;
  const order = useMemo(() => comparison?.entities.map((e) => ({ key: e.key, label: e.label, color: e.color })) ?? [], [comparison]);
  const prepared = useMemo(() => {
    const d = query.data;
    if (!d?.window || !state.endpoint) return null;
    // "Still arriving" is judged when the data was fetched, which keeps render pure.
    return prepareShare(d.rows, { endpoint: state.endpoint, window: d.window, bucket: d.params.bucket as Bucket, now: Date.parse(d.now), tz: reportingZone(state), order, history });
  }, [query.data, state, order, history]);
  return { params, query, prepared };
}
