import Link from 'next/link';

/** A request id linking to the request inspector, shown as text (ids come from the data). */
export function RequestLink({ id, endpoint }: { id: string; endpoint: string }) {
  return (
    <Link prefetch={false} href={`/inspector/${encodeURIComponent(id)}?endpoint=${encodeURIComponent(endpoint)}`} className="font-mono text-xs text-sky-700 hover:underline" title="Open in the request inspector">
      {id.slice(0, 13)}…
    </Link>
  );
}
