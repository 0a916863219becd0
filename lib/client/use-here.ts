'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/** This page's path and query: where a link to a request returns to. */
export function useHere(): string {
  const pathname = usePathname();
  const qs = useSearchParams().toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
