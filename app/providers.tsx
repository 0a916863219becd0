'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, isWarehouseStarting } from '@/lib/client/api';
import { createScheduler } from '@/lib/client/scheduler';
import { SchedulerContext } from '@/lib/client/use-catalogue-query';

/** `queryConcurrency`: the server's engine concurrency (MAX_CONCURRENT_QUERIES), the page's query slots. */
export function Providers({ children, queryConcurrency }: { children: ReactNode; queryConcurrency: number }) {
  const [scheduler] = useState(() => createScheduler({ concurrency: queryConcurrency }));
  const [client] = useState(() => new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A starting warehouse (503) is waited for; bad parameters and permission errors will not
        // fix themselves; other failures get two more tries.
        retry: (count, err) => (isWarehouseStarting(err) ? count < 20 : !(err instanceof ApiError && err.status < 500) && count < 2),
        retryDelay: (count, err) => (isWarehouseStarting(err) ? 6_000 : Math.min(1_000 * 2 ** count, 8_000)),
      },
    },
  }));
  // Tests (and people reading the DOM) can tell a page that answers clicks from its server-rendered first paint.
  useEffect(() => { document.documentElement.dataset.hydrated = 'true'; }, []);
  return (
    <QueryClientProvider client={client}>
      <SchedulerContext.Provider value={scheduler}>{children}</SchedulerContext.Provider>
    </QueryClientProvider>
  );
}
