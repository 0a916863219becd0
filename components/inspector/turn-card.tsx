import type { ShownTurn } from '@/lib/inspector/prepare-transcript';
import { formatArguments, roleLabel } from '@/lib/inspector/prepare-transcript';

const TONE: Record<string, string> = {
  system: 'border-slate-300 bg-slate-50',
  developer: 'border-slate-300 bg-slate-50',
  user: 'border-sky-200 bg-sky-50',
  assistant: 'border-emerald-200 bg-white',
  tool: 'border-violet-200 bg-violet-50',
  other: 'border-amber-200 bg-amber-50',
};

/** One turn. Every payload string is a React text node: markup in it is shown, never run. */
export function TurnCard({ shown }: { shown: ShownTurn }) {
  const { turn, parts } = shown;
  return (
    <li className="flex flex-col gap-1" style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 120px' }}>
      {shown.heading && <h3 className="mt-2 text-sm font-semibold text-slate-700" data-testid="choice-heading">{shown.heading}</h3>}
      <div className={`rounded-md border p-3 ${TONE[turn.role]}`} data-testid="turn" data-role={turn.role} data-final={shown.final || undefined}>
        <div className="mb-1 flex flex-wrap items-baseline gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          <span>{roleLabel(shown)}</span>
          {turn.toolCallId && <span className="font-mono normal-case">result of {turn.toolCallId}</span>}
        </div>
        {parts.map((p, k) => (
          <div key={k} className="mb-1 last:mb-0">
            {p.part.kind === 'text' ? (
              <div className="whitespace-pre-wrap break-words text-sm leading-relaxed" data-testid="turn-text">{p.part.text}</div>
            ) : p.part.kind === 'reasoning' ? (
              <details open className="rounded border border-slate-200 bg-slate-50 px-2 py-1 text-xs text-slate-700" data-testid="reasoning">
                <summary className="cursor-pointer font-semibold text-slate-600">Reasoning</summary>
                <div className="mt-1 whitespace-pre-wrap break-words">{p.part.text || 'Not logged (redacted or summary omitted).'}</div>
              </details>
            ) : p.part.kind === 'image' ? (
              <div className="inline-flex items-center gap-2 rounded border border-dashed border-slate-400 bg-white px-2 py-1 text-xs text-slate-600" data-testid="image-placeholder">🖼 {p.part.label}</div>
            ) : (
              <div className="text-xs italic text-slate-600">{p.part.label}</div>
            )}
            {p.hidden > 0 && <div className="mt-1 text-xs text-amber-800">… {p.hidden.toLocaleString('en-US')} more characters (use “Show all” or download)</div>}
          </div>
        ))}
        {turn.toolCalls.map((c, k) => (
          <div key={k} className="mt-2 rounded border border-violet-200 bg-white p-2" data-testid="tool-call">
            <div className="text-xs font-semibold text-violet-900">Tool call <span className="font-mono">{c.name}</span>{c.id && <span className="ml-2 font-mono font-normal text-slate-500">{c.id}</span>}</div>
            {c.arguments && <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words text-xs">{formatArguments(c.arguments)}</pre>}
          </div>
        ))}
      </div>
    </li>
  );
}
