'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { alertsApi, useChange, useDestinations, type EditorChoices, type Evaluation, type Measure, type Rule, type RuleInput } from '@/lib/alerts/client';
import { INPUT_UNIT, formatValue, unitOf } from '@/lib/alerts/format';
import { AGGREGATIONS, EVERY_MINUTES, OPERATORS } from '@/lib/alerts/constants';

export interface EditorStart {
  query: string;
  /** The chart's parameters (its API request), or the rule's own when editing. */
  params: Record<string, string>;
  page: { path: string; search: string };
  rule?: Rule;
}

const field = 'flex flex-col gap-1 text-xs text-slate-600';
const input = 'rounded border border-slate-300 px-2 py-1 text-sm text-slate-900';
const sameWindow = (a: RuleInput['window'], b: RuleInput['window']) => JSON.stringify(a) === JSON.stringify(b);

/** The schedule that fits a window: as often as it is long, between 1 minute and an hour. */
function everyFor(w: RuleInput['window']): number {
  const m = w.kind === 'last' ? w.minutes : 60;
  return [...EVERY_MINUTES].reverse().find((e) => e <= Math.min(m, 60)) ?? 1;
}

/**
 * The rule editor, prefilled from a chart ("Alert on this") or a rule: the chart's query and
 * filters, a measure from its columns (presets first), a window it can run over unattended, a
 * threshold in the measure's unit and/or a baseline, a schedule and where to notify.
 */
export function RuleEditor({ start, onDone, onCancel }: { start: EditorStart; onDone: (rule: Rule) => void; onCancel: () => void }) {
  const choices = useQuery({
    queryKey: ['alerts', 'catalogue', start.query, start.params],
    queryFn: () => alertsApi<EditorChoices>('GET', `/api/alerts/catalogue?query=${encodeURIComponent(start.query)}&params=${encodeURIComponent(JSON.stringify(start.params))}`),
    staleTime: Infinity,
  });
  if (choices.error) return <EditorFrame onCancel={onCancel}><p role="alert" className="text-sm text-red-700">{choices.error.message}</p></EditorFrame>;
  if (!choices.data) return <EditorFrame onCancel={onCancel}><p className="text-sm text-slate-500">Reading the chart&apos;s query…</p></EditorFrame>;
  return <EditorForm choices={choices.data} start={start} onDone={onDone} onCancel={onCancel} />;
}

function EditorFrame({ children, onCancel, title = 'New alert rule' }: { children: React.ReactNode; onCancel: () => void; title?: string }) {
  return (
    <section aria-label="Alert rule editor" data-testid="alert-editor" className="rounded-lg border-2 border-sky-300 bg-white p-4 shadow">
      <header className="mb-3 flex items-center gap-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <button type="button" onClick={onCancel} className="ml-auto text-sm text-slate-600 hover:underline">Cancel</button>
      </header>
      {children}
    </section>
  );
}

