import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CompareView } from '@/components/compare/compare-view';

export const metadata: Metadata = { title: 'Compare served entities — Gateway Lens' };

export default function ComparePage() {
  return (
    <Suspense>
      <CompareView />
    </Suspense>
  );
}
