export function StatusBadge({ code }: { code: number | null }) {
  if (code === null) return <span className="text-slate-400">–</span>;
  const tone = code < 400 ? 'bg-emerald-100 text-emerald-800' : code === 429 ? 'bg-amber-100 text-amber-800' : code < 500 ? 'bg-orange-100 text-orange-800' : 'bg-red-100 text-red-800';
  return <span className={`rounded px-1.5 py-0.5 font-mono ${tone}`}>{code}</span>;
}
