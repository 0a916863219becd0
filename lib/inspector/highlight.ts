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

/**
 * The text from shortly before the first case-insensitive occurrence of `term` (at most `lead`
 * characters, from a word start where one is near), with '…' where text was cut: a cell that
 * shows only its first lines then shows the match, not the context before it. The text as it is
 * when the term is missing, absent, or lowercasing would shift offsets.
 */
export function fromFirstMatch(text: string, term: string | undefined, lead = 30): string {
  const needle = term?.trim().toLowerCase();
  if (!needle) return text;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return text;
  const at = lower.indexOf(needle);
  if (at <= lead) return text;
  let start = at - lead;
  // Start at a word where one begins within the lead, so no word is shown cut.
  const space = text.slice(start, at).search(/\s\S/);
  if (space >= 0) start += space + 1;
  return `…${text.slice(start)}`;
}
