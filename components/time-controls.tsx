'use client';

import { useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DashboardState } from '@/lib/client/search-params';
import { Field, Select, inputClass } from './select';

const noSubscribe = () => () => undefined;
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Reporting time zone, auto-refresh and "refresh now". The viewer's zone is read in the browser
 * only (the server renders without it) and written to the URL by name, so a shared link shows
 * the same buckets to everyone.
 */
export function TimeControls({ state, set }: { state: DashboardState; set: (patch: Partial<DashboardState>) => void }) {
  const local = useSyncExternalStore(noSubscribe, localZone, () => null);
  const client = useQueryClient();
  const tz = state.tz ?? 'UTC';
  return (
    <>
      <Field label="Time zone">
        <Select aria-label="Time zone" value={tz} onCommit={(v) => set({ tz: v === 'UTC' ? undefined : v })} className={inputClass}>
          <option value="UTC">UTC</option>
          {local && local !== 'UTC' && <option value={local}>Local ({local})</option>}
          {tz !== 'UTC' && tz !== local && <option value={tz}>{tz}</option>}
        </Select>
      </Field>
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700" title={state.range === 'custom' ? 'A custom range does not move' : 'Re-run every minute; "last 6 hours" keeps moving with the clock'}>
        <input type="checkbox" aria-label="Auto-refresh" checked={state.refresh !== false} disabled={state.range === 'custom'} onChange={(e) => set({ refresh: e.target.checked })} />
        Auto-refresh
      </label>
      <button
        type="button"
        onClick={() => client.invalidateQueries({ queryKey: ['catalogue'] })}
        className="self-end rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100"
      >
        Refresh now
      </button>
    </>
  );
}
