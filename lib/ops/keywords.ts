import { z } from 'zod';

export const MAX_KEYWORDS = 5;

/** `Project Nightingale, outage` → trimmed, de-duplicated keywords (case-insensitive), at most five. */
export function parseKeywords(raw: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const k = part.trim().replace(/\s+/g, ' ');
    if (!k || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out;
}

/** The `keywords` query parameter: comma-separated, each 2–60 characters, at most five. */
export const keywordsParam = z
  .string()
  .max(400)
  .optional()
  .superRefine((v, ctx) => {
    const ks = parseKeywords(v);
    if (ks.length > MAX_KEYWORDS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_KEYWORDS} keywords` });
    if (ks.some((k) => k.length < 2 || k.length > 60)) ctx.addIssue({ code: 'custom', message: 'each keyword must be 2 to 60 characters' });
  });

/** Keywords as the bound values :kw1…:kw5 (NULL when absent). */
export function keywordParams(raw: string | undefined): Record<string, string | null> {
  const ks = parseKeywords(raw);
  return Object.fromEntries(Array.from({ length: MAX_KEYWORDS }, (_, i) => [`kw${i + 1}`, ks[i] ?? null]));
}
