import type { Extraction } from './extract';

export type TokenSource = 'endpoint_usage' | 'response' | 'estimate' | 'unknown';

export interface TokenFigure {
  value: number | null;
  source: TokenSource;
}

/**
 * Token counts with where they came from: endpoint_usage when it has the request, else the
 * response's own usage block, else Databricks' estimate (characters + 1) / 4 of the body.
 */
export function tokenFigures(
  meta: { usage_input_tokens?: unknown; usage_output_tokens?: unknown; request_chars?: unknown; response_chars?: unknown },
  x: Extraction | null,
): { input: TokenFigure; output: TokenFigure } {
  const pick = (usage: unknown, fromResponse: number | null | undefined, chars: unknown): TokenFigure => {
    if (typeof usage === 'number') return { value: usage, source: 'endpoint_usage' };
    if (typeof fromResponse === 'number') return { value: fromResponse, source: 'response' };
    if (typeof chars === 'number') return { value: Math.floor((chars + 1) / 4), source: 'estimate' };
    return { value: null, source: 'unknown' };
  };
  return {
    input: pick(meta.usage_input_tokens, x?.usage?.input, meta.request_chars),
    output: pick(meta.usage_output_tokens, x?.usage?.output, x?.error ? null : meta.response_chars),
  };
}

export const TOKEN_SOURCE_LABEL: Record<TokenSource, string> = {
  endpoint_usage: 'endpoint_usage',
  response: 'response usage',
  estimate: 'estimate: (body chars + 1) / 4',
  unknown: 'unknown',
};
