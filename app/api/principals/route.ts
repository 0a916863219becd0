import { z } from 'zod';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { authorizeQuery } from '@/lib/api/authorize';
import { InvalidParams } from '@/lib/catalogue/run';
import { getConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { principals } from '@/lib/principals';
import { CATALOGUE } from '@/queries';

export const dynamic = 'force-dynamic';

const idsSchema = z.object({
  ids: z.string().min(1, 'required: requester ids, comma-separated').max(20_000).transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .refine((ids) => ids.length <= 200, 'at most 200 ids')
    .refine((ids) => ids.every((id) => id.length <= 320), 'an id is longer than 320 characters'),
}).strict();

/** Display names of requesters (service principals through SCIM on Databricks, the demo's own names embedded). */
export async function GET(request: Request) {
  const requestId = newRequestId();
  try {
    const config = getConfig();
    // Requester names are seen wherever requesters are: the same access as the requester list.
    const access = authorizeQuery(CATALOGUE.requesters!, request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const parsed = idsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new InvalidParams(parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'ids', message: i.code === 'unrecognized_keys' ? `unknown parameter ${i.keys.join(', ')}` : i.message })));
    const found = await principals(parsed.data.ids, { config, warehouse: await getWarehouse() });
    return json({ principals: found, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'principals' });
  }
}
