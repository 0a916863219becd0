import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { keywordParams, keywordsParam, parseKeywords } from '@/lib/ops/keywords';

/** Requests listed per keyword. */
const TOPIC_MATCHES = 20;

export default defineQuery({
  id: 'ops-topic-matches',
  exposesText: true,
  searchTerms: { keywords: (v) => parseKeywords(v as string | undefined) },
  title: 'Requests mentioning a keyword',
  description: 'The 20 latest logged requests mentioning each keyword, for the request inspector.',
  params: { keywords: keywordsParam },
  bind: (input, { window }) => ({ ...filterParams(input, window), ...keywordParams(input.keywords) }),
  // Twenty per keyword (or of every request without one): a page the newest hours can fill.
  newestFirst: (params) => TOPIC_MATCHES * Math.max(1, Object.keys(params).filter((k) => /^kw[1-5]$/.test(k) && params[k] != null).length),
  row: z.object({
    keyword: z.string(),
    databricks_request_id: z.string(),
    endpoint_name: z.string(),
    request_time: z.iso.datetime(),
    status_code: z.number().int(),
    requester: z.string().nullable(),
  }),
});
