import { getConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { healthReport } from '@/lib/health';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/**
 * Liveness and per-table health: 200 when the dashboard can serve (`degraded` names each skipped
 * table, its column and the fix), 503 when it cannot. `?deep=1` also runs `SELECT 1` and checks
 * every table on the warehouse now.
 */
export async function GET(request: Request) {
  const requestId = newRequestId();
  try {
    const deep = new URL(request.url).searchParams.get('deep') === '1';
    const report = await healthReport(getConfig(), getWarehouse, { deep, signal: request.signal });
    return json({ ...report, requestId }, report.status === 'failing' ? 503 : 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'health' });
  }
}
