import { z } from 'zod';
import { CATALOGUE } from '@/queries';
import { commonFilterShape } from '@/lib/catalogue/filters';
import { json, newRequestId } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/** The catalogue, described for people scripting against the API. */
export function GET() {
  const requestId = newRequestId();
  const queries = Object.values(CATALOGUE).map((q) => ({
    id: q.id,
    title: q.title,
    description: q.description,
    url: `/api/queries/${q.id}`,
    params: z.toJSONSchema(z.object({ ...commonFilterShape, ...q.params }), { io: 'input', unrepresentable: 'any' }),
  }));
  return json({ queries, requestId }, 200, requestId);
}
