import { maskText } from './pii';

/** Most digits a search term may hold without permission to reveal: enough for "gpt-4o" or "v2". */
export const MAX_TERM_DIGITS = 2;

/**
 * Why a search term could match inside masked personal data, or null when it cannot. Searches
 * match the raw bodies, so such a term would confirm a masked value (an email, a phone or card
 * number), or recover it piece by piece: a whole value, an @ (emails), or more than two digits
 * (phone, card, account numbers). JSON escapes and fullwidth forms count as what they stand for.
 */
export function personalDataInTerm(term: string): string | null {
  const unescaped = term.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const folded = unescaped.normalize('NFKC');
  if (maskText(folded) !== folded) return 'looks like personal data';
  if (folded.includes('@')) return 'contains an @ (part of an email address)';
  if ((folded.match(/\p{Nd}/gu)?.length ?? 0) > MAX_TERM_DIGITS) return `holds more than ${MAX_TERM_DIGITS} digits (part of a phone, card or account number)`;
  return null;
}
