import type { AnyQuery } from '@/lib/catalogue/define';
import compareEntities from './compare-entities';
import compareEntityHistory from './compare-entity-history';
import compareLatencyHistogram from './compare-latency-histogram';
import compareShareOverTime from './compare-share-over-time';
import compareSideBySide from './compare-side-by-side';
import filterOptions from './filter-options';
import requestsOverTime from './requests-over-time';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one line here. */
export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(
  ([requestsOverTime, filterOptions, compareEntities, compareLatencyHistogram, compareShareOverTime, compareEntityHistory, compareSideBySide] as unknown as AnyQuery[]).map((q) => [q.id, q]),
);
