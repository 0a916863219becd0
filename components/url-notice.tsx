'use client';

import { useEffect, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { rangeLabel, readUrlState, withSharedState, type DashboardState, type UrlProblem } from '@/lib/client/search-params';

/**
 * What in the link could not be used, each parameter named once with what is shown instead. The
 * link is then rewritten to what is applied, so the address and the controls agree; the notice
 * stays until dismissed. Filters naming an endpoint or entity without traffic are said too.
 */
export function UrlNotice({ state, endpoints, entities }: { state: DashboardState; endpoints: string[] | null; entities: string[] | null }) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [kept, setKept] = useState<UrlProblem[]>([]);
  const [seen, setSeen] = useState('');
  const { problems, state: applied } = readUrlState(search);
  const signature = problems.map((p) => `${p.param}=${p.value}`).join('&');
  // New problems in the address: remember them before the address is corrected below.
  if (signature && signature !== seen) {
    setSeen(signature);
    setKept(problems);
  }
  const corrected = signature ? withSharedState(search.toString(), applied) : null;

  useEffect(() => {
    if (corrected !== null) router.replace(corrected ? `${pathname}?${corrected}` : pathname, { scroll: false });
  }, [corrected, router, pathname]);

  const unknown: string[] = [];
  if (endpoints && state.endpoint && !endpoints.includes(state.endpoint)) {
    unknown.push(`endpoint=${state.endpoint}: no request from an endpoint of that name in ${rangeLabel(state)}. Endpoints with traffic: ${endpoints.join(', ') || 'none'}.`);
  }
  if (entities && state.entity && !entities.includes(state.entity)) unknown.push(`entity=${state.entity}: no request from that served entity in ${rangeLabel(state)}${state.endpoint ? ` on ${state.endpoint}` : ''}.`);
  const shown = [...kept.map((p) => `${p.param}=${p.value}: ${p.message}.`), ...unknown];
  if (shown.length === 0) return null;
  return (
    <div role="alert" data-testid="url-notice" className="flex flex-wrap items-start gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <div className="min-w-0 flex-1">
        <p className="font-medium">{kept.length ? 'Part of this link could not be used:' : 'A filter matches nothing:'}</p>
        <ul className="mt-1 list-disc pl-5">{shown.map((line) => <li key={line} className="break-words">{line}</li>)}</ul>
      </div>
      {kept.length > 0 && <button type="button" onClick={() => setKept([])} className="rounded border border-amber-400 px-2 py-0.5 text-xs hover:bg-amber-100">Dismiss</button>}
    </div>
  );
}
