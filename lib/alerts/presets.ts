import 'server-only';
import type { AnyQuery } from '@/lib/catalogue/define';
import { alertableWindows, describeWindow, parseAlertInput, type RelativeWindow } from '@/lib/catalogue/unattended';
import { rowColumns, type Measure, type RuleInput } from './rules';

/**
 * What the rule editor offers for a chart's query: its columns (numbers to measure, text to filter
 * or group by), the measures people ask for most on it (the first one is preselected), and which
 * windows the query can run over unattended with the page's filters.
 */

export interface Preset { label: string; measure: Measure; emptyResult?: RuleInput['emptyResult']; op?: RuleInput['condition']['op'] }

const m = (column: string, extra: Partial<Measure> = {}): Measure => ({ column, aggregation: 'MAX', where: {}, ...extra });

export const PRESETS: Record<string, Preset[]> = {
  'ops-latency-over-time': [
    { label: 'p95 latency', measure: m('p95_ms') },
    { label: 'p99 latency', measure: m('p99_ms') },
    { label: 'p50 latency', measure: m('p50_ms') },
  ],
  'ops-kpis': [
    { label: 'error rate', measure: m('errors', { aggregation: 'SUM', per: 'requests', where: { period: 'current' } }) },
    { label: 'p95 latency', measure: m('p95_ms', { where: { period: 'current' } }) },
    { label: 'requests', measure: m('requests', { aggregation: 'SUM', where: { period: 'current' } }), op: '<' },
    { label: 'busiest minute', measure: m('peak_minute_requests', { where: { period: 'current' } }) },
  ],
  'requests-over-time': [
    { label: 'requests', measure: m('requests', { aggregation: 'SUM' }) },
    { label: 'busiest minute', measure: m('peak_minute_requests') },
  ],
  'ops-errors-over-time': [
    { label: 'rate-limited requests (429)', measure: m('requests', { aggregation: 'SUM', where: { category: 'rate_limited' } }) },
    { label: 'provider errors', measure: m('requests', { aggregation: 'SUM', where: { category: 'provider_error' } }) },
  ],
  'ops-freshness': [
    { label: 'minutes since the newest row', measure: m('latest_request_time', { aggregation: 'AGE_MINUTES' }), emptyResult: 'triggered' },
  ],
  'finance-breakdown': [
    { label: 'spend per value', measure: m('cost', { aggregation: 'SUM', groupBy: 'value' }) },
    { label: 'total spend', measure: m('cost', { aggregation: 'SUM' }) },
  ],
  'finance-month-to-date': [{ label: 'spend this month', measure: m('cost', { aggregation: 'SUM' }) }],
};

export const STANDARD_WINDOWS: RelativeWindow[] = [
  { kind: 'last', minutes: 5 }, { kind: 'last', minutes: 15 }, { kind: 'last', minutes: 60 },
  { kind: 'last', minutes: 24 * 60 }, { kind: 'today' }, { kind: 'month' },
];

/**
 * A chart's parameters as a rule keeps them: the window is the rule's own (range/from/to go), and
 * a bucketed time series gets day buckets so one row measures the whole window.
 */
export function ruleParams(def: AnyQuery, page: Record<string, string>): { params: Record<string, string>; dropped: string[] } {
  const accepted = new Set(['endpoint', 'served_entity', 'requester', 'status', ...Object.keys(def.params)]);
  const params: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(page)) {
    if (accepted.has(k) && v !== '') params[k] = v;
    else if (!['range', 'from', 'to', 'format'].includes(k)) dropped.push(k);
  }
  if ('bucket' in def.params) params.bucket = 'day';
  return { params, dropped };
}

export function editorChoices(def: AnyQuery, page: Record<string, string>) {
  const { params, dropped } = ruleParams(def, page);
  let problem: string | null = null;
  try {
    parseAlertInput(def, params);
  } catch (err) {
    problem = (err as Error).message;
  }
  const columns = rowColumns(def);
  const numeric = columns.find((c) => c.kind === 'number');
  const presets = PRESETS[def.id] ?? (numeric ? [{ label: numeric.name, measure: m(numeric.name) }] : []);
  return {
    query: { id: def.id, title: def.title, description: def.description },
    params,
    dropped,
    problem,
    columns,
    presets,
    windows: problem ? [] : alertableWindows(def, params, STANDARD_WINDOWS).map((w) => ({ ...w, label: describeWindow(w.window) })),
  };
}
