import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OpsView } from '@/components/ops/ops-view';

export const metadata: Metadata = { title: 'Ops — Gateway Lens' };

export default function OpsPage() {
  return (
    <Suspense>
      <OpsView />
    </Suspense>
  );
}
