'use client';

import Link from 'next/link';
import { requestPageHref } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';

/** A request id linking to the request inspector, shown as text (ids come from the data); its Back returns here. */
export function RequestLink({ id, endpoint }: { id: string; endpoint: string }) {
  const here = useHere();
  return (
    <Link prefetch={false} href={requestPageHref(id, endpoint, here)} className="font-mono text-xs text-sky-700 hover:underline" title="Open in the request inspector">
      {id.slice(0, 13)}…
    </Link>
  );
}
