import type { Flag, FlagKind } from '@/lib/compare/prepare-compare';

const STYLE: Record<FlagKind, string> = {
  slower: 'bg-amber-100 text-amber-900',
  'more errors': 'bg-red-100 text-red-900',
  dearer: 'bg-purple-100 text-purple-900',
  faster: 'bg-emerald-100 text-emerald-900',
  'fewer errors': 'bg-emerald-100 text-emerald-900',
  cheaper: 'bg-emerald-100 text-emerald-900',
};

/** Significant differences with the baseline, one badge per kind naming the other side. */
export function FlagBadges({ flags }: { flags: Flag[] }) {
  if (!flags.length) return null;
  const byKind = new Map<FlagKind, string[]>();
  for (const f of flags) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.than]);
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      {[...byKind.entries()].map(([kind, than]) => (
        <span key={kind} data-testid="compare-flag" data-flag={kind} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[kind]}`}>
          {kind} than {than.join(', ')}
        </span>
      ))}
    </div>
  );
}
