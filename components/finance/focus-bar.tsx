'use client';

import Link from 'next/link';
import { NAV_ITEMS } from '@/components/app-shell';
import { writeState, type DashboardState } from '@/lib/client/search-params';
import { dimensionLabel, type FinanceState } from '@/lib/finance/search-params';

/** The inspector link appears once that view is part of the product. */
const hasInspector = (NAV_ITEMS as readonly { href: string }[]).some((i) => i.href === '/inspector');

export function inspectorHref(state: DashboardState, fin: FinanceState): string | null {
  if (!fin.focus) return null;
  const qs = new URLSearchParams(writeState(state));
  if (fin.dimension === 'requester') qs.set('requester', fin.focus);
  else if (fin.dimension === 'endpoint') qs.set('endpoint', fin.focus);
  else if (fin.dimension === 'context') {
    qs.set('uc_key', fin.contextKey);
    qs.set('uc_value', fin.focus);
  } else return null;
  return `/inspector?${qs}`;
}

/** The value being drilled into; every chart below is narrowed to it, the breakdown stays whole. */
export function FocusBar({ state, fin, onClear }: { state: DashboardState; fin: FinanceState; onClear: () => void }) {
  const href = hasInspector ? inspectorHref(state, fin) : null;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="focus-bar">
      <span>
        Drilled into <span className="font-medium">{dimensionLabel(fin)}</span> = <span className="font-semibold" data-testid="focus-value">{fin.focus}</span>:
        totals, daily spend and token trends below are for this value only.
      </span>
      {href && <Link href={href} className="text-sky-800 underline">Their requests in the inspector</Link>}
      <button type="button" onClick={onClear} className="ml-auto rounded border border-sky-300 bg-white px-2 py-1 text-xs font-medium hover:bg-sky-100">Show everyone</button>
    </div>
  );
}
