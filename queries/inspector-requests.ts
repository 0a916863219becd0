import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { listBind, listParamShape, keywordSearchTerms, type ListInput } from '@/lib/inspector/list-params';
import { maskColumns } from '@/lib/security/pii';
import { perRequestPriceParams } from '@/lib/finance/params';

const text = z.string().nullable();

export default defineQuery({
  id: 'inspector-requests',
  exposesText: true,
  title: 'Requests',
  description: 'One page of logged requests with previews of the last user message and the answer, the tools called and whether the agent trace has a failed span, as the one payload interpretation reads them; keyset-paginated; optional JSON-path columns (x1…x3).',
  params: listParamShape,
  searchTerms: keywordSearchTerms,
  // Tokens and cost come from priced_requests, as finance prices them.
  bind: (input, { window }) => ({ ...listBind(input as unknown as ListInput, window, filterParams(input, window)), ...perRequestPriceParams() }),
  // Keyword, tool and trace filters read the request text and facts: the page's keys can always come from the facts.
  pageKeys: () => true,
  // Newest first, the page (and the one row that says another follows) can come from the newest hours alone.
  newestFirst: (params) => (params.sort === 'time_desc' ? Number(params.page_limit) : null),
  // Every column is in the request facts and text tables (queries/inspector-requests.facts.sql),
  // a keyword's snippet too (the text table keeps the searchable text in its own case).
  factsVariant: () => true,
  row: z.object({
    endpoint_name: z.string(),
    databricks_request_id: z.string(),
    client_request_id: text,
    request_time: z.iso.datetime(),
    cursor_time: z.string(),
    status_code: z.number().int().nullable(),
    execution_duration_ms: z.number().int().nullable(),
    served_entity_id: text,
    served_entity_name: text,
    requester: text,
    input_tokens: z.number().int().nullable(),
    output_tokens: z.number().int().nullable(),
    token_source: z.enum(['usage_table', 'response', 'estimate', 'unknown']),
    /** Priced as finance prices it; null when the model is unpriced. */
    cost: z.number().nullable(),
    /** The key of a tokens or cost sort (-1 for none), the next page's cursor_value. */
    sort_value: z.number(),
    kind: z.enum(['chat', 'completions', 'embeddings', 'responses-api', 'chat-agent', 'responses-agent', 'custom-model', 'guardrail-block', 'error', 'unknown']),
    has_tool_calls: z.boolean(),
    trace_error: z.boolean(),
    last_user_message: text,
    answer_preview: text,
    /** With a keyword: the searchable text around its first match (masked like the previews). */
    match_snippet: text,
    request_chars: z.number().int().nullable(),
    response_chars: z.number().int().nullable(),
    x1: text,
    x2: text,
    x3: text,
  }),
  // Previews and extracted values may hold personal data: masked before they leave the server.
  post: maskColumns('last_user_message', 'answer_preview', 'match_snippet', 'x1', 'x2', 'x3'),
  page: (rows, input) => {
    const kept = rows.slice(0, input.page_size);
    const last = kept[kept.length - 1];
    const next = rows.length > kept.length && last ? { cursor_time: last.cursor_time, cursor_duration: last.execution_duration_ms ?? -1, cursor_value: last.sort_value, cursor_id: last.databricks_request_id } : null;
    return { rows: kept, next };
  },
});
