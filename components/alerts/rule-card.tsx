'use client';

import { useState } from 'react';
import { IntentLink } from '@/components/intent-link';
import { alertsApi, useChange, type Evaluation, type RuleItem } from '@/lib/alerts/client';
import { formatUtc, formatValue, unitOf } from '@/lib/alerts/format';
import { FiringHistory } from './firing-history';
import { StateBadge, workspaceState } from './state-badge';

const MUTE = [{ label: 'Mute 1 h', hours: 1 }, { label: 'Mute 24 h', hours: 24 }] as const;
const REPLAY = [{ label: 'last 24 hours', hours: 24 }, { label: 'last 3 days', hours: 72 }, { label: 'last 7 days', hours: 168 }] as const;

const button = 'rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40';

/** One rule: state, last evaluation, actions (test now, replay, mute, pause, edit, delete) and its firings. */
export function RuleCard({ item, now, currency, onEdit }: { item: RuleItem; now: string; currency: string; onEdit: (item: RuleItem) => void }) {
  const { rule, status, firings, workspace } = item;
  const [open, setOpen] = useState(firings.length > 0);
  const [replayHours, setReplayHours] = useState<number>(72);
  const [result, setResult] = useState<string | null>(null);
  const url = `/api/alerts/${encodeURIComponent(rule.id)}`;
  const patch = useChange((body: object) => alertsApi('PATCH', url, body));
  const remove = useChange(() => alertsApi('DELETE', url));
  const test = useChange(() => alertsApi<{ evaluation: Evaluation }>('POST', `${url}/test`));
  const replay = useChange((hours: number) => alertsApi<{ evaluations: number; firings: unknown[]; ms: number }>('POST', `${url}/replay`, { from: new Date(Date.parse(now) - hours * 3_600_000).toISOString(), to: now }));
  const unit = unitOf(rule.measure);
  const muted = rule.mutedUntil !== null && Date.parse(rule.mutedUntil) > Date.parse(now);
  const state = workspace && 'state' in workspace ? workspaceState(workspace.state) : status?.state ?? 'never';
  const busy = patch.isPending || remove.isPending || test.isPending || replay.isPending;
  const error = [patch, remove, test, replay].find((m) => m.error)?.error;
  const readOnly = rule.budget !== null;

  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="alert-rule" data-rule-id={rule.id} aria-busy={busy}>
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
            <span data-testid="alert-rule-name">{rule.name}</span>
            <StateBadge state={state} />
            {rule.paused && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs" data-testid="alert-paused">Paused</span>}
            {muted && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs" data-testid="alert-muted">Muted until {formatUtc(rule.mutedUntil!)}</span>}
          </h3>
          <p className="text-sm text-slate-600">{item.summary}</p>
          <p className="text-xs text-slate-500">
            Query {rule.query} · every {rule.everyMinutes} min · by {rule.owner}
            {rule.budget && <> · evaluated for a budget (<IntentLink className="text-sky-700 hover:underline" href={`/finance?${rule.page.search}`}>change it on Finance</IntentLink>)</>}
          </p>
          <p className="text-xs text-slate-600" data-testid="alert-last-evaluation">
            {status
              ? <>Last evaluated {formatUtc(status.evaluatedAt)}: {formatValue(status.value, unit, currency)} ({rule.condition.op} {formatValue(status.threshold, unit, currency)}){status.detail ? ` — ${status.detail}` : ''}</>
              : workspace && 'lastEvaluatedAt' in workspace
                ? <>Databricks evaluated it {workspace.lastEvaluatedAt ? formatUtc(workspace.lastEvaluatedAt) : 'not yet'} (SQL alert {workspace.alertId})</>
                : workspace ? <>The SQL alert is missing in the workspace: save the rule again to recreate it.</> : <>Not evaluated yet.</>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <button type="button" className={button} disabled={busy} onClick={() => test.mutate(undefined, { onSuccess: (r) => setResult(`Now: ${r.evaluation.state.replace('_', ' ')}, ${formatValue(r.evaluation.value, unit, currency)}${r.evaluation.detail ? ` — ${r.evaluation.detail}` : ''}`) })}>Test now</button>
          <span className="flex items-center gap-1">
            <select aria-label="Replay period" value={replayHours} onChange={(e) => setReplayHours(Number(e.target.value))} className="rounded border border-slate-300 px-1 py-1 text-xs">
              {REPLAY.map((r) => <option key={r.hours} value={r.hours}>{r.label}</option>)}
            </select>
            <button type="button" className={button} disabled={busy} onClick={() => replay.mutate(replayHours, { onSuccess: (r) => { setOpen(true); setResult(`Replayed ${r.evaluations} evaluations in ${(r.ms / 1000).toFixed(1)} s: ${r.firings.length} firing${r.firings.length === 1 ? '' : 's'}.`); } })}>Replay</button>
          </span>
          {!readOnly && (muted
            ? <button type="button" className={button} disabled={busy} onClick={() => patch.mutate({ mutedUntil: null })}>Unmute</button>
            : MUTE.map((m) => <button key={m.hours} type="button" className={button} disabled={busy} onClick={() => patch.mutate({ mutedUntil: new Date(Date.parse(now) + m.hours * 3_600_000).toISOString() })}>{m.label}</button>))}
          {!readOnly && <button type="button" className={button} disabled={busy} onClick={() => patch.mutate({ paused: !rule.paused })}>{rule.paused ? 'Resume' : 'Pause'}</button>}
          {!readOnly && <button type="button" className={button} disabled={busy} onClick={() => onEdit(item)}>Edit</button>}
          {!readOnly && <button type="button" className={`${button} text-red-700`} disabled={busy} onClick={() => { if (window.confirm(`Delete the rule "${rule.name}" and its history?`)) remove.mutate(undefined); }}>Delete</button>}
        </div>
      </header>
      {result && <p role="status" className="mt-2 text-sm text-slate-700" data-testid="alert-result">{result}</p>}
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error.message}</p>}
      <details className="mt-3" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">History ({firings.length} firing{firings.length === 1 ? '' : 's'})</summary>
        <div className="mt-2"><FiringHistory rule={rule} firings={firings} currency={currency} /></div>
      </details>
    </article>
  );
}
