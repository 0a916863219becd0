'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
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
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">Gateway Lens</Link>
          <Nav />
          <span className="ml-auto"><SavedViews /></span>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-600" data-testid="engine-badge">{engineLabel}</span>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">
        <TableHealthBanner />
        {children}
      </main>
    </div>
  );
}

function Nav() {
  const pathname = usePathname();
  const search = useSearchParams();
  // Filters carry over between pages, so switching views keeps the range and endpoint.
  const qs = search.toString();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {NAV_ITEMS.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={qs && item.href !== '/api-reference' ? `${item.href}?${qs}` : item.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 text-sm ${active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
