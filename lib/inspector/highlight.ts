/** A piece of text, and whether it is an occurrence of the searched term. */
export interface Segment { text: string; match: boolean }

/**
 * Splits (already masked) text at every case-insensitive occurrence of `term`, keeping the text
 * as written: the view wraps the matches in <mark> as text nodes, never as HTML.
 */
export function splitMatches(text: string, term: string | undefined): Segment[] {
  const needle = term?.trim().toLowerCase();
  if (!needle) return text ? [{ text, match: false }] : [];
  const lower = text.toLowerCase();
  // Lowercasing must keep every offset (it does not for a few characters such as 'İ'): else no highlight.
  if (lower.length !== text.length) return [{ text, match: false }];
  const out: Segment[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}
