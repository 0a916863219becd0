import type { QueryPlan } from '@/lib/catalogue/plan';

/**
 * What a panel must say about the data it could not read (lib/catalogue/plan.ts): each left-out
 * source, the table and what was done instead. Empty when everything was read.
 */
export function planNotices(plan: Pick<QueryPlan, 'endpointUsage' | 'servedEntities' | 'skippedPayload' | 'relations'> | undefined, tables: { endpointUsage?: string; servedEntities?: string } = {}): string[] {
  if (!plan) return [];
  const out: string[] = [];
  const reads = (name: string) => plan.relations.some((r) => r.name === name);
  for (const t of plan.skippedPayload) out.push(`Left out ${t}: this identity cannot read it, so its endpoint is not in this panel. Ask for SELECT on it (docs/deploy.md lists the grants).`);
  if (plan.endpointUsage === 'unreadable' && (reads('usage_rows') || reads('unlogged_requests'))) {
    out.push(`${tables.endpointUsage ?? 'endpoint_usage'} cannot be read with this identity: tokens and usage_context come from the payload tables, and requests it alone counted are missing. Ask for SELECT on it (docs/deploy.md).`);
  }
  if (plan.servedEntities === 'unreadable' && reads('served_entities_latest')) {
    out.push(`${tables.servedEntities ?? 'served_entities'} cannot be read with this identity: served entities are shown by id. Ask for SELECT on it (docs/deploy.md).`);
  }
  return out;
}
