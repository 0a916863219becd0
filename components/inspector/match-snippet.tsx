import { fromFirstMatch, splitMatches } from '@/lib/inspector/highlight';

/**
 * The text around a keyword's first match, each occurrence in <mark>; rendered as text nodes only.
 * The cell shows three lines: they start just before the match (the whole snippet is the title).
 */
export function MatchSnippet({ text, term }: { text: string | null; term: string | undefined }) {
  if (!text) return <span className="text-slate-400">–</span>;
  return (
    <span className="line-clamp-3 break-words whitespace-pre-wrap" title={text}>
      {splitMatches(fromFirstMatch(text, term), term).map((s, k) => (s.match ? <mark key={k} className="rounded bg-yellow-200 px-0.5 text-slate-900">{s.text}</mark> : <span key={k}>{s.text}</span>))}
    </span>
  );
}
