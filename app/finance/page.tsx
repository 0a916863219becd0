import { Suspense } from 'react';
import { FinanceView } from '@/components/finance/finance-view';

export const metadata = { title: 'Finance — Gateway Lens' };

export default function FinancePage() {
  return (
    <Suspense>
      <FinanceView />
    </Suspense>
  );
}
