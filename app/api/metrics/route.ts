import { getWarehouse } from '@/lib/engine';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/** Warehouse load counters since start: statements run, cache hits, shared executions, queueing. */
export async function GET() {
  const requestId = newRequestId();
  try {
    const wh = await getWarehouse();
    return json({ engine: wh.engine, ...wh.stats(), requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'metrics' });
  }
}
