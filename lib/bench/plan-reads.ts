import type { RequestsSource } from '@/lib/catalogue/render';

/** How much of a raw table a statement reads: the whole window, or only rows after the facts table's coverage. */
export type RawSpan = 'window' | 'after coverage' | null;

/** The tables one statement reads, from what its parts name (RenderedStatement.reads). */
export interface StatementReads {
  rollups: string[];
  facts: boolean;
  payload: RawSpan;
  endpointUsage: RawSpan;
  servedEntities: boolean;
  billing: boolean;
}

const SPAN_ORDER: RawSpan[] = [null, 'after coverage', 'window'];
const wider = (a: RawSpan, b: RawSpan): RawSpan => (SPAN_ORDER.indexOf(a) >= SPAN_ORDER.indexOf(b) ? a : b);

/**
 * Follows what each part of a rendered statement names, from the query's own text down. Raw
 * tables reached through `requests` in a hybrid plan are read only after the facts table's
 * coverage (the last hours); reached any other way, over the whole window.
 */
export function statementReads(reads: Record<string, string[]>, requests: RequestsSource['mode']): StatementReads {
  const out: StatementReads = { rollups: [], facts: false, payload: null, endpointUsage: null, servedEntities: false, billing: false };
  const seen = new Set<string>();
  const visit = (part: string, span: RawSpan) => {
    const key = `${part}\0${span}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const name of reads[part] ?? []) {
      if (name.startsWith('table:rollup_table:')) {
        const table = name.slice('table:rollup_table:'.length);
        if (!out.rollups.includes(table)) out.rollups.push(table);
      } else if (name === 'table:facts_table' || name === 'table:text_table') out.facts = true;
      else if (name === 'table:endpoint_usage') out.endpointUsage = wider(out.endpointUsage, span);
      else if (name === 'table:served_entities') out.servedEntities = true;
      else if (name.startsWith('table:billing_')) out.billing = true;
      else if (name === 'payload') out.payload = wider(out.payload, span);
      else if (!name.startsWith('table:')) visit(name, (name === 'requests' || name === 'request_text') && requests === 'hybrid' ? 'after coverage' : span);
    }
  };
  visit('', 'window');
  return out;
}

/** Whether a statement scans a raw table over its whole window (what rollups exist to avoid). */
export function readsRawWindow(r: StatementReads): boolean {
  return r.payload === 'window' || r.endpointUsage === 'window';
}

/** The reads in a few words, for the plan table. */
export function describeReads(r: StatementReads): string {
  const parts: string[] = [];
  if (r.rollups.length) parts.push(`rollups (${r.rollups.map((t) => t.replace(/^gateway_lens_/, '')).join(', ')})`);
  if (r.facts) parts.push('request facts');
  if (r.payload) parts.push(`payload tables (${r.payload})`);
  if (r.endpointUsage) parts.push(`endpoint_usage (${r.endpointUsage})`);
  if (r.servedEntities) parts.push('served_entities');
  if (r.billing) parts.push('system.billing');
  return parts.join(', ') || 'no table';
}
