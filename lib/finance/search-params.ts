import type { Narrowing } from '@/lib/client/drill';
import { CONTEXT_KEY, DEFAULT_CONTEXT_KEY, DIMENSIONS, type Dimension } from './dimensions';

/** The finance page's own URL state, beside the shared DashboardState (range and filters). */
export interface FinanceState {
  dimension: Dimension;
  /** The usage_context key when dimension = 'context'. */
  contextKey: string;
  /** One value of the dimension being drilled into. */
  focus?: string;
  top: number;
  tokens: 'input' | 'output';
}

export const TOP_CHOICES = [5, 8, 12, 20] as const;
const DEFAULT_TOP = 8;

type Readable = { get(name: string): string | null };

export function readFinanceState(sp: Readable): FinanceState {
  const dim = sp.get('dim');
  const key = sp.get('key');
  const top = Number(sp.get('top'));
  const focus = sp.get('focus');
  return {
    dimension: (DIMENSIONS as readonly string[]).includes(dim ?? '') ? (dim as Dimension) : 'context',
    contextKey: key && CONTEXT_KEY.test(key) ? key : DEFAULT_CONTEXT_KEY,
    focus: focus && focus.length <= 256 ? focus : undefined,
    top: (TOP_CHOICES as readonly number[]).includes(top) ? top : DEFAULT_TOP,
    tokens: sp.get('tokens') === 'output' ? 'output' : 'input',
  };
}

/** Writes the finance state into a copy of the current query string, leaving defaults out. */
export function writeFinanceState(current: string, state: FinanceState): string {
  const qs = new URLSearchParams(current);
  const set = (k: string, v: string | undefined, dflt?: string) => (v === undefined || v === dflt ? qs.delete(k) : qs.set(k, v));
  set('dim', state.dimension, 'context');
  set('key', state.dimension === 'context' ? state.contextKey : undefined, DEFAULT_CONTEXT_KEY);
  set('focus', state.focus);
  set('top', String(state.top), String(DEFAULT_TOP));
  set('tokens', state.tokens, 'input');
  return qs.toString();
}

/** The finance parameters of the API, beside apiFilters(). */
export function financeApiParams(state: FinanceState, opts: { withFocus?: boolean } = {}): Record<string, string | undefined> {
  return {
    dimension: state.dimension,
    context_key: state.dimension === 'context' ? state.contextKey : undefined,
    focus: opts.withFocus === false ? undefined : state.focus,
  };
}

export function dimensionLabel(state: Pick<FinanceState, 'dimension' | 'contextKey'>): string {
  switch (state.dimension) {
    case 'context': return state.contextKey;
    case 'requester': return 'requester';
    case 'endpoint': return 'endpoint';
    case 'served_entity': return 'served entity';
    default: return 'model';
  }
}

/**
 * One value of a finance dimension as shared filters, so every page (and the inspector) can be
 * narrowed to it; null when no shared filter can say it (a priced model, "(other)", "(not set)",
 * a served entity whose id is unknown).
 */
export function valueAsNarrowing(state: Pick<FinanceState, 'dimension' | 'contextKey'>, value: string, entityIdOf: (name: string) => string | null = () => null): Narrowing | null {
  if (value === '(other)' || value === '(not set)') return null;
  switch (state.dimension) {
    case 'context': return { context: { key: state.contextKey, value } };
    case 'requester': return { requester: value };
    case 'endpoint': return { endpoint: value };
    case 'served_entity': {
      const id = entityIdOf(value);
      return id ? { entity: id } : null;
    }
    default: return null;
  }
}

/** The focus as shared filters (see valueAsNarrowing). */
export function focusAsNarrowing(fin: FinanceState, entityIdOf?: (name: string) => string | null): Narrowing | null {
  return fin.focus ? valueAsNarrowing(fin, fin.focus, entityIdOf) : null;
}
