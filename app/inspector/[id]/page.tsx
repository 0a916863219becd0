import { Suspense } from 'react';
import { RequestDetailView } from '@/components/inspector/request-detail-view';

export default async function RequestDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <RequestDetailView id={decodeURIComponent(id)} />
    </Suspense>
  );
}