function EditorForm({ choices, start, onDone, onCancel }: { choices: EditorChoices; start: EditorStart; onDone: (rule: Rule) => void; onCancel: () => void }) {
  const editing = start.rule;
  const okWindows = choices.windows.filter((w) => w.ok);
  const [measure, setMeasure] = useState<Measure>(editing?.measure ?? choices.presets[0]?.measure ?? { column: choices.columns[0]?.name ?? '', aggregation: 'MAX', where: {} });
  const [windowIdx, setWindowIdx] = useState(() => Math.max(0, editing ? choices.windows.findIndex((w) => sameWindow(w.window, editing.window)) : choices.windows.findIndex((w) => w.ok)));
  const win = choices.windows[windowIdx]?.window ?? editing?.window ?? { kind: 'last' as const, minutes: 60 };
  const [op, setOp] = useState<RuleInput['condition']['op']>(editing?.condition.op ?? choices.presets[0]?.op ?? '>');
  const unit = unitOf(measure);
  const [typed, setTyped] = useState(editing?.condition.threshold != null ? String(INPUT_UNIT[unit].toTyped(editing.condition.threshold)) : '');
  const [baseline, setBaseline] = useState<'none' | 'day' | 'week'>(editing?.condition.baseline?.shift ?? 'none');
  const [factor, setFactor] = useState(String(editing?.condition.baseline?.factor ?? 3));
  const [emptyResult, setEmptyResult] = useState<RuleInput['emptyResult']>(editing?.emptyResult ?? choices.presets[0]?.emptyResult ?? 'no_data');
  const [every, setEvery] = useState<number | null>(editing?.everyMinutes ?? null);
  const destinations = useDestinations();
  const [picked, setPicked] = useState<string[] | null>(editing?.notify.destinations ?? null);
  const [emails, setEmails] = useState((editing?.notify.emails ?? []).join(', '));
  const [notifyOnOk, setNotifyOnOk] = useState(editing?.notify.notifyOnOk ?? true);
  const [name, setName] = useState(editing?.name ?? '');
  const [sql, setSql] = useState<{ sql: string | null; evaluation: Evaluation | null; problems: { path: string; message: string }[] } | null>(null);

  const numeric = choices.columns.filter((c) => c.kind === 'number');
  const text = choices.columns.filter((c) => c.kind === 'text');
  const preset = choices.presets.find((p) => JSON.stringify(p.measure) === JSON.stringify(measure));
  const threshold = typed.trim() === '' || !Number.isFinite(Number(typed)) ? null : INPUT_UNIT[unit].toValue(Number(typed));
  const scope = choices.params.endpoint ? ` of ${choices.params.endpoint}` : '';
  const windowLabel = choices.windows[windowIdx]?.label ?? '';
  const suggested = `${preset?.label ?? measure.column}${scope} ${op} ${typed || '…'}${INPUT_UNIT[unit].label ? ` ${INPUT_UNIT[unit].label}` : ''} over ${windowLabel.replace(/^the last /, '')}`;
  const chosen = picked ?? (destinations.data?.destinations.some((d) => d.id === 'default') ? ['default'] : []);

  const body: RuleInput = {
    name: name.trim() || suggested,
    query: choices.query.id,
    params: choices.params,
    window: win,
    measure,
    condition: { op, threshold, baseline: baseline === 'none' ? null : { shift: baseline, factor: Number(factor) } },
    emptyResult,
    everyMinutes: every ?? everyFor(win),
    notify: { destinations: chosen, emails: emails.split(/[,\s]+/).filter(Boolean), notifyOnOk, retriggerMinutes: editing?.notify.retriggerMinutes ?? 0 },
    page: start.page.path === '/alerts' ? editing?.page ?? { path: '/ops', search: '' } : { path: start.page.path as RuleInput['page']['path'], search: start.page.search },
    paused: editing?.paused ?? false,
  };

  const save = useChange(() => (editing
    ? alertsApi<{ rule: Rule }>('PATCH', `/api/alerts/${encodeURIComponent(editing.id)}`, body)
    : alertsApi<{ rule: Rule }>('POST', '/api/alerts', body)));
  const preview = useChange(() => alertsApi<NonNullable<typeof sql>>('POST', '/api/alerts/preview?evaluate=1', body), []);
  const setM = (patch: Partial<Measure>) => setMeasure((m) => ({ ...m, ...patch }));

  return (
    <EditorFrame onCancel={onCancel} title={editing ? `Edit "${editing.name}"` : 'New alert rule'}>
      <p className="mb-3 text-sm text-slate-600">
        On <strong>{choices.query.title}</strong> ({choices.query.id}){Object.keys(choices.params).length > 0 && <> with {Object.entries(choices.params).map(([k, v]) => `${k} = ${v}`).join(', ')}</>}.
        {choices.dropped.length > 0 && <> Not carried over: {choices.dropped.join(', ')}.</>}
      </p>
      {choices.problem && <p role="alert" className="mb-3 text-sm text-red-700">{choices.problem}</p>}
      <form className="grid gap-3 md:grid-cols-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined, { onSuccess: (r) => onDone(r.rule) }); }}>
        <label className={field}>Measure
          <select aria-label="Measure" className={input} value={preset ? String(choices.presets.indexOf(preset)) : 'custom'} onChange={(e) => {
            const p = choices.presets[Number(e.target.value)];
            if (p) { setMeasure(p.measure); if (p.op) setOp(p.op); if (p.emptyResult) setEmptyResult(p.emptyResult); }
          }}>
            {choices.presets.map((p, i) => <option key={p.label} value={i}>{p.label}</option>)}
            {!preset && <option value="custom">{measure.aggregation.toLowerCase()}({measure.column})</option>}
          </select>
        </label>
        <label className={field}>Window
          <select aria-label="Window" className={input} value={windowIdx} onChange={(e) => setWindowIdx(Number(e.target.value))}>
            {choices.windows.map((w, i) => <option key={w.label} value={i} disabled={!w.ok} title={w.reason}>{w.label}{w.ok ? '' : ' (not with these filters)'}</option>)}
          </select>
        </label>
        <div className={field}>Condition
          <span className="flex gap-1">
            <select aria-label="Comparison" className={input} value={op} onChange={(e) => setOp(e.target.value as typeof op)}>
              {OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
            <input aria-label="Threshold" className={`${input} w-28`} inputMode="decimal" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="threshold" />
            <span className="self-center text-sm text-slate-700">{INPUT_UNIT[unit].label}</span>
          </span>
        </div>
        <label className={field}>Baseline (the same window earlier)
          <span className="flex gap-1">
            <select aria-label="Baseline" className={input} value={baseline} onChange={(e) => setBaseline(e.target.value as typeof baseline)} disabled={Boolean(measure.groupBy)}>
              <option value="none">none</option><option value="day">a day earlier</option><option value="week">a week earlier</option>
            </select>
            {baseline !== 'none' && <><span className="self-center">×</span><input aria-label="Baseline factor" className={`${input} w-16`} value={factor} onChange={(e) => setFactor(e.target.value)} /></>}
          </span>
        </label>
        <label className={field}>When the window has no rows
          <select aria-label="Empty result" className={input} value={emptyResult} onChange={(e) => setEmptyResult(e.target.value as typeof emptyResult)}>
            <option value="no_data">no data</option><option value="ok">OK</option><option value="triggered">triggered</option>
          </select>
        </label>
        <label className={field}>Evaluate every
          <select aria-label="Every" className={input} value={every ?? everyFor(win)} onChange={(e) => setEvery(Number(e.target.value))}>
            {EVERY_MINUTES.map((m) => <option key={m} value={m}>{m < 60 ? `${m} min` : `${m / 60} h`}</option>)}
          </select>
        </label>
        <details className="md:col-span-3">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">Measure in detail: column, aggregation, ratio, filter, groups, minimum sample</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-3">
            <label className={field}>Column<select aria-label="Column" className={input} value={measure.column} onChange={(e) => setM({ column: e.target.value })}>{choices.columns.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.kind})</option>)}</select></label>
            <label className={field}>Aggregation<select aria-label="Aggregation" className={input} value={measure.aggregation} onChange={(e) => setM({ aggregation: e.target.value as Measure['aggregation'] })}>{AGGREGATIONS.map((a) => <option key={a} value={a}>{a}</option>)}</select></label>
            <label className={field}>Divided by<select aria-label="Divided by" className={input} value={measure.per ?? ''} onChange={(e) => setM({ per: e.target.value || undefined })}><option value="">—</option>{numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}</select></label>
            <label className={field}>One value per<select aria-label="Group by" className={input} value={measure.groupBy ?? ''} onChange={(e) => setM({ groupBy: e.target.value || undefined })}><option value="">—</option>{text.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}</select></label>
            <label className={field}>Rows where ({Object.entries(measure.where).map(([k, v]) => `${k} = ${v}`).join(', ') || 'all rows'})
              <WhereInput columns={text.map((c) => c.name)} onAdd={(k, v) => setM({ where: { ...measure.where, [k]: v } })} onClear={() => setM({ where: {} })} />
            </label>
            <label className={field}>Judge only with at least
              <span className="flex gap-1">
                <input aria-label="Minimum" className={`${input} w-20`} inputMode="numeric" value={measure.atLeast?.min ?? ''} onChange={(e) => setM({ atLeast: e.target.value ? { column: measure.atLeast?.column ?? numeric[0]?.name ?? '', min: Number(e.target.value) } : undefined })} />
                <select aria-label="Minimum of" className={input} value={measure.atLeast?.column ?? numeric[0]?.name} onChange={(e) => measure.atLeast && setM({ atLeast: { ...measure.atLeast, column: e.target.value } })}>{numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}</select>
              </span>
            </label>
          </div>
        </details>
        <fieldset className="md:col-span-3 text-xs text-slate-600">
          <legend>Notify</legend>
          <span className="flex flex-wrap items-center gap-3">
            {(destinations.data?.destinations ?? []).map((d) => (
              <label key={d.id} className="flex items-center gap-1"><input type="checkbox" checked={chosen.includes(d.id)} onChange={(e) => setPicked(e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id))} />{d.name} ({d.type.toLowerCase()})</label>
            ))}
            {destinations.data?.destinations.length === 0 && <span>No destinations: set ALERT_WEBHOOKS (embedded) or ask a workspace admin for a notification destination. Firings are kept in the history either way.</span>}
            <label className="flex items-center gap-1"><input type="checkbox" checked={notifyOnOk} onChange={(e) => setNotifyOnOk(e.target.checked)} />also when it is OK again</label>
            <input aria-label="E-mails (Databricks)" className={`${input} w-64`} placeholder="e-mails (Databricks alerts)" value={emails} onChange={(e) => setEmails(e.target.value)} />
          </span>
        </fieldset>
        <label className={`${field} md:col-span-2`}>Name
          <input aria-label="Rule name" className={input} value={name} placeholder={suggested} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" disabled={save.isPending || okWindows.length === 0} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">{editing ? 'Save rule' : 'Create alert'}</button>
          <button type="button" className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100" onClick={() => preview.mutate(undefined, { onSuccess: setSql })}>SQL and value now</button>
        </div>
      </form>
      {save.error && <p role="alert" className="mt-2 text-sm text-red-700">{save.error.message}</p>}
      {preview.error && <p role="alert" className="mt-2 text-sm text-red-700">{preview.error.message}</p>}
      {sql && (
        <div className="mt-3" data-testid="alert-preview">
          {sql.problems.map((p) => <p key={p.path} className="text-sm text-red-700">{p.path}: {p.message}</p>)}
          {sql.evaluation && <p className="text-sm text-slate-700">Now: {sql.evaluation.state.replace('_', ' ')}, {formatValue(sql.evaluation.value, unit)}{sql.evaluation.detail ? ` — ${sql.evaluation.detail}` : ''}</p>}
          {sql.sql && <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{sql.sql}</pre>}
          <p className="mt-1 text-xs text-slate-500">The SQL Databricks runs for this alert; paste it into the SQL editor to see its value.</p>
        </div>
      )}
    </EditorFrame>
  );
}

function WhereInput({ columns, onAdd, onClear }: { columns: string[]; onAdd: (k: string, v: string) => void; onClear: () => void }) {
  const [k, setK] = useState(columns[0] ?? '');
  const [v, setV] = useState('');
  return (
    <span className="flex gap-1">
      <select aria-label="Filter column" className={input} value={k} onChange={(e) => setK(e.target.value)}>{columns.map((c) => <option key={c} value={c}>{c}</option>)}</select>
      <input aria-label="Filter value" className={`${input} w-28`} value={v} onChange={(e) => setV(e.target.value)} />
      <button type="button" className="rounded border border-slate-300 px-2 text-xs" disabled={!k || !v} onClick={() => { onAdd(k, v); setV(''); }}>Add</button>
      <button type="button" className="rounded border border-slate-300 px-2 text-xs" onClick={onClear}>Clear</button>
    </span>
  );
}
