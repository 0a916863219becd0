import type { EvalState } from '@/lib/alerts/store';

const STYLE: Record<EvalState | 'never', string> = {
  ok: 'bg-emerald-100 text-emerald-800',
  triggered: 'bg-red-100 text-red-800',
  no_data: 'bg-slate-100 text-slate-700',
  error: 'bg-amber-100 text-amber-900',
  never: 'bg-slate-50 text-slate-500 border border-dashed border-slate-300',
};
const LABEL: Record<EvalState | 'never', string> = { ok: 'OK', triggered: 'Triggered', no_data: 'No data', error: 'Error', never: 'Not evaluated yet' };

/** A rule's state as a pill: ok, triggered, no data, error, or not evaluated yet. */
export function StateBadge({ state }: { state: EvalState | 'never' }) {
  return <span data-testid="alert-state" data-state={state} className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[state]}`}>{LABEL[state]}</span>;
}

/** Databricks reports UNKNOWN / OK / TRIGGERED / ERROR: the same pill. */
export function workspaceState(state: string | null): EvalState | 'never' {
  if (state === 'OK') return 'ok';
  if (state === 'TRIGGERED') return 'triggered';
  if (state === 'ERROR') return 'error';
  return 'never';
}
