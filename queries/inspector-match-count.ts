import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { listFilterBind, listFilterShape, keywordSearchTerms } from '@/lib/inspector/list-params';

export default defineQuery({
  id: 'inspector-match-count',
  // A count of keyword matches is derived from conversation text: the same roles as the list may read it.
  exposesText: true,
  title: 'Matching requests',
  description: 'How many logged requests in the window match the inspector list\'s filters and keyword (the list\'s header).',
  params: listFilterShape,
  searchTerms: keywordSearchTerms,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...listFilterBind(input) }),
  pageKeys: () => true,
  row: z.object({ matches: z.number().int().nonnegative() }),
});
