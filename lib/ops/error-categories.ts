import { seriesNarrowing, type Narrowing } from '@/lib/client/drill';

/**
 * Outcome categories the catalogue reads from response bodies (lib/payload categoryOf, in the
 * order they are checked), then 'trace_error': an answered request whose agent trace has a failed
 * span, never counted clean; and 'unknown': a row without a status code.
 */
export const ERROR_CATEGORIES = ['rate_limited', 'input_guardrail', 'output_guardrail', 'provider_error', 'server_5xx', 'client_4xx', 'trace_error', 'unknown'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<ErrorCategory | 'ok', string> = {
  ok: 'OK',
  rate_limited: 'Rate limited (429)',
  input_guardrail: 'Input guardrail',
  output_guardrail: 'Output guardrail',
  provider_error: 'External provider error',
  server_5xx: 'Server error (5xx)',
  client_4xx: 'Other client error (4xx)',
  trace_error: 'Answered, failed span in trace',
  unknown: 'No status code',
};

export const CATEGORY_COLOR: Record<ErrorCategory, string> = {
  rate_limited: '#CC79A7',
  input_guardrail: '#0072B2',
  output_guardrail: '#56B4E9',
  provider_error: '#D55E00',
  server_5xx: '#7C3AED',
  client_4xx: '#E69F00',
  trace_error: '#A3A000',
  unknown: '#64748B',
};

/**
 * The requests behind one row of the error taxonomy: its status class, and a word its response
 * bodies carry — the guardrail that fired, the provider that failed, the error code — so the
 * inspector's text search keeps that kind of failure only.
 */
export function taxonomyNarrowing(row: { category: ErrorCategory; detail: string }): Narrowing {
  const { status, trace } = seriesNarrowing('error_category', row.category) ?? {};
  const provider = /^provider: ([a-z0-9_-]{2,})$/i.exec(row.detail)?.[1];
  // BAD_REQUEST is also the code of a guardrail block: only codes that one category uses.
  const code = (row.category === 'rate_limited' || row.category === 'server_5xx') && /^[A-Z][A-Z0-9_]{2,}$/.test(row.detail) ? row.detail : undefined;
  const q = row.category === 'input_guardrail' || row.category === 'output_guardrail' ? row.category : provider ?? code;
  return { status, ...(trace ? { trace } : {}), ...(q ? { q } : {}) };
}
