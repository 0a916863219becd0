'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link inside the dashboard that prefetches its page only once the pointer or focus is on it
 * (hover, keyboard focus, touch), never because it scrolled into view.
 *
 * Next.js prefetches every visible link by default. Here every chart card carries an "Alert on
 * this" link and the header links to each page (again when the remembered settings change its
 * address), so opening /ops sent the server 23 page prefetches while the page's own 20 queries
 * were waiting for the same two cores. A link prefetched on intent still opens at once.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => { setIntent(true); onMouseEnter?.(e); }}
      onFocus={(e) => { setIntent(true); onFocus?.(e); }}
      onTouchStart={(e) => { setIntent(true); onTouchStart?.(e); }}
    />
  );
}
