'use client';

import { useState } from 'react';
import { IntentLink } from '@/components/intent-link';
import { usePathname, useSearchParams } from 'next/navigation';
import { alertsApi, useChange, useViews, type SavedView } from '@/lib/alerts/client';
import { PAGE_PATHS } from '@/lib/alerts/constants';
import { formatUtc } from '@/lib/alerts/format';

const saveable = (path: string) => (path !== '/alerts' && (PAGE_PATHS as readonly string[]).includes(path)) || /^\/inspector\/[A-Za-z0-9._:-]{1,128}$/.test(path);
const href = (v: SavedView) => `${v.path}${v.search ? `?${v.search}` : ''}`;

/** Saved views in the header: save the page as it is (its URL state) under a name, list, open, share by link, delete. */
export function SavedViews() {
  const pathname = usePathname();
  const search = useSearchParams();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const views = useViews();
  const save = useChange(() => alertsApi<{ view: SavedView }>('POST', '/api/views', { name, path: pathname, search: search.toString() }), [['views']]);
  const remove = useChange((id: string) => alertsApi('DELETE', `/api/views/${encodeURIComponent(id)}`), [['views']]);
  const error = save.error ?? remove.error ?? views.error;
  return (
    <div className="relative">
      <button type="button" aria-expanded={open} aria-controls="saved-views" onClick={() => setOpen((o) => !o)} className="rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100" data-testid="saved-views-button">
        Saved views{views.data ? ` (${views.data.views.length})` : ''}
      </button>
      {open && (
        <div id="saved-views" role="dialog" aria-label="Saved views" className="absolute right-0 z-20 mt-1 w-96 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg">
          <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined, { onSuccess: () => setName('') }); }}>
            <input aria-label="View name" value={name} onChange={(e) => setName(e.target.value)} placeholder={saveable(pathname) ? 'Name this view' : 'This page cannot be saved'} disabled={!saveable(pathname)} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1" />
            <button type="submit" disabled={!name.trim() || !saveable(pathname) || save.isPending} className="rounded bg-slate-900 px-2 py-1 text-white disabled:opacity-40">Save view</button>
          </form>
          {error && <p role="alert" className="mt-2 text-red-700">{error.message}</p>}
          <ul className="mt-3 flex max-h-80 flex-col gap-2 overflow-auto" data-testid="saved-views-list">
            {views.data?.views.length === 0 && <li className="text-slate-500">No saved views yet.</li>}
            {views.data?.views.map((v) => (
              <li key={v.id} className="flex flex-wrap items-baseline gap-2 border-t border-slate-100 pt-2" data-testid="saved-view">
                <IntentLink href={href(v)} onClick={() => setOpen(false)} className="font-medium text-sky-700 hover:underline">{v.name}</IntentLink>
                <span className="text-xs text-slate-500">{v.path} · {v.owner} · {formatUtc(v.createdAt)}</span>
                <span className="ml-auto flex gap-2 text-xs">
                  <button type="button" className="text-slate-600 hover:underline" onClick={() => { void navigator.clipboard?.writeText(`${window.location.origin}/views/${v.id}`); setCopied(v.id); }}>{copied === v.id ? 'Link copied' : 'Copy link'}</button>
                  <button type="button" className="text-red-700 hover:underline" onClick={() => remove.mutate(v.id)}>Delete</button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
