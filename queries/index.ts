import type { AnyQuery } from '@/lib/catalogue/define';
import filterOptions from './filter-options';
import requestsOverTime from './requests-over-time';
import inspectorRequests from './inspector-requests';
import inspectorThread from './inspector-thread';
import inspectorTopQuestions from './inspector-top-questions';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one line here. */
export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(
  ([requestsOverTime, filterOptions, inspectorRequests, inspectorThread, inspectorTopQuestions] as unknown as AnyQuery[]).map((q) => [q.id, q]),
);
