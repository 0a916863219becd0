/** One requester the filter offers: its id (email or application id), its display name when known, its requests. */
export interface RequesterChoice { id: string; name: string | null; requests: number }

/** What a choice reads as: `ticket-enricher (4f2…)` or the id alone. */
export function requesterLabel(c: Pick<RequesterChoice, 'id' | 'name'>): string {
  return c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id;
}

/**
 * The requester id typed text stands for: an id as it is, a display name (whole, any case) as its
 * id, else a single choice whose id or name contains the text; otherwise the text itself (a
 * requester outside the window is still a valid filter).
 */
export function resolveRequester(text: string, choices: readonly RequesterChoice[]): string {
  const t = text.trim();
  if (!t) return '';
  if (choices.some((c) => c.id === t)) return t;
  const lower = t.toLowerCase();
  const byName = choices.find((c) => c.name?.toLowerCase() === lower || requesterLabel(c).toLowerCase() === lower);
  if (byName) return byName.id;
  const partial = choices.filter((c) => c.id.toLowerCase().includes(lower) || c.name?.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0]!.id : t;
}
