'use client';

import { useState } from 'react';
import { formatSpec, parseSpec } from '@/lib/inspector/json-path';
import { MAX_COLUMNS } from '@/lib/inspector/list-params';

/** Adds a JSON path as a list column; the path is validated here and again on the server. */
export function ColumnAdder({ cols, onChange }: { cols: string[]; onChange: (cols: string[]) => void }) {
  const [body, setBody] = useState<'request' | 'response'>('response');
  const [path, setPath] = useState('');
  const spec = formatSpec({ body, path: path.trim() });
  const parsed = path.trim() ? parseSpec(spec) : null;
  const full = cols.length >= MAX_COLUMNS;
  return (
    <form
      className="mb-3 flex flex-wrap items-center gap-2 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed?.ok && !full && !cols.includes(spec)) {
          onChange([...cols, spec]);
          setPath('');
        }
      }}
    >
      <span className="font-medium text-slate-600">Add a column from a JSON path</span>
      <select aria-label="Column body" value={body} onChange={(e) => setBody(e.target.value as 'request' | 'response')} className="rounded border border-slate-300 px-1.5 py-1">
        <option value="request">request</option>
        <option value="response">response</option>
      </select>
      <input aria-label="Column JSON path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="$.messages[last].content" className="w-72 rounded border border-slate-300 px-2 py-1 font-mono" maxLength={300} />
      <button type="submit" disabled={!parsed?.ok || full} className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-40">Add column</button>
      {parsed && !parsed.ok && <span role="alert" className="text-red-700">{parsed.error}</span>}
      {full && <span className="text-slate-500">At most {MAX_COLUMNS} columns.</span>}
    </form>
  );
}
