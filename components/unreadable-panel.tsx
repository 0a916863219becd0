import type { ReactNode } from 'react';

/** In place of a panel whose table this identity cannot read: guidance, not a red error. */
export function UnreadablePanel({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <section data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold">{title}</h2>
      <div data-testid="unreadable" className="mt-3 rounded border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">{children}</div>
    </section>
  );
}
