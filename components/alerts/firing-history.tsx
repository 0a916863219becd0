import { IntentLink } from '@/components/intent-link';
import { formatUtc, formatValue, momentHref, unitOf, windowMinutes } from '@/lib/alerts/format';
import type { Firing, Rule } from '@/lib/alerts/client';

const SOURCE: Record<Firing['source'], string> = { schedule: 'scheduled', test: 'test now', replay: 'replay' };

/** A rule's firings, newest first: the time each covers (a link to that moment on its page), its worst value and how it was found. */
export function FiringHistory({ rule, firings, currency }: { rule: Rule; firings: Firing[]; currency: string }) {
  if (firings.length === 0) return <p className="text-sm text-slate-500" data-testid="alert-history-empty">It has not fired. Replay it over a past period to see when it would have.</p>;
  const unit = unitOf(rule.measure);
  return (
    <table className="w-full text-sm" data-testid="alert-history">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="py-1 pr-3 font-medium">Fired for</th>
          <th className="py-1 pr-3 font-medium">Worst value</th>
          <th className="py-1 pr-3 font-medium">Found by</th>
          <th className="py-1 font-medium">Status</th>
        </tr>
      </thead>
      <tbody>
        {firings.map((f) => (
          <tr key={f.id} className="border-t border-slate-100" data-testid="alert-firing">
            <td className="py-1 pr-3">
              <IntentLink href={momentHref(rule.page, { start: f.windowStart, end: f.windowEnd }, windowMinutes(rule.window))} className="text-sky-700 hover:underline" data-testid="alert-firing-link">
                {formatUtc(f.windowStart)} – {formatUtc(f.windowEnd).slice(11)}
              </IntentLink>
              {f.detail && <span className="ml-2 text-xs text-slate-500">{f.detail}</span>}
            </td>
            <td className="py-1 pr-3 tabular-nums">{formatValue(f.peakValue, unit, currency)} <span className="text-xs text-slate-500">({rule.condition.op} {formatValue(f.threshold, unit, currency)})</span></td>
            <td className="py-1 pr-3 text-slate-600">{SOURCE[f.source]}{f.notified ? ', notified' : ''}</td>
            <td className="py-1 text-slate-600">{f.endedAt ? `resolved ${formatUtc(f.endedAt).slice(11)}` : 'still firing'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
