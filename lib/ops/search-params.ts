import { parseKeywords } from './keywords';

/** State of the ops page beyond the shared filters, kept in the URL like them. */
export interface OpsState {
  latencySplit: 'none' | 'endpoint' | 'served_entity';
  percentile: 'p50' | 'p95' | 'p99';
  errorsBy: 'requester' | 'usage_context' | 'input_size';
  contextKey: string;
  topics: string;
}

export const OPS_DEFAULTS: OpsState = { latencySplit: 'none', percentile: 'p95', errorsBy: 'requester', contextKey: 'project', topics: '' };

type Readable = { get(name: string): string | null };
const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T => ((allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback);

export function readOpsState(sp: Readable): OpsState {
  const ctx = sp.get('ctx') ?? '';
  return {
    latencySplit: oneOf(sp.get('lsplit'), ['none', 'endpoint', 'served_entity'] as const, OPS_DEFAULTS.latencySplit),
    percentile: oneOf(sp.get('pct'), ['p50', 'p95', 'p99'] as const, OPS_DEFAULTS.percentile),
    errorsBy: oneOf(sp.get('eby'), ['requester', 'usage_context', 'input_size'] as const, OPS_DEFAULTS.errorsBy),
    contextKey: /^[A-Za-z0-9_]{1,64}$/.test(ctx) ? ctx : OPS_DEFAULTS.contextKey,
    topics: parseKeywords(sp.get('topics') ?? '').join(', '),
  };
}

/** Writes the ops state into existing query parameters, leaving defaults out. */
export function writeOpsState(base: URLSearchParams, state: OpsState): string {
  const qs = new URLSearchParams(base);
  const set = (k: string, v: string, d: string) => (v && v !== d ? qs.set(k, v) : qs.delete(k));
  set('lsplit', state.latencySplit, OPS_DEFAULTS.latencySplit);
  set('pct', state.percentile, OPS_DEFAULTS.percentile);
  set('eby', state.errorsBy, OPS_DEFAULTS.errorsBy);
  set('ctx', state.contextKey, OPS_DEFAULTS.contextKey);
  set('topics', state.topics, '');
  return qs.toString();
}
