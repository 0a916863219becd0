import { notFound, redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { RECORD_ID, ViewSchema } from '@/lib/alerts/rules';
import { getLensStore } from '@/lib/alerts/store';

export const dynamic = 'force-dynamic';

/** A saved view's shareable link: opens the page with the view's URL state. */
export default async function SavedViewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const record = RECORD_ID.test(id) ? await (await getLensStore(getConfig())).get('view', id) : null;
  if (!record) notFound();
  const view = ViewSchema.parse({ ...(record.body as object), id: record.id, owner: record.owner, createdAt: record.createdAt });
  redirect(`${view.path}${view.search ? `?${view.search}` : ''}`);
}
