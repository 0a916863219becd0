'use client';

import { useState } from 'react';
import type { QueryPlan } from '@/lib/catalogue/plan';
import type { QueryResponse } from '@/lib/client/api';

/** The exact Databricks SQL behind a chart, with the values bound to it. */
export function ViewSql({ result, onClose }: { result: QueryResponse<unknown>; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(result.sql).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section aria-label="SQL behind this chart" className="mt-3 rounded-md border border-slate-200 bg-slate-900 text-slate-100">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-700 px-3 py-2 text-xs">
        <span className="font-semibold">Databricks SQL</span>
        <span className="text-slate-400">
          ran on {result.engine === 'duckdb' ? 'embedded DuckDB (compatibility layer)' : 'Databricks SQL warehouse'} in {Math.round(result.durationMs)} ms
          {result.source === 'cache' ? ' (reused from the result cache)' : result.source === 'shared' ? ' (shared with an identical query in flight)' : ''} · {result.rows.length} rows · request {result.requestId}
        </span>
        <span className="ml-auto flex gap-2">
          <button type="button" onClick={copy} className="rounded bg-slate-700 px-2 py-1 hover:bg-slate-600">{copied ? 'Copied' : 'Copy SQL'}</button>
          <button type="button" onClick={onClose} className="rounded bg-slate-700 px-2 py-1 hover:bg-slate-600">Close</button>
        </span>
      </div>
      <QueryPlanSummary plan={result.plan} />
      <pre data-testid="sql-text" className="max-h-96 overflow-auto p-3 font-mono text-xs leading-relaxed whitespace-pre">{result.sql}</pre>
      <div className="border-t border-slate-700 px-3 py-2">
        <div className="mb-1 text-xs font-semibold">Parameters</div>
        <table className="font-mono text-xs">
          <tbody>
            {Object.entries(result.params).map(([k, v]) => (
              <tr key={k}>
                <td className="pr-4 text-sky-300">:{k}</td>
                <td>{v === null ? <span className="text-slate-400">NULL</span> : JSON.stringify(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The plan the server made for this query (lib/catalogue/plan.ts), in words. */
function QueryPlanSummary({ plan }: { plan: QueryPlan | undefined }) {
  if (!plan) return null;
  const source = plan.requests === 'raw' ? 'computed from the raw tables' : plan.requests === 'facts' ? `read from ${plan.factsTable}` : `read from ${plan.factsTable} up to ${plan.factsCoverEnd}, raw tables after`;
  return (
    <details data-testid="query-plan" className="border-b border-slate-700 px-3 py-2 text-xs">
      <summary className="cursor-pointer"><span className="font-semibold">Plan</span> <span className="text-slate-400">{plan.file} · request facts {source}{plan.aggregates ? ` · ${plan.aggregates.tables.length} rollup table(s)` : ''} · as {plan.identity}</span></summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-400">rollup tables</dt>
        <dd>{plan.aggregates ? `${plan.aggregates.tables.join(', ')} for ${plan.aggregates.start} – ${plan.aggregates.end}; edge hours from requests` : 'none'}</dd>
        {plan.pageKeys && (<><dt className="text-slate-400">page of keys</dt><dd>{plan.pageKeys === 'facts' ? 'from request facts (no bodies read)' : 'from payload rows'}</dd></>)}
        <dt className="text-slate-400">endpoint_usage</dt>
        <dd>{plan.endpointUsage === 'read' ? 'joined where the statement needs it' : 'not readable: tokens and usage_context from payloads'}</dd>
        <dt className="text-slate-400">relations</dt>
        <dd>{plan.relations.length ? plan.relations.map((r) => <div key={r.name}><span className="text-sky-300">{r.name}</span> — {r.source}</div>) : 'none'}</dd>
        <dt className="text-slate-400">why</dt>
        <dd>{plan.reasons.map((r) => <div key={r}>{r}</div>)}</dd>
        {plan.fallbacks.length > 0 && (<><dt className="text-slate-400">fell back</dt><dd>{plan.fallbacks.map((f) => <div key={f}>{f}</div>)}</dd></>)}
      </dl>
    </details>
  );
}
