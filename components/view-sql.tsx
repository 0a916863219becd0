'use client';

import { useState } from 'react';
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
