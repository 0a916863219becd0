import type { PayloadModel } from '@/lib/payload';

export type TokenSource = 'endpoint_usage' | 'response' | 'failed' | 'estimate' | 'unknown';

export interface TokenFigure {
  value: number | null;
  source: TokenSource;
  /** Where in the response the count came from, or what the estimate read. */
  detail: string | null;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Token counts with where they came from, by the rule finance counts them
 * (queries/macros/token_count.sql): endpoint_usage when it has the request; else the counts the
 * response reports (a stream's final usage; a side it leaves out is 0); else 0 for a failed
 * request; else an estimate from the message text a tokenizer would see, (characters + 1) / 4 as
 * Databricks estimates. So the detail page and finance agree for every request.
 */
export function tokenFigures(meta: { usage_input_tokens?: unknown; usage_output_tokens?: unknown; status_code?: unknown }, m: PayloadModel | null): { input: TokenFigure; output: TokenFigure } {
  const usage = [count(meta.usage_input_tokens), count(meta.usage_output_tokens)] as const;
  if (usage[0] !== null || usage[1] !== null) {
    return { input: { value: usage[0], source: 'endpoint_usage', detail: null }, output: { value: usage[1], source: 'endpoint_usage', detail: null } };
  }
  const reported = m?.tokens;
  if (reported && (reported.input !== null || reported.output !== null)) {
    return { input: { value: reported.input ?? 0, source: 'response', detail: reported.detail }, output: { value: reported.output ?? 0, source: 'response', detail: reported.detail } };
  }
  const status = count(meta.status_code);
  if (status !== null && status >= 400) {
    return { input: { value: 0, source: 'failed', detail: null }, output: { value: 0, source: 'failed', detail: null } };
  }
  const estimate = (value: number | null | undefined, chars: number): TokenFigure => (typeof value === 'number'
    ? { value, source: 'estimate', detail: `${chars.toLocaleString('en-US')} characters of message text` }
    : { value: null, source: 'unknown', detail: null });
  return { input: estimate(m?.estimate.input, m?.estimate.inputChars ?? 0), output: estimate(m?.estimate.output, m?.estimate.outputChars ?? 0) };
}

export const TOKEN_SOURCE_LABEL: Record<TokenSource, string> = {
  endpoint_usage: 'endpoint_usage',
  response: 'response usage',
  failed: 'failed request: not counted',
  estimate: 'estimate: (text chars + 1) / 4',
  unknown: 'unknown',
};

export function tokenSourceText(f: TokenFigure): string {
  return f.detail ? `${TOKEN_SOURCE_LABEL[f.source]}, ${f.detail}` : TOKEN_SOURCE_LABEL[f.source];
}
