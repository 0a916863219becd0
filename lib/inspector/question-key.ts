/** Punctuation that ends a word or the text: dropped, so "Refund?" and "refund" are one question. */
const WORD_END_PUNCTUATION = /[,;:!?.]+( |$)/g;

/**
 * The key top questions are grouped by (queries/macros/question_key.sql, held equal by a test):
 * lowercased, punctuation ending a word or the text dropped, whitespace folded; null when empty.
 * Punctuation inside a word stays, so an address or a number is still one the masker recognises.
 */
export function questionKey(text: string): string | null {
  const key = text.toLowerCase().replace(WORD_END_PUNCTUATION, ' ').replace(/[ \t\r\n]+/g, ' ').trim();
  return key || null;
}

export type Trend = 'rising' | 'falling' | 'steady' | 'new';

/**
 * How a question's count moved between the first and the second half of the window: new when it
 * was not asked in the first half, rising or falling when a half holds at least 1.5 times the
 * other and the two differ by at least 2 requests (so 1 → 2 is steady), else steady.
 */
export function questionTrend(earlier: number, later: number): Trend {
  if (earlier === 0 && later > 0) return 'new';
  if (Math.abs(later - earlier) < 2) return 'steady';
  if (later >= 1.5 * earlier) return 'rising';
  if (earlier >= 1.5 * later) return 'falling';
  return 'steady';
}
