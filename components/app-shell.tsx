'use client';

import { IntentLink } from '@/components/intent-link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { pageHref } from '@/lib/client/drill';
import { useRememberedSettings, useRememberPage } from '@/lib/client/page-memory';
import { FreshnessBadge } from './freshness-badge';
import { SavedViews } from './saved-views';
import { TableHealthBanner } from './table-health-banner';

/** The product's pages; each later view adds one line here. */
export const NAV_ITEMS = [
  { href: '/', label: 'Overview' },
  { href: '/ops', label: 'Ops' },
  { href: '/finance', label: 'Finance' },
  { href: '/compare', label: 'Compare' },
  { href: '/inspector', label: 'Inspector' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/api-reference', label: 'API' },
] as const;

export function AppShell({ children, engineLabel }: { children: ReactNode; engineLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only rounded bg-slate-900 px-3 py-2 text-sm text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">Skip to content</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <IntentLink href="/" className="text-lg font-semibold tracking-tight">Gateway Lens</IntentLink>
          <button
            type="button"
            className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-sm md:hidden"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((v) => !v)}
          >
            Menu
          </button>
          <Nav open={open} onNavigate={() => setOpen(false)} />
          <div className="flex w-full flex-wrap items-center gap-2 md:ml-auto md:w-auto">
            <FreshnessBadge />
            <SavedViews />
            <span className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-600" data-testid="engine-badge">{engineLabel}</span>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-3 py-4 outline-none sm:px-4 sm:py-6">
        <TableHealthBanner />
        {children}
      </main>
    </div>
  );
}

function Nav({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const remembered = useRememberedSettings();
  useRememberPage(pathname, search.toString());
  return (
    <nav id="main-nav" aria-label="Main" className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-1 md:flex md:w-auto md:flex-row`}>
      {NAV_ITEMS.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        // The shared filters travel; each page comes back with its own settings as last seen.
        const href = item.href === '/api-reference' ? item.href : pageHref(item.href, search, remembered[item.href]);
        return (
          <IntentLink
            key={item.href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 text-sm ${active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {item.label}
          </IntentLink>
        );
      })}
    </nav>
  );
}
