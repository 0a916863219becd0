import { isObj, num } from './json';
import { reasoningText, turnText } from './messages';
import type { TokenCounts, TokenEstimate, TokenSource, Turn } from './types';

export type Usage = Omit<TokenCounts, 'source' | 'detail'>;

/**
 * A `usage` block in any of the dialects the gateway logs: chat/completions (`prompt_tokens`,
 * `completion_tokens`, `prompt_tokens_details.cached_tokens`, `completion_tokens_details.reasoning_tokens`),
 * Responses (`input_tokens`, `output_tokens`, `input_tokens_details`, `output_tokens_details`) and
 * Anthropic's `cache_read_input_tokens`. Null when the block reports no count at all.
 */
export function readUsage(u: unknown): Usage | null {
  if (!isObj(u)) return null;
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  const output = num(u.completion_tokens) ?? num(u.output_tokens);
  const inDetails = isObj(u.prompt_tokens_details) ? u.prompt_tokens_details : isObj(u.input_tokens_details) ? u.input_tokens_details : {};
  const outDetails = isObj(u.completion_tokens_details) ? u.completion_tokens_details : isObj(u.output_tokens_details) ? u.output_tokens_details : {};
  const cached = num(inDetails.cached_tokens) ?? num(u.cache_read_input_tokens);
  const reasoning = num(outDetails.reasoning_tokens);
  const total = num(u.total_tokens) ?? (input !== null && output !== null ? input + output : null);
  if (input === null && output === null && total === null) return null;
  return { input, output, total, cached, reasoning };
}

export function tokenCounts(usage: Usage | null, source: TokenSource, detail: string | null = null): TokenCounts {
  if (!usage) return { input: null, output: null, total: null, cached: null, reasoning: null, source: 'none', detail: null };
  return { ...usage, source, detail };
}

/** Databricks' own rule when a model reports no counts: (characters + 1) / 4. */
export function estimateTokens(chars: number): number {
  return Math.floor((chars + 1) / 4);
}

/** What a tokenizer reads in a turn: its text, reasoning and tool-call names and arguments. */
export function tokenizedChars(t: Turn): number {
  let n = turnText(t).length + reasoningText(t).length;
  for (const c of t.toolCalls) n += c.name.length + c.arguments.length;
  return n;
}

/**
 * Estimates from message text only, never from the logged JSON: chunk wrappers, trace blobs and
 * embedding vectors are not text a model read or wrote. Null when there is no such text.
 */
export function estimateFromTurns(turns: Turn[], opts: { outputIsText: boolean }): TokenEstimate {
  let inputChars = 0;
  let outputChars = 0;
  for (const t of turns) {
    if (t.role === 'other' && !t.rawRole) continue; // raw unparsed bodies
    if (t.source === 'request') inputChars += tokenizedChars(t);
    else outputChars += tokenizedChars(t);
  }
  return {
    input: inputChars ? estimateTokens(inputChars) : null,
    output: opts.outputIsText && outputChars ? estimateTokens(outputChars) : null,
    inputChars,
    outputChars,
  };
}
