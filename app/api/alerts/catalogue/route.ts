import { z } from 'zod';
import { CATALOGUE } from '@/queries';
import { alertsRoute } from '@/lib/alerts/api';
import { editorChoices } from '@/lib/alerts/presets';
import { AlertsError, parseBody } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

const Query = z.object({
  query: z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a catalogue query id'),
  /** The chart's parameters as JSON (what its API request carried). */
  params: z.string().max(4000).default('{}').transform((s, c) => {
    try {
      return z.record(z.string(), z.string().max(1000)).parse(JSON.parse(s));
    } catch {
      c.addIssue({ code: 'custom', message: 'expected a JSON object of strings' });
      return z.NEVER;
    }
  }),
}).strict();

/** For the rule editor: a query's columns, measure presets and the windows it can run over unattended with these filters. */
export const GET = alertsRoute(async ({ url }) => {
  const q = parseBody(Query, Object.fromEntries(url.searchParams));
  const def = Object.hasOwn(CATALOGUE, q.query) ? CATALOGUE[q.query] : undefined;
  if (!def) throw new AlertsError(404, `Unknown query "${q.query}"`);
  return editorChoices(def, q.params);
});
