'use client';

import type { ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import { ChartBarErrors } from '@/components/charts/chart-bar-errors';
import { ChartBarLatencyHistogram } from '@/components/charts/chart-bar-latency-histogram';
import { ChartBarLoggingCodes } from '@/components/charts/chart-bar-logging-codes';
import { ChartBarStatusCodes } from '@/components/charts/chart-bar-status-codes';
import { ChartLineCompleteness } from '@/components/charts/chart-line-completeness';
import { ChartLineLatency } from '@/components/charts/chart-line-latency';
import { ChartLineNullBodies } from '@/components/charts/chart-line-null-bodies';
import { ChartLineOutputSpeed } from '@/components/charts/chart-line-output-speed';
import { ChartLineTraffic } from '@/components/charts/chart-line-traffic';
import { FilterBar } from '@/components/filter-bar';
import { readState, reportingZone } from '@/lib/client/search-params';
import { useOpsState } from '@/lib/ops/use-ops-state';
import { ErrorMessagesTable } from './error-messages-table';
import { ErrorTaxonomyTable } from './error-taxonomy-table';
import { ErrorsBreakdown } from './errors-breakdown';
import { FreshnessPanel } from './freshness-panel';
import { KpiRow } from '@/components/charts/kpi-row';
import { SpendSnapshot } from '@/components/charts/spend-snapshot';
import { SlowestRequests } from './slowest-requests';
import { TopicWatch } from './topic-watch';

const SECTIONS = [['traffic', 'Traffic'], ['latency', 'Latency'], ['errors', 'Errors'], ['logging', 'Logging health'], ['topics', 'Topic watch']] as const;

/** The on-call view: KPIs, then traffic, latency, errors, logging health and topic watch. */
export function OpsView() {
  const state = readState(useSearchParams());
  const [ops, setOps] = useOpsState();
  const tz = reportingZone(state);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-xl font-semibold">Ops</h1>
        <nav aria-label="Sections" className="flex flex-wrap gap-3 text-sm">
          {SECTIONS.map(([id, label]) => <a key={id} href={`#${id}`} className="text-sky-700 hover:underline">{label}</a>)}
        </nav>
        <p className="ml-auto text-xs text-slate-500" data-testid="ops-zone-note">Buckets start and labels read in {tz}{tz === 'UTC' ? '' : ' (the data is stored in UTC)'}.</p>
      </div>
      <FilterBar state={state} />
      <KpiRow state={state} />
      <SpendSnapshot state={state} />
      <Section id="traffic" title="Traffic">
        <ChartLineTraffic state={state} />
      </Section>
      <Section id="latency" title="Latency">
        <ChartLineLatency state={state} ops={ops} setOps={setOps} />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartBarLatencyHistogram state={state} />
          <ChartLineOutputSpeed state={state} ops={ops} />
        </div>
        <SlowestRequests state={state} />
      </Section>
      <Section id="errors" title="Errors">
        <ChartBarErrors state={state} />
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2"><ErrorTaxonomyTable state={state} /></div>
          <ChartBarStatusCodes state={state} />
        </div>
        <ErrorMessagesTable state={state} />
        <ErrorsBreakdown state={state} ops={ops} setOps={setOps} />
      </Section>
      <Section id="logging" title="Logging health">
        <FreshnessPanel state={state} />
        <ChartLineCompleteness state={state} />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartBarLoggingCodes state={state} />
          <ChartLineNullBodies state={state} />
        </div>
      </Section>
      <Section id="topics" title="Topic watch">
        <TopicWatch key={ops.topics} state={state} ops={ops} setOps={setOps} />
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex scroll-mt-4 flex-col gap-4">
      <h2 id={`${id}-title`} className="mt-2 border-b border-slate-200 pb-1 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
