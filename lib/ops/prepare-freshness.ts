import type { QueryRow } from '@/queries';

export type FreshnessRow = QueryRow<'ops-freshness'>;
export { formatAge, freshnessOf, type Freshness } from '@/lib/time/freshness';
