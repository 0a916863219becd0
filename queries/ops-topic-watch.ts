import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';
import { keywordParams, keywordsParam, parseKeywords } from '@/lib/ops/keywords';

export default defineQuery({
  id: 'ops-topic-watch',
  // Counts of keyword matches in the bodies are derived from their text.
  exposesText: true,
  searchTerms: { keywords: (v) => parseKeywords(v as string | undefined) },
  title: 'Topic watch',
  description: 'Estimated requests per bucket whose conversation (the text of its user and assistant turns, not JSON keys or system prompts) mentions each keyword (case-insensitive; comma-separated, up to five). Without keywords: every logged request.',
  params: { ...bucketedShape, keywords: keywordsParam },
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window), ...keywordParams(input.keywords) }),
  row: z.object({
    bucket: z.iso.datetime(),
    keyword: z.string(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
  }),
});
