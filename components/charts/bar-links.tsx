'use client';

import { IntentLink } from '@/components/intent-link';
import { useState } from 'react';

/** One bar of a bar chart and where it leads. */
export interface BarLink { label: string; value: string; href: string | null }

/** The bars of a chart as a table with a link to each bar's requests: the keyboard's and screen reader's way in. */
export function BarLinks({ bars, label }: { bars: BarLink[]; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1 text-xs" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="cursor-pointer text-slate-500 hover:text-slate-800">Data table (with links to each bar’s requests)</summary>
      {open && (
        <div className="mt-1 max-h-60 overflow-auto rounded border border-slate-200">
          <table className="w-full text-left" aria-label={label}>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label} className="border-t border-slate-100">
                  <td className="px-2 py-1">{b.label}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{b.value}</td>
                  <td className="px-2 py-1">{b.href && <IntentLink href={b.href} className="text-sky-700 hover:underline">Requests</IntentLink>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
