/** A piece of text, and whether it is an occurrence of the searched term. */
export interface Segment { text: string; match: boolean }

/**
 * The lowercased term and text to find its occurrences in, or null when there is no term or
 * lowercasing would move offsets (it does for a few characters such as 'İ'): then nothing is placed.
 */
function caseless(text: string, term: string | undefined): { needle: string; lower: string } | null {
  const needle = term?.trim().toLowerCase();
  if (!needle) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? { needle, lower } : null;
}

/**
 * Splits (already masked) text at every case-insensitive occurrence of `term`, keeping the text
 * as written: the view wraps the matches in <mark> as text nodes, never as HTML.
 */
export function splitMatches(text: string, term: string | undefined): Segment[] {
  const search = caseless(text, term);
  if (!search) return text ? [{ text, match: false }] : [];
  const { needle, lower } = search;
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
  const search = caseless(text, term);
  if (!search) return text;
  const at = search.lower.indexOf(search.needle);
  if (at <= lead) return text;
  let start = at - lead;
  // Start at a word where one begins within the lead, so no word is shown cut.
  const space = text.slice(start, at).search(/\s\S/);
  if (space >= 0) start += space + 1;
  return `…${text.slice(start)}`;
}
