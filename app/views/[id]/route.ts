import { getConfig } from '@/lib/config';
import { RECORD_ID, ViewSchema } from '@/lib/alerts/rules';
import { getLensStore } from '@/lib/alerts/store';
import { alertsError } from '@/lib/alerts/api';
import { newRequestId } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/** A saved view's shareable link: redirects to the page with the view's URL state (404 for none). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = newRequestId();
  try {
    const { id } = await params;
    const record = RECORD_ID.test(id) ? await (await getLensStore(getConfig())).get('view', id) : null;
    if (!record) {
      return new Response(`No saved view "${id.slice(0, 80)}": it was deleted, or the link is wrong.\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId } });
    }
    const view = ViewSchema.parse({ ...(record.body as object), id: record.id, owner: record.owner, createdAt: record.createdAt });
    return new Response(null, { status: 307, headers: { location: `${view.path}${view.search ? `?${view.search}` : ''}`, 'cache-control': 'no-store', 'x-request-id': requestId } });
  } catch (err) {
    return alertsError(err, requestId, '/views');
  }
}
