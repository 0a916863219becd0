import type { AnyQuery } from '@/lib/catalogue/define';
import filterOptions from './filter-options';
import requestsOverTime from './requests-over-time';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one line here. */
export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(
  ([requestsOverTime, filterOptions] as unknown as AnyQuery[]).map((q) => [q.id, q]),
);
