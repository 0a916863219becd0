/** One requester the filter bar offers: its id (email or application id), a display name when known, its requests. */
export interface RequesterChoice { id: string; name: string | null; requests: number }

/**
 * The requesters of the window as choices. Display names (a service principal's, from the
 * workspace) are not in the tables: `names` (id → name) is where they join when the server
 * provides them; until then a requester is shown by its id.
 */
export function requesterChoices(rows: readonly { requester: string; requests: number; display_name?: string | null }[], names: Readonly<Record<string, string>> = {}): RequesterChoice[] {
  return rows.map((r) => ({ id: r.requester, name: r.display_name ?? names[r.requester] ?? null, requests: r.requests }));
}

/** What a choice reads as: `ticket-enricher (4f2…)` or the id alone. */
export function requesterLabel(c: RequesterChoice): string {
  return c.name ? `${c.name} (${c.id})` : c.id;
}

/**
 * The requester id typed text stands for: an id as it is, a display name (whole, any case) as its
 * id, else a single choice whose id or name contains the text; otherwise the text itself.
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
