'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { readOpsState, writeOpsState, type OpsState } from './search-params';

/** The ops page's own URL state and a setter that keeps every other parameter. */
export function useOpsState(): [OpsState, (patch: Partial<OpsState>) => void] {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = readOpsState(sp);
  const set = (patch: Partial<OpsState>) => {
    const qs = writeOpsState(new URLSearchParams(sp.toString()), { ...state, ...patch });
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return [state, set];
}
