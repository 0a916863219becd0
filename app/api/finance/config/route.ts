import { json, newRequestId, errorResponse } from '@/lib/api/respond';
import { resolveFinanceConfig } from '@/lib/finance/config';

export const dynamic = 'force-dynamic';

/** The active price book and whether billing reconciliation is configured, for the finance page. */
export async function GET() {
  const requestId = newRequestId();
  try {
    return json({ ...resolveFinanceConfig(), requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'finance-config' });
  }
}
