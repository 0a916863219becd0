'use client';

import { useQuery } from '@tanstack/react-query';
import { alertsApi, useChange } from '@/lib/alerts/client';
import { formatUtc } from '@/lib/alerts/format';

interface Incident { name: string; start: string; end: string; description: string }
interface DemoState { live: boolean; fedUntil: string | null; incidents: Incident[]; replayable: { kind: string; minutes: number; what: string }[] }

const LABEL: Record<string, string> = { latency_spike: 'Latency spike', provider_5xx_burst: 'Provider 5xx burst', rate_limit_storm: '429 storm', cost_spike: 'Cost spike' };

/** The live demo: where its feed stands, and an incident replayed from now on. Hidden unless the demo lives. */
export function DemoPanel() {
  const state = useQuery({ queryKey: ['demo'], queryFn: () => alertsApi<DemoState>('GET', '/api/demo/incidents'), refetchInterval: 60_000 });
  const replay = useChange((kind: string) => alertsApi('POST', '/api/demo/incidents', { kind }), [['demo']]);
  if (!state.data?.live) return null;
  const recent = state.data.incidents.slice(-3).reverse();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="demo-panel" aria-labelledby="demo-title">
      <h2 id="demo-title" className="text-base font-semibold">Live demo</h2>
      <p className="text-sm text-slate-600">Requests are appended every minute{state.data.fedUntil ? ` (fed until ${formatUtc(state.data.fedUntil)})` : ''}. Replay an incident from now on and watch your rules:</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {state.data.replayable.map((r) => (
          <button key={r.kind} type="button" title={r.what} disabled={replay.isPending} onClick={() => replay.mutate(r.kind)} className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40">
            {LABEL[r.kind] ?? r.kind} ({r.minutes} min)
          </button>
        ))}
      </div>
      {replay.error && <p role="alert" className="mt-2 text-sm text-red-700">{replay.error.message}</p>}
      {recent.length > 0 && <ul className="mt-2 text-xs text-slate-600">{recent.map((i) => <li key={`${i.name}-${i.start}`}>{LABEL[i.name] ?? i.name}: {formatUtc(i.start)} – {formatUtc(i.end).slice(11)}</li>)}</ul>}
    </section>
  );
}
