'use client';

import { IntentLink } from '@/components/intent-link';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { pageHref } from '@/lib/client/drill';
import { useRememberedSettings } from '@/lib/client/page-memory';

/** A link to another page of the dashboard carrying the shared filters and that page's remembered settings. */
export function PageLink({ path, hash, children, className }: { path: string; hash?: string; children: ReactNode; className?: string }) {
  const search = useSearchParams();
  const remembered = useRememberedSettings();
  return <IntentLink href={`${pageHref(path, search, remembered[path])}${hash ? `#${hash}` : ''}`} className={className}>{children}</IntentLink>;
}
