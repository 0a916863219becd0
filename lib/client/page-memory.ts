'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { ownParams } from './drill';

const KEY = 'gateway-lens:page-settings';
const EVENT = 'gateway-lens:page-settings';

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '{}';
  } catch {
    return '{}';
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
};

/**
 * Each page's own settings (latency split, breakdown, focus…) as last seen in this tab, so a
 * link back to the page restores them. Kept for the tab only (sessionStorage), never sent anywhere.
 */
export function useRememberedSettings(): Record<string, string> {
  const raw = useSyncExternalStore(subscribe, read, () => '{}');
  try {
    return JSON.parse(raw) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Remembers the current page's own settings whenever its URL changes. */
export function useRememberPage(pathname: string, search: string): void {
  useEffect(() => {
    const page = pathname.split('/').slice(0, 2).join('/') || '/';
    // Request pages are not a list with settings of their own.
    if (pathname !== page) return;
    try {
      const all = JSON.parse(read()) as Record<string, string>;
      const own = ownParams(search);
      if ((all[page] ?? '') === own) return;
      all[page] = own;
      sessionStorage.setItem(KEY, JSON.stringify(all));
      window.dispatchEvent(new Event(EVENT));
    } catch {
      // Storage full or disabled: links simply carry the shared filters.
    }
  }, [pathname, search]);
}
