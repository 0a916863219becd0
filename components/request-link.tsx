'use client';

import { IntentLink } from '@/components/intent-link';
import { requestHref } from '@/lib/client/links';
import { useHere } from '@/lib/client/use-here';

/** A request id linking to the request inspector, shown as text (ids come from the data); `at` keeps the lookup to its day; its Back returns here. */
export function RequestLink({ id, endpoint, at }: { id: string; endpoint: string; at?: string | null }) {
  const here = useHere();
  return (
    <IntentLink href={requestHref(id, endpoint, at, here)} className="font-mono text-xs text-sky-700 hover:underline" title="Open in the request inspector">
      {id.slice(0, 13)}…
    </IntentLink>
  );
}
