'use client';

import { IntentLink } from '@/components/intent-link';
import { requestsHref } from '@/lib/client/drill';
import type { DashboardState } from '@/lib/client/search-params';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { useHere } from '@/lib/client/use-here';
import { dimensionLabel, focusAsNarrowing, type FinanceState } from '@/lib/finance/search-params';

/** The value being drilled into; every chart below is narrowed to it, the breakdown stays whole. */
export function FocusBar({ state, fin, onClear }: { state: DashboardState; fin: FinanceState; onClear: () => void }) {
  const { entityIdOf } = useFilterOptions(state);
  const here = useHere();
  const narrowing = focusAsNarrowing(fin, entityIdOf);
  const href = narrowing ? requestsHref(state, narrowing, here) : null;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="focus-bar">
      <span>
        Drilled into <span className="font-medium">{dimensionLabel(fin)}</span> = <span className="font-semibold" data-testid="focus-value">{fin.focus}</span>:
        totals, daily spend and token trends below are for this value only.
      </span>
      {href && <IntentLink href={href} className="text-sky-800 underline">Their requests in the inspector</IntentLink>}
      <button type="button" onClick={onClear} className="ml-auto rounded border border-sky-300 bg-white px-2 py-1 text-xs font-medium hover:bg-sky-100">Show everyone</button>
    </div>
  );
}
