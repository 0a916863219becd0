import Link from 'next/link';
import { requestHref } from '@/lib/client/links';

/** A request id linking to the request inspector, shown as text (ids come from the data); `at` keeps the lookup to its day. */
export function RequestLink({ id, endpoint, at }: { id: string; endpoint: string; at?: string | null }) {
  return (
    <Link prefetch={false} href={requestHref(id, endpoint, at)} className="font-mono text-xs text-sky-700 hover:underline" title="Open in the request inspector">
      {id.slice(0, 13)}…
    </Link>
  );
}
