'use client';

import { useQuery } from '@tanstack/react-query';
import type { HealthReport } from '@/lib/health';
import { healthNotice } from '@/lib/client/table-health';

/** A page-wide notice when endpoints are disabled (a skipped table) or nothing can be shown. */
export function TableHealthBanner() {
  const { data } = useQuery({
    queryKey: ['health'],
    // 503 means "failing": a report, not an error to retry.
    queryFn: async ({ signal }) => (await fetch('/api/health', { signal, headers: { accept: 'application/json' } })).json() as Promise<HealthReport>,
    retry: false,
    staleTime: 60_000,
    // While the rollups build, their progress is read again every 15 s.
    refetchInterval: (q) => (q.state.data?.rollupBuild ? 15_000 : false),
  });
  const notice = data?.tables ? healthNotice(data) : null;
  if (!notice) return null;
  const colours = notice.tone === 'error' ? 'border-red-200 bg-red-50 text-red-900' : notice.tone === 'warning' ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-sky-200 bg-sky-50 text-sky-900';
  return (
    <div role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="table-health" className={`mb-4 rounded border p-3 text-sm ${colours}`}>
      <p className="font-medium">{notice.title}</p>
      {notice.lines.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {notice.lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
    </div>
  );
}
