import type { PayloadModel } from '@/lib/payload';

export type TokenSource = 'endpoint_usage' | 'response' | 'estimate' | 'unknown';

export interface TokenFigure {
  value: number | null;
  source: TokenSource;
  /** Where in the response the count came from, or what the estimate read. */
  detail: string | null;
}

/**
 * Token counts with where they came from: endpoint_usage when it has the request, else the
 * count the response reports (the final usage of a stream), else an estimate from the message
 * text a tokenizer would see, (characters + 1) / 4 as Databricks estimates.
 */
export function tokenFigures(meta: { usage_input_tokens?: unknown; usage_output_tokens?: unknown }, m: PayloadModel | null): { input: TokenFigure; output: TokenFigure } {
  const pick = (usage: unknown, reported: number | null | undefined, estimate: number | null | undefined, chars: number): TokenFigure => {
    if (typeof usage === 'number') return { value: usage, source: 'endpoint_usage', detail: null };
    if (typeof reported === 'number') return { value: reported, source: 'response', detail: m?.tokens.detail ?? null };
    if (typeof estimate === 'number') return { value: estimate, source: 'estimate', detail: `${chars.toLocaleString('en-US')} characters of message text` };
    return { value: null, source: 'unknown', detail: null };
  };
  return {
    input: pick(meta.usage_input_tokens, m?.tokens.input, m?.estimate.input, m?.estimate.inputChars ?? 0),
    output: pick(meta.usage_output_tokens, m?.tokens.output, m?.estimate.output, m?.estimate.outputChars ?? 0),
  };
}

export const TOKEN_SOURCE_LABEL: Record<TokenSource, string> = {
  endpoint_usage: 'endpoint_usage',
  response: 'response usage',
  estimate: 'estimate: (text chars + 1) / 4',
  unknown: 'unknown',
};

export function tokenSourceText(f: TokenFigure): string {
  return f.detail ? `${TOKEN_SOURCE_LABEL[f.source]}, ${f.detail}` : TOKEN_SOURCE_LABEL[f.source];
}
