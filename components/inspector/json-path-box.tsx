'use client';

import { IntentLink } from '@/components/intent-link';
import { TRANSIENT_KEYS } from '@/lib/client/drill';
import { sharedParams } from '@/lib/client/search-params';
import { formatSpec, locationKey, parseSpec, type Match, type ParseResult } from '@/lib/inspector/json-path';

/** A JSON path evaluated live on this payload; a path SQL can evaluate can become a list column. */
export function JsonPathBox({ path, onPath, body, result, matches, parsedOk, back }: { path: string; onPath: (p: string) => void; body: 'request' | 'response'; result: ParseResult | null; matches: Match[]; parsedOk: boolean; back: string }) {
  const spec = formatSpec({ body, path: path.trim() });
  const asColumn = result?.ok ? parseSpec(spec) : null;
  // The list this request was opened from, or the shared filters of another page it came from.
  const [from, query = ''] = back.startsWith('?') ? ['/inspector', back.slice(1)] : back.split('?');
  const listQs = from === '/inspector' ? new URLSearchParams(query) : sharedParams(new URLSearchParams(query));
  for (const k of [...TRANSIENT_KEYS, 'tab', 'back']) listQs.delete(k);
  listQs.append('col', spec);
  return (
    <div className="rounded border border-slate-200 bg-slate-50 p-2 text-sm">
      <label className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-slate-600">JSON path</span>
        <input aria-label="JSON path" value={path} onChange={(e) => onPath(e.target.value)} placeholder="$.messages[last].content · $.messages[*].role · $['key']" className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" maxLength={300} />
      </label>
      {result && !result.ok && <p role="alert" className="mt-1 text-xs text-red-700">{result.error}</p>}
      {result?.ok && parsedOk && (
        <div className="mt-2 text-xs" data-testid="path-result">
          <p className="font-medium">{matches.length === 0 ? 'No match' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`} — highlighted in the tree</p>
          <ul className="mt-1 max-h-40 overflow-auto">
            {matches.slice(0, 20).map((m, k) => (
              <li key={k} className="truncate font-mono" data-testid="path-match">
                <span className="text-slate-500">{locationKey(m.location)} = </span>
                {typeof m.value === 'string' ? m.value : JSON.stringify(m.value)}
              </li>
            ))}
          </ul>
          {asColumn?.ok ? (
            <IntentLink href={`/inspector?${listQs}`} className="mt-1 inline-block text-sky-700 hover:underline">Add as a column of the request list</IntentLink>
          ) : asColumn && <p className="mt-1 text-slate-500">{asColumn.error}</p>}
        </div>
      )}
      {result?.ok && !parsedOk && <p className="mt-1 text-xs text-slate-500">This body is not valid JSON, so paths cannot be evaluated on it.</p>}
    </div>
  );
}
