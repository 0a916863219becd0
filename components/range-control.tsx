'use client';

import { useState } from 'react';
import { RANGE_LABEL, instantOf, rangeLabel, reportingZone, urlInstant, type DashboardState } from '@/lib/client/search-params';
import { CALENDAR_RANGES } from '@/lib/time/calendar';
import { RANGE_PRESETS } from '@/lib/time/ranges';
import { formatZonedInput, parseZonedInput } from '@/lib/time/zone';
import { Field, Select, inputClass } from './select';

/**
 * The time range: relative presets, calendar ranges in the reporting zone, or custom bounds typed
 * in that zone. "Custom" starts from the window on screen (`shown`), not from a fixed default.
 */
export function RangeControl({ state, shown, set }: { state: DashboardState; shown: { start: number; end: number } | null; set: (patch: Partial<DashboardState>) => void }) {
  const tz = reportingZone(state);
  return (
    <>
      <Field label="Time range">
        <Select
          aria-label="Time range"
          value={state.range}
          onCommit={(v) => {
            if (v !== 'custom') return set({ range: v, from: undefined, to: undefined });
            if (shown) set({ range: 'custom', from: urlInstant(shown.start), to: urlInstant(Math.ceil(shown.end / 60_000) * 60_000) });
          }}
          className={inputClass}
        >
          <optgroup label="Relative">
            {RANGE_PRESETS.map((r) => <option key={r} value={r}>{RANGE_LABEL[r]}</option>)}
            {!RANGE_LABEL[state.range] && <option value={state.range}>Last {state.range}</option>}
          </optgroup>
          <optgroup label={`Calendar (${tz})`}>
            {CALENDAR_RANGES.map((r) => <option key={r} value={r}>{RANGE_LABEL[r]}</option>)}
          </optgroup>
          <option value="custom" disabled={!shown && state.range !== 'custom'}>{state.range === 'custom' ? `Custom: ${rangeLabel(state)}` : 'Custom range…'}</option>
        </Select>
      </Field>
      {state.range === 'custom' && state.from && state.to && (
        <CustomRange key={`${state.from}|${state.to}|${tz}`} from={instantOf(state.from)!} to={instantOf(state.to)!} tz={tz} onApply={(from, to) => set({ range: 'custom', from: urlInstant(from), to: urlInstant(to) })} />
      )}
    </>
  );
}

/** datetime-local inputs read and written in the reporting zone; the URL keeps the instants. */
function CustomRange({ from, to, tz, onApply }: { from: number; to: number; tz: string; onApply: (from: number, to: number) => void }) {
  const [f, setF] = useState(formatZonedInput(from, tz));
  const [t, setT] = useState(formatZonedInput(to, tz));
  const fromMs = parseZonedInput(f, tz);
  const toMs = parseZonedInput(t, tz);
  const problem = fromMs === null ? 'From is not a date and time' : toMs === null ? 'To is not a date and time' : fromMs >= toMs ? 'From must be before To' : null;
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (!problem) onApply(fromMs!, toMs!); }} aria-label="Custom range">
      <Field label={`From (${tz})`}><input aria-label={`From (${tz})`} type="datetime-local" value={f} onChange={(e) => setF(e.target.value)} className={inputClass} /></Field>
      <Field label={`To (${tz})`}><input aria-label={`To (${tz})`} type="datetime-local" value={t} onChange={(e) => setT(e.target.value)} className={inputClass} /></Field>
      <button type="submit" disabled={Boolean(problem)} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Apply</button>
      {problem && <span role="status" className="basis-full text-xs text-amber-800">{problem}.</span>}
    </form>
  );
}
