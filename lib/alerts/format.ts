import { formatMoney, formatMs, formatPercent } from '@/lib/charts/format';
import { formatZonedTimestamp } from '@/lib/time/zone';
import type { Measure } from './rules';

/**
 * Units of a rule's value, shared by the editor, the alerts page and the notifications (no
 * server-only imports): durations in ms are shown (and typed) in seconds, ratios in percent.
 */
/** An instant as `2026-11-22 14:05 UTC`. */
export const formatUtc = (iso: string) => formatZonedTimestamp(Date.parse(iso), 'UTC');

export type ValueUnit = 'ms' | 'ratio' | 'money' | 'minutes' | 'number';

export function unitOf(m: Pick<Measure, 'column' | 'aggregation' | 'per'>): ValueUnit {
  if (m.aggregation === 'AGE_MINUTES') return 'minutes';
  if (m.per) return 'ratio';
  if (m.aggregation === 'COUNT') return 'number';
  if (/_ms$/.test(m.column)) return 'ms';
  if (/(^|_)cost($|_)/.test(m.column)) return 'money';
  return 'number';
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatValue(v: number | null, unit: ValueUnit, currency = 'USD'): string {
  if (v === null || !Number.isFinite(v)) return '–';
  switch (unit) {
    case 'ms': return formatMs(v);
    case 'ratio': return formatPercent(v);
    case 'money': return formatMoney(v, currency);
    case 'minutes': return `${plain.format(v)} min`;
    default: return plain.format(v);
  }
}

/** What a person types in the editor for a threshold (seconds, percent…) and back. */
export const INPUT_UNIT: Record<ValueUnit, { label: string; toValue: (typed: number) => number; toTyped: (value: number) => number }> = {
  ms: { label: 's', toValue: (t) => t * 1000, toTyped: (v) => v / 1000 },
  ratio: { label: '%', toValue: (t) => t / 100, toTyped: (v) => v * 100 },
  money: { label: '', toValue: (t) => t, toTyped: (v) => v },
  minutes: { label: 'min', toValue: (t) => t, toTyped: (v) => v },
  number: { label: '', toValue: (t) => t, toTyped: (v) => v },
};

/**
 * The link back to a moment: the rule's page with its URL state and a custom range around the
 * window, padded by the rule's own window length (at least half an hour) on each side.
 */
export function momentHref(page: { path: string; search: string }, window: { start: string; end: string }, windowMinutes: number): string {
  const qs = new URLSearchParams(page.search);
  for (const k of ['range', 'from', 'to']) qs.delete(k);
  const pad = Math.max(30, Math.min(windowMinutes, 24 * 60)) * 60_000;
  qs.set('range', 'custom');
  qs.set('from', new Date(Date.parse(window.start) - pad).toISOString());
  qs.set('to', new Date(Date.parse(window.end) + pad).toISOString());
  return `${page.path}?${qs}`;
}

/** The length of a rule's window in minutes, for padding links ("today" and "month" count a day). */
export function windowMinutes(w: { kind: string; minutes?: number }): number {
  return w.kind === 'last' ? w.minutes ?? 60 : 24 * 60;
}
