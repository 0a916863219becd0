'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, isWarehouseStarting, type QueryResponse } from '@/lib/client/api';
import { useScheduler } from '@/lib/client/use-catalogue-query';
import { planNotices } from '@/lib/charts/plan-notice';
import { AlertOnThis } from './alert-on-this';
import { ViewSql } from './view-sql';

interface ChartCardProps<R> {
  title: string;
  subtitle?: ReactNode;
  /** `requestKey` (useCatalogueQuery sets it): the card tells the page's scheduler whether it is on screen. */
  query: UseQueryResult<QueryResponse<R>> & { requestKey?: string };
  isEmpty: (data: QueryResponse<R>) => boolean;
  empty: ReactNode;
  children: (data: QueryResponse<R>) => ReactNode;
  headerExtra?: ReactNode;
  /** The same query as a CSV download of every row. */
  csvHref?: string;
  testId?: string;
}

/** A chart's frame: title, its own loading / empty / error states, and "View SQL". */
export function ChartCard<R>({ title, subtitle, query, isEmpty, empty, children, headerExtra, csvHref, testId }: ChartCardProps<R>) {
  const [showSql, setShowSql] = useState(false);
  const { data, error, isPending, isFetching, refetch, failureReason, failureCount } = query;
  const starting = isWarehouseStarting(error ?? failureReason);
  const ref = useOnScreenPriority(query.requestKey);
  return (
    <section ref={ref} data-testid={testId} data-request={query.requestKey} aria-busy={isFetching} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="mb-3 flex flex-wrap items-start gap-3">
        <div className="min-w-0">
          <h2 className="text-base font-semibold">{title}</h2>
          {subtitle && <div className="text-sm text-slate-500">{subtitle}</div>}
        </div>
        <div className="ml-auto flex items-center gap-2">
          {isFetching && !isPending && <span className="text-xs text-slate-400" role="status">Refreshing…</span>}
          {headerExtra}
          {data && <AlertOnThis queryId={data.queryId} input={data.input} />}
          {csvHref && data && (
            <a href={csvHref} download className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">CSV</a>
          )}
          <button
            type="button"
            disabled={!data}
            onClick={() => setShowSql((v) => !v)}
            className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40"
            aria-expanded={showSql}
          >
            View SQL
          </button>
        </div>
      </header>
      {starting && !data ? (
        <StartingState attempts={failureCount} stillRetrying={!error} onRetry={() => refetch()} />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => refetch()} />
      ) : isPending ? (
        <LoadingState />
      ) : data && isEmpty(data) ? (
        <div data-testid="chart-empty" className="flex h-72 items-center justify-center rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{empty}</div>
      ) : data ? (
        <>
          {error && <ErrorState error={error} onRetry={() => refetch()} compact />}
          <PlanNotice notices={planNotices(data.plan)} />
          {children(data)}
        </>
      ) : null}
      {showSql && data && <ViewSql result={data as QueryResponse<unknown>} onClose={() => setShowSql(false)} />}
    </section>
  );
}

/**
 * Cards on screen or within a screen of it are asked first, cards further down after them
 * (lib/client/scheduler.ts); scrolling moves a card up the queue before its request is sent.
 */
function useOnScreenPriority(requestKey: string | undefined) {
  const scheduler = useScheduler();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!requestKey || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1]!;
      scheduler.prioritise(requestKey, entry.isIntersecting ? 'visible' : 'offscreen');
    }, { rootMargin: '50% 0px' });
    observer.observe(el);
    return () => {
      observer.disconnect();
      scheduler.forget(requestKey);
    };
  }, [scheduler, requestKey]);
  return ref;
}

function ErrorState({ error, onRetry, compact }: { error: Error; onRetry: () => void; compact?: boolean }) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  if (error instanceof ApiError && error.status === 403) {
    // No access is a fact about the viewer, not a failure: say so, and offer no pointless retry.
    return (
      <div role="status" data-testid="chart-no-access" className={`${compact ? 'mb-2' : 'h-72'} flex items-center justify-center rounded border border-slate-200 bg-slate-50 p-4 text-center text-sm text-slate-600`}>
        <p>{error.message}</p>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 400) {
    // The reasons are listed once for the page (RefusedParamsNotice), not in every chart.
    return <div role="status" data-testid="chart-refused" className={`${compact ? 'mb-2' : 'h-24'} flex items-center justify-center rounded border border-dashed border-red-200 p-4 text-center text-sm text-red-800`}>Not drawn: the server refused a parameter of this page (see the notice above the filters).</div>;
  }
  return (
    <div role="alert" data-testid="chart-error" className={`${compact ? 'mb-2' : 'h-72'} flex flex-col items-center justify-center gap-2 rounded border border-red-200 bg-red-50 p-4 text-center text-sm text-red-800`}>
      <p>{error.message}</p>
      {requestId && <p className="text-xs text-red-600">Request id {requestId} — the server log has the details.</p>}
      <button type="button" onClick={onRetry} className="rounded bg-red-700 px-3 py-1 text-xs font-medium text-white hover:bg-red-800">Retry</button>
    </div>
  );
}

/** After a few seconds a plain skeleton reads as "stuck": say what a slow first query usually is. */
function LoadingState() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setSlow(true), 8_000);
    return () => clearTimeout(t);
  }, []);
  return <ChartSkeleton>{slow && <span role="status">Still working: a stopped SQL warehouse can take a few minutes to start.</span>}</ChartSkeleton>;
}

/** The pulsing placeholder a chart's box shows until it can draw; `className` sizes it (the card body's h-72 by default). */
export function ChartSkeleton({ className = 'h-72', children }: { className?: string; children?: ReactNode }) {
  return (
    <div data-testid="chart-loading" className={`${className} flex animate-pulse items-center justify-center rounded bg-slate-100 text-sm text-slate-500`} aria-label="Loading">
      {children}
    </div>
  );
}

function StartingState({ attempts, stillRetrying, onRetry }: { attempts: number; stillRetrying: boolean; onRetry: () => void }) {
  return (
    <div role="status" data-testid="chart-starting" className="flex h-72 flex-col items-center justify-center gap-2 rounded border border-amber-200 bg-amber-50 p-4 text-center text-sm text-amber-900">
      <p className="font-medium">The SQL warehouse is starting.</p>
      <p>{stillRetrying ? `Retrying automatically (attempt ${attempts + 1})…` : 'It did not become ready in time.'}</p>
      <button type="button" onClick={onRetry} className="rounded bg-amber-700 px-3 py-1 text-xs font-medium text-white hover:bg-amber-800">Retry now</button>
    </div>
  );
}

/** What the panel could not read and did instead (lib/charts/plan-notice.ts), in one quiet line each. */
function PlanNotice({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <ul data-testid="plan-notice" className="mb-2 space-y-1 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
      {notices.map((n) => <li key={n}>{n}</li>)}
    </ul>
  );
}
