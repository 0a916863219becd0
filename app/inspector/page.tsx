import { Suspense } from 'react';
import { InspectorView } from '@/components/inspector/inspector-view';

export default function InspectorPage() {
  return (
    <Suspense>
      <InspectorView />
    </Suspense>
  );
}
