'use client';

import { useMemo } from 'react';
import { apiFilters, type DashboardState } from './search-params';
import { useCatalogueQuery } from './use-catalogue-query';

/**
 * The endpoints and served entities with traffic in the window, whatever the filters (so the
 * lists never empty themselves): one request, shared by the filter bar and the pages through
 * the cache. `entityIdOf` finds a served entity's id by its name (on the endpoint, when one is chosen).
 */
export function useFilterOptions(state: DashboardState) {
  const query = useCatalogueQuery('filter-options', { ...apiFilters(state), endpoint: undefined, served_entity: undefined, requester: undefined, status: undefined, usage_context: undefined, usage_context_2: undefined });
  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const entityIdOf = useMemo(() => (name: string) => rows.find((r) => r.served_entity_name === name && (!state.endpoint || r.endpoint_name === state.endpoint))?.served_entity_id ?? null, [rows, state.endpoint]);
  return { query, rows, entityIdOf };
}
