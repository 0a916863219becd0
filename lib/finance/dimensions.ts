/** Finance dimensions, shared by the browser and the server (no server-only imports here). */
export const DIMENSIONS = ['context', 'requester', 'endpoint', 'served_entity', 'model'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** usage_context keys usable as a JSON path step on both engines: the shared filter's rule. */
export { CONTEXT_FILTER_KEY as CONTEXT_KEY } from '@/lib/identifiers';
export const DEFAULT_CONTEXT_KEY = 'end_user_to_charge';
