import { plainDecimal, SORTS, VALUE_SORTS, type Sort } from './list-params';
import { MAX_COLUMNS } from './list-params';
import { parseSpec } from './json-path';

/**
 * The inspector's own URL state, beside the shared DashboardState (range, endpoint, served
 * entity, requester, status and usage_context, which every page filters by).
 */
export interface InspectorState {
  q?: string;
  minMs?: string;
  maxMs?: string;
  tools?: 'yes' | 'no';
  /** Only requests whose agent trace has a failed span (yes), or none that has (no). */
  trace?: 'yes' | 'no';
  sort: Sort;
  /** Extraction columns, `request:<path>` / `response:<path>`. */
  cols: string[];
  /** Keyset cursor of the page shown: the last row of the previous page. */
  after?: { time: string; id: string; duration: number; value?: number };
  tab: 'requests' | 'questions' | 'conversations';
  /** The conversations tab's order. */
  convSort: 'recent' | 'tokens' | 'cost';
}

type Readable = { get(name: string): string | null; getAll(name: string): string[] };

const nonEmpty = (v: string | null) => (v && v.trim() ? v.trim() : undefined);
const digits = (v: string | null) => (v && /^\d{1,8}$/.test(v) ? v : undefined);

export function readInspectorState(sp: Readable): InspectorState {
  const sort = sp.get('sort');
  const tools = sp.get('tools');
  const trace = sp.get('trace');
  const afterTime = sp.get('after_time');
  const afterId = sp.get('after_id');
  const afterDur = Number(sp.get('after_dur') ?? '-1');
  const afterVal = sp.get('after_val');
  return {
    q: nonEmpty(sp.get('q')),
    minMs: digits(sp.get('min_ms')),
    maxMs: digits(sp.get('max_ms')),
    tools: tools === 'yes' || tools === 'no' ? tools : undefined,
    trace: trace === 'yes' || trace === 'no' ? trace : undefined,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'time_desc',
    cols: sp.getAll('col').filter((c) => parseSpec(c).ok).slice(0, MAX_COLUMNS),
    after: afterTime && afterId ? {
      time: afterTime, id: afterId, duration: Number.isFinite(afterDur) ? afterDur : -1,
      ...(afterVal !== null && afterVal !== '' && Number.isFinite(Number(afterVal)) ? { value: Number(afterVal) } : {}),
    } : undefined,
    tab: sp.get('tab') === 'questions' || sp.get('tab') === 'conversations' ? (sp.get('tab') as 'questions' | 'conversations') : 'requests',
    convSort: sp.get('csort') === 'tokens' || sp.get('csort') === 'cost' ? (sp.get('csort') as 'tokens' | 'cost') : 'recent',
  };
}

/** Writes the inspector's keys into a query string that already holds the shared state. */
export function writeInspectorState(base: string, s: InspectorState): string {
  const qs = new URLSearchParams(base);
  const set = (k: string, v: string | undefined) => (v ? qs.set(k, v) : qs.delete(k));
  set('q', s.q);
  set('min_ms', s.minMs);
  set('max_ms', s.maxMs);
  set('tools', s.tools);
  set('trace', s.trace);
  set('sort', s.sort === 'time_desc' ? undefined : s.sort);
  qs.delete('col');
  for (const c of s.cols) qs.append('col', c);
  set('after_time', s.after?.time);
  set('after_id', s.after?.id);
  set('after_dur', s.after ? String(s.after.duration) : undefined);
  set('after_val', s.after?.value !== undefined ? plainDecimal(s.after.value) : undefined);
  set('tab', s.tab === 'requests' ? undefined : s.tab);
  set('csort', s.convSort === 'recent' ? undefined : s.convSort);
  return qs.toString();
}

/** The list's own filters as API parameters: what the list and its match count share. */
export function inspectorFilterParams(s: InspectorState): Record<string, string | undefined> {
  return { q: s.q, min_duration_ms: s.minMs, max_duration_ms: s.maxMs, has_tools: s.tools, trace_failed: s.trace };
}

/** The list query's own API parameters. */
export function inspectorApiParams(s: InspectorState): Record<string, string | undefined> {
  const p: Record<string, string | undefined> = {
    ...inspectorFilterParams(s),
    sort: s.sort === 'time_desc' ? undefined : s.sort,
    cursor_time: s.after?.time,
    cursor_id: s.after?.id,
    cursor_duration: s.after && s.sort.startsWith('duration') ? String(s.after.duration) : undefined,
    cursor_value: s.after?.value !== undefined && VALUE_SORTS.includes(s.sort) ? plainDecimal(s.after.value) : undefined,
  };
  s.cols.forEach((c, k) => { p[`x${k + 1}`] = c; });
  return p;
}
