'use client';

import { useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';

/** Keys that step a closed dropdown through its options without opening it. */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: string; onCommit: (value: string) => void; children: ReactNode };

/**
 * A dropdown whose choice is applied once it is made: picked with the mouse at once, but stepped
 * through with the arrow keys of a closed dropdown only on Enter or on leaving it, so each step
 * does not re-run every query of the page.
 */
export function Select({ value, onCommit, onKeyDown, onBlur, children, ...rest }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const stepping = useRef(false);
  const commit = (v: string | null) => {
    setPending(null);
    if (v !== null && v !== value) onCommit(v);
  };
  return (
    <select
      {...rest}
      value={pending ?? value}
      data-pending={pending !== null || undefined}
      title={pending !== null ? 'Press Enter to apply' : rest.title}
      onKeyDown={(e) => {
        stepping.current = STEP_KEYS.has(e.key);
        if (e.key === 'Enter' && pending !== null) {
          e.preventDefault();
          commit(pending);
        }
        if (e.key === 'Escape' && pending !== null) setPending(null);
        onKeyDown?.(e);
      }}
      onChange={(e) => {
        if (stepping.current) setPending(e.target.value);
        else commit(e.target.value);
        stepping.current = false;
      }}
      onBlur={(e) => {
        if (pending !== null) commit(pending);
        onBlur?.(e);
      }}
    >
      {children}
    </select>
  );
}

export const inputClass = 'max-w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** A labelled control of a filter bar. */
export function Field({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return <label className={`flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600 ${className}`}><span>{label}</span>{children}</label>;
}
