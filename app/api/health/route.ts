import { getConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/** Liveness plus a one-row query on the warehouse (`?deep=1`). */
export async function GET(request: Request) {
  const requestId = newRequestId();
  try {
    const config = getConfig();
    const deep = new URL(request.url).searchParams.get('deep') === '1';
    let warehouseMs: number | null = null;
    if (deep) {
      const wh = await getWarehouse();
      warehouseMs = Math.round((await wh.run('SELECT 1 AS ok', {}, { signal: request.signal, label: 'health' })).durationMs);
    }
    return json({ status: 'ok', engine: config.engine, warehouseMs, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'health' });
  }
}
