'use client';

import { useMemo, useState } from 'react';
import type { PayloadResponse } from '@/lib/inspector/client';
import { tryParse } from '@/lib/payload';
import { evaluatePath, locationKey, parsePath } from '@/lib/inspector/json-path';
import { searchJson } from '@/lib/inspector/json-search';
import { TRUNCATED_PART_CHARS } from '@/lib/inspector/prepare-transcript';
import { JsonPathBox } from './json-path-box';
import { JsonTree } from './json-tree';

/** The raw bodies as a collapsible tree, with a text search and a live JSON-path box. */
export function RawJson({ payload, truncate, back }: { payload: PayloadResponse; truncate: boolean; back: string }) {
  const [which, setWhich] = useState<'request' | 'response'>('request');
  const [search, setSearch] = useState('');
  const [path, setPath] = useState('');
  const [copied, setCopied] = useState(false);
  const text = payload[which];
  const parsed = useMemo(() => tryParse(text), [text]);
  const pathResult = useMemo(() => (path.trim() ? parsePath(path) : null), [path]);
  const matches = useMemo(() => (parsed.ok && pathResult?.ok ? evaluatePath(parsed.value, pathResult.segments) : []), [parsed, pathResult]);
  const marks = useMemo(() => new Set(matches.map((m) => locationKey(m.location))), [matches]);
  const hits = useMemo(() => new Set(parsed.ok ? searchJson(parsed.value, search) : []), [parsed, search]);
  const copy = async () => {
    await navigator.clipboard?.writeText(parsed.ok ? JSON.stringify(parsed.value, null, 2) : text ?? '').catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="raw-json">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {(['request', 'response'] as const).map((w) => (
          <button key={w} type="button" aria-pressed={which === w} onClick={() => setWhich(w)} className={`rounded px-2 py-1 ${which === w ? 'bg-slate-800 text-white' : 'border border-slate-300'}`}>{w}</button>
        ))}
        <input type="search" aria-label="Search in JSON" placeholder="Search keys and values" value={search} onChange={(e) => setSearch(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1 text-sm" />
        {search.trim() && <span className="text-xs text-slate-500" data-testid="search-count">{hits.size}{hits.size >= 500 ? '+' : ''} hits</span>}
        <button type="button" onClick={copy} disabled={text === null} className="ml-auto rounded border border-slate-300 px-2 py-1 text-xs disabled:opacity-40">{copied ? 'Copied' : `Copy ${which} JSON`}</button>
      </div>
      <JsonPathBox path={path} onPath={setPath} body={which} result={pathResult} matches={matches} parsedOk={parsed.ok} back={back} />
      {text === null ? (
        <p className="text-sm text-slate-500">The {which} body was not logged (NULL).</p>
      ) : parsed.ok ? (
        <JsonTree value={parsed.value} marks={marks} hits={hits} />
      ) : (
        <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs" data-testid="raw-text">
          {truncate && text.length > TRUNCATED_PART_CHARS ? `${text.slice(0, TRUNCATED_PART_CHARS)}\n… ${text.length - TRUNCATED_PART_CHARS} more characters` : text}
        </pre>
      )}
    </div>
  );
}
