import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { keywordParams, keywordsParam, parseKeywords } from '@/lib/ops/keywords';

export default defineQuery({
  id: 'ops-topic-matches',
  exposesText: true,
  searchTerms: { keywords: (v) => parseKeywords(v as string | undefined) },
  title: 'Requests mentioning a keyword',
  description: 'The 20 latest logged requests mentioning each keyword, for the request inspector.',
  params: { keywords: keywordsParam },
  bind: (input, { window }) => ({ ...filterParams(input, window), ...keywordParams(input.keywords) }),
  row: z.object({
    keyword: z.string(),
    databricks_request_id: z.string(),
    endpoint_name: z.string(),
    request_time: z.iso.datetime(),
    status_code: z.number().int(),
    requester: z.string().nullable(),
  }),
});
