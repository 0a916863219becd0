'use client';

import { useMemo, useState } from 'react';
import { locationKey } from '@/lib/inspector/json-path';
import { ancestorsOf } from '@/lib/inspector/json-search';

const CHILD_PAGE = 100;

/**
 * A collapsible JSON tree. Containers open to depth 1 and along the way to every path match
 * and search hit; big arrays (embeddings) show 100 children at a time.
 */
export function JsonTree({ value, marks, hits }: { value: unknown; marks: Set<string>; hits: Set<string> }) {
  const open = useMemo(() => ancestorsOf([...marks, ...hits]), [marks, hits]);
  return (
    <div className="max-h-[40rem] overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs" data-testid="json-tree">
      <Node name={null} location={[]} value={value} depth={0} ctx={{ marks, hits, open }} />
    </div>
  );
}

interface Ctx { marks: Set<string>; hits: Set<string>; open: Set<string> }

function Node({ name, location, value, depth, ctx }: { name: string | number | null; location: (string | number)[]; value: unknown; depth: number; ctx: Ctx }) {
  const key = locationKey(location);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const [shown, setShown] = useState(CHILD_PAGE);
  const marked = ctx.marks.has(key);
  const hit = ctx.hits.has(key);
  const label = name === null ? null : <span className={`${typeof name === 'number' ? 'text-slate-400' : 'text-sky-800'} ${hit ? 'bg-amber-200' : ''}`}>{typeof name === 'number' ? name : JSON.stringify(name)}: </span>;
  const markClass = marked ? 'rounded bg-yellow-200 ring-1 ring-yellow-500' : '';

  if (value === null || typeof value !== 'object') {
    return (
      <div className={`pl-4 ${markClass}`} data-testid={marked ? 'json-match' : undefined}>
        {label}
        <span className={`whitespace-pre-wrap break-words ${scalarClass(value)} ${hit ? 'bg-amber-200' : ''}`}>{typeof value === 'string' ? JSON.stringify(value) : String(value)}</span>
      </div>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, k) => [k, v]) : Object.entries(value);
  const isOpen = toggled ?? (depth < 1 || ctx.open.has(key) || marked);
  const [l, r] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div className={depth ? 'pl-4' : ''}>
      <div className={markClass} data-testid={marked ? 'json-match' : undefined}>
        <button type="button" onClick={() => setToggled(!isOpen)} aria-expanded={isOpen} className="mr-1 w-3 text-slate-500" aria-label={isOpen ? 'Collapse' : 'Expand'}>{isOpen ? '▾' : '▸'}</button>
        {label}
        <span className="text-slate-500">{l}{!isOpen && ` ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} ${r}`}</span>
      </div>
      {isOpen && (
        <>
          {entries.slice(0, shown).map(([k, v]) => <Node key={k} name={k} location={[...location, k]} value={v} depth={depth + 1} ctx={ctx} />)}
          {entries.length > shown && (
            <button type="button" onClick={() => setShown((s) => s + CHILD_PAGE * 10)} className="pl-4 text-sky-700 hover:underline">… {entries.length - shown} more</button>
          )}
          <div className="pl-4 text-slate-500">{r}</div>
        </>
      )}
    </div>
  );
}

function scalarClass(v: unknown): string {
  if (typeof v === 'string') return 'text-emerald-800';
  if (typeof v === 'number') return 'text-indigo-700';
  return 'text-slate-500';
}
