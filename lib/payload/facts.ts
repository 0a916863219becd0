import { interpretPayload } from './interpret';
import { turnText } from './messages';
import type { ErrorCategory, PayloadKind, PayloadModel, PayloadRow, TokenSource } from './types';

/**
 * The flat per-request fields the warehouse computes in SQL, defined once here. Every rule is
 * written to be expressible with get_json_object / regexp / string functions (no negative JSON
 * indexes); fixtures/payloads holds the corpus both definitions are held equal on. See
 * fixtures/payloads/README.md for the field list with each rule.
 */
export interface PayloadFacts {
  /** The kind of pair (see PayloadKind): the response's shape decides, the request's when there is none. */
  kind: PayloadKind;
  /** The question asked (PayloadModel.question), normalised, at most 1000 characters. */
  last_user_text: string | null;
  /** The request ends with that question (its last turn is the user's): a later turn that only carries tool results asks nothing new. */
  asks_question: boolean;
  /** Choice 0's final answer text, normalised, at most 1000 characters. */
  answer_text: string | null;
  /** User and assistant message text of the request and the answers; no system prompt, JSON, vectors or trace. At most 10000 characters. */
  search_text: string | null;
  /** Names of the tools the model called in this response, first call first, no repeats. */
  tool_names: string[];
  has_tool_calls: boolean;
  /** Answers returned (n > 1 choices, or predictions of a custom model); 0 for errors. */
  choices: number;
  tokens_in: number | null;
  tokens_out: number | null;
  tokens_cached: number | null;
  tokens_reasoning: number | null;
  token_source: TokenSource;
  /** (characters + 1) / 4 of the text a tokenizer reads in the request and in the answer. */
  est_tokens_in: number | null;
  est_tokens_out: number | null;
  error_category: ErrorCategory;
  /** The error's code: error_code, else error.type / error.code, else a provider envelope's error_code. */
  error_code: string | null;
  /** What the error body was (PayloadError.format); null without an error or a body. */
  error_format: 'json' | 'html' | 'text' | null;
  error_reason: string | null;
  error_provider: string | null;
  guardrail_stage: 'input' | 'output' | null;
  guardrail_pii: boolean;
  guardrail_keywords: boolean;
  /** The safety categories whose verdict is true. */
  guardrail_categories: string[];
  /** The response carries an MLflow trace with an errored span (or a trace state ERROR). */
  trace_error: boolean;
  trace_spans: number;
  is_stream: boolean;
}

export const LAST_USER_CHARS = 1000;
export const ANSWER_CHARS = 1000;
export const SEARCH_CHARS = 10_000;

/** Trimmed, runs of spaces, tabs and line breaks made one space, cut to `max` characters; empty is null. */
export function normaliseText(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  const s = text.replace(/[ \t\r\n]+/g, ' ').trim().slice(0, max);
  return s || null;
}

export function payloadFacts(row: PayloadRow): PayloadFacts {
  return factsOf(interpretPayload(row), row.status_code ?? null);
}

export function factsOf(m: PayloadModel, status: number | null): PayloadFacts {
  const searchable = m.turns.filter((t) => (t.role === 'user' || t.role === 'assistant') && t.rawRole !== 'reasoning');
  const requestTurns = m.turns.filter((t) => t.source === 'request' && !(t.role === 'other' && !t.rawRole));
  const question = normaliseText(m.question, LAST_USER_CHARS);
  const stage = m.error?.category === 'input_guardrail' ? 'input' : m.error?.category === 'output_guardrail' ? 'output' : null;
  const checks = stage ? (m.error?.guardrails ?? []).filter((g) => g.stage === stage) : [];
  return {
    kind: m.kind,
    last_user_text: question,
    asks_question: question !== null && requestTurns[requestTurns.length - 1]?.role === 'user',
    answer_text: normaliseText(m.answers[0]?.text, ANSWER_CHARS),
    search_text: normaliseText(searchable.map(turnText).filter(Boolean).join('\n'), SEARCH_CHARS),
    tool_names: m.toolNames,
    has_tool_calls: m.toolNames.length > 0,
    choices: m.error ? 0 : m.answers.length,
    tokens_in: m.tokens.input,
    tokens_out: m.tokens.output,
    tokens_cached: m.tokens.cached,
    tokens_reasoning: m.tokens.reasoning,
    token_source: m.tokens.source,
    est_tokens_in: m.estimate.input,
    est_tokens_out: m.estimate.output,
    error_category: m.error?.category ?? (status === null ? 'unknown' : 'ok'),
    error_code: m.error?.code ?? null,
    error_format: m.error?.format ?? null,
    error_reason: m.error?.reason ?? null,
    error_provider: m.error?.provider ?? null,
    guardrail_stage: stage,
    guardrail_pii: checks.some((g) => g.pii),
    guardrail_keywords: checks.some((g) => g.invalidKeywords),
    guardrail_categories: [...new Set(checks.flatMap((g) => g.categories))],
    trace_error: m.trace?.hasError ?? false,
    trace_spans: m.trace?.spans.length ?? 0,
    is_stream: m.stream !== null,
  };
}
