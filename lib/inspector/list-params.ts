import { z } from 'zod';
import { sqlTimestamp, type TimeWindow } from '@/lib/catalogue/filters';
import { intParam, isCalendarTimestamp } from '@/lib/catalogue/params';
import { parseSpec } from './json-path';

export const SORTS = ['time_desc', 'time_asc', 'duration_desc', 'duration_asc', 'tokens_desc', 'cost_desc'] as const;
/** Sorts whose key is the row's sort_value (tokens or cost), continued from cursor_value. */
export const VALUE_SORTS: readonly Sort[] = ['tokens_desc', 'cost_desc'];
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 50;
export const MAX_COLUMNS = 3;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());
const spec = z.string().max(320).refine((v) => parseSpec(v).ok, { message: 'expected request:<path> or response:<path> with a path a list column can use' });

/** The inspector list's filters, shared by the list, its match count and the JSONL export. */
export const listFilterShape = {
  q: optional(z.string().trim().min(2, 'search for at least 2 characters').max(200)),
  usage_key: optional(z.string().max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : -')),
  usage_value: optional(z.string().max(256)),
  min_duration_ms: intParam(0, 86_400_000).optional(),
  max_duration_ms: intParam(0, 86_400_000).optional(),
  has_tools: optional(z.enum(['yes', 'no'])),
  /** An agent trace with a failed span (yes), or none (no). */
  trace_failed: optional(z.enum(['yes', 'no'])),
};

/** The inspector list's own parameters, shared by the list query and the JSONL export. */
export const listParamShape = {
  ...listFilterShape,
  sort: z.enum(SORTS).default('time_desc'),
  cursor_time: optional(z.string().refine(isCalendarTimestamp, 'expected a timestamp from a previous page')),
  cursor_duration: intParam(-1, 86_400_000_000).optional(),
  /** The sort_value of the previous page's last row (tokens or cost), exactly as the list returned it. */
  // Written as plainDecimal writes it: digits, no exponent, no sign but '-', no trailing zero.
  cursor_value: z.string().regex(/^-?(0|[1-9]\d{0,20})(\.\d{0,39}[1-9])?$/, 'expected a sort value from a previous page').transform(Number).pipe(z.number().finite()).optional(),
  cursor_id: optional(z.string().max(128).regex(/^[A-Za-z0-9._:-]+$/)),
  page_size: intParam(1, 200).default(PAGE_SIZE),
  x1: optional(spec),
  x2: optional(spec),
  x3: optional(spec),
};

export type ListFilterInput = {
  q?: string; usage_key?: string; usage_value?: string; min_duration_ms?: number; max_duration_ms?: number;
  has_tools?: 'yes' | 'no'; trace_failed?: 'yes' | 'no';
};

export type ListInput = ListFilterInput & {
  sort: Sort; cursor_time?: string; cursor_duration?: number; cursor_value?: number; cursor_id?: string; page_size: number;
  x1?: string; x2?: string; x3?: string;
};

/** The keyword is matched against the bodies: a personal-data-shaped one needs permission to reveal. */
export const keywordSearchTerms = { q: (v: unknown) => (typeof v === 'string' ? [v] : []) };

/** The parameters of the list's own filters (list_filters), shared by the page and its match count. */
export function listFilterBind(input: ListFilterInput) {
  return {
    // The keyword as the list matches it: lowercased, a plain substring (no wildcard is special).
    q_text: input.q ? input.q.toLowerCase() : null,
    usage_key: input.usage_key ?? null,
    usage_value: input.usage_key ? input.usage_value ?? null : null,
    min_duration_ms: input.min_duration_ms ?? null,
    max_duration_ms: input.max_duration_ms ?? null,
    has_tools: input.has_tools ?? null,
    trace_failed: input.trace_failed ?? null,
  };
}

function columnParams(n: 1 | 2 | 3, raw: string | undefined) {
  const parsed = raw ? parseSpec(raw) : null;
  const sql = parsed?.ok ? parsed.sql : null;
  return {
    [`x${n}_body`]: parsed?.ok ? parsed.spec.body : null,
    [`x${n}_path`]: sql?.path ?? null,
    [`x${n}_from_end`]: sql?.fromEnd ?? null,
    [`x${n}_suffix`]: sql ? sql.suffix : null,
  };
}

/**
 * The bound values of the list's own parameters. For a time sort with a cursor the window
 * shrinks to the cursor too, so the warehouse prunes files by date as pages go deeper.
 */
export function listBind(input: ListInput, window: TimeWindow, base: Record<string, string | null>) {
  const time = input.cursor_id && input.cursor_time ? new Date(`${input.cursor_time.replace(' ', 'T')}Z`) : null;
  const narrowed = { ...base };
  if (time && !Number.isNaN(time.getTime())) {
    if (input.sort === 'time_desc' && time.getTime() + 1 < window.end.getTime()) {
      const end = new Date(time.getTime() + 1);
      narrowed.end_time = sqlTimestamp(end);
      narrowed.end_date = end.toISOString().slice(0, 10);
    } else if (input.sort === 'time_asc' && time > window.start) {
      narrowed.start_time = sqlTimestamp(time);
      narrowed.start_date = time.toISOString().slice(0, 10);
    }
  }
  return {
    ...narrowed,
    ...listFilterBind(input),
    sort: input.sort,
    cursor_time: input.cursor_id ? input.cursor_time ?? null : null,
    cursor_duration: input.cursor_id ? input.cursor_duration ?? null : null,
    cursor_value: input.cursor_id ? input.cursor_value ?? null : null,
    cursor_id: input.cursor_id ?? null,
    page_limit: input.page_size + 1,
    ...columnParams(1, input.x1),
    ...columnParams(2, input.x2),
    ...columnParams(3, input.x3),
  };
}

/**
 * A number as the plain decimal the list's cursor accepts: the same digits as its shortest form
 * (so the value is exact), with any exponent written out ("1.2e-7" is "0.00000012").
 */
export function plainDecimal(n: number): string {
  const [mantissa, exp] = String(n).split('e');
  if (exp === undefined) return mantissa!;
  const negative = mantissa!.startsWith('-');
  const [int, frac = ''] = mantissa!.replace('-', '').split('.');
  const digits = int! + frac;
  const point = int!.length + Number(exp);
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${negative ? '-' : ''}${plain}`;
}

