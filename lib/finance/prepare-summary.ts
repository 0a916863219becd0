import type { QueryRow } from '@/queries';

export type SummaryRow = QueryRow<'finance-summary'>;

export interface PreparedSummary {
  requests: number;
  sampledRows: number;
  /** Requests counted one by one: an endpoint_usage row, or a logged row standing for itself. */
  countedRequests: number;
  /** Requests inferred from sampled payload rows (1 / sampling_fraction each) that endpoint_usage did not count. */
  extrapolatedRequests: number;
  inputTokens: number;
  outputTokens: number;
  /** null when nothing in the range is priced: shown as "unpriced", never $0. */
  cost: number | null;
  pricedRequests: number;
  unpricedRequests: number;
  unpricedTokens: number;
  costPerRequest: number | null;
  costPer1kRequests: number | null;
  /** Token totals by where they came from. */
  measuredTokens: number;
  usageTableTokens: number;
  responseTokens: number;
  estimatedTokens: number;
  /** Requests whose tokens are unknown (no usage row, no body): a gap, not zero. */
  unknownRequests: number;
  measuredShare: number | null;
}

const tok = (r: SummaryRow) => (r.input_tokens ?? 0) + (r.output_tokens ?? 0);

export function prepareSummary(rows: SummaryRow[]): PreparedSummary {
  const by = (s: SummaryRow['token_source']) => rows.filter((r) => r.token_source === s);
  const sum = (xs: SummaryRow[], f: (r: SummaryRow) => number) => xs.reduce((a, r) => a + f(r), 0);
  const priced = rows.filter((r) => r.cost !== null);
  const cost = priced.length ? sum(priced, (r) => r.cost ?? 0) : null;
  const pricedRequests = sum(rows, (r) => r.priced_requests);
  const usageTableTokens = sum(by('usage_table'), tok);
  const responseTokens = sum(by('response'), tok);
  const estimatedTokens = sum(by('estimate'), tok);
  const measuredTokens = usageTableTokens + responseTokens;
  const allTokens = measuredTokens + estimatedTokens;
  const costPerRequest = cost !== null && pricedRequests > 0 ? cost / pricedRequests : null;
  const requests = sum(rows, (r) => r.requests);
  const counted = sum(rows, (r) => r.sampled_rows);
  return {
    requests,
    sampledRows: counted,
    countedRequests: counted,
    extrapolatedRequests: Math.max(0, requests - counted),
    inputTokens: sum(rows, (r) => r.input_tokens ?? 0),
    outputTokens: sum(rows, (r) => r.output_tokens ?? 0),
    cost,
    pricedRequests,
    unpricedRequests: sum(rows, (r) => r.unpriced_requests),
    unpricedTokens: sum(rows, (r) => r.unpriced_tokens),
    costPerRequest,
    costPer1kRequests: costPerRequest === null ? null : costPerRequest * 1000,
    measuredTokens,
    usageTableTokens,
    responseTokens,
    estimatedTokens,
    unknownRequests: sum(by('unknown'), (r) => r.requests),
    measuredShare: allTokens > 0 ? measuredTokens / allTokens : null,
  };
}
