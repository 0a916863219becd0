/**
 * Masks personal data in payload text before it leaves the server. Patterns favour masking a
 * little too much over leaking: an order number that looks like a phone number gets masked too.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// 13–19 digits in groups, checked with Luhn so ids and timestamps mostly survive.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const SSN = /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const PHONE = [
  /\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}/g, // international: +44 20 7946 0958
  /\(\d{2,4}\)[ .-]?\d{3,4}[ .-]?\d{3,4}/g, // (212) 555-0199
  /(?<![\d-]|\d )\d{2,4}[ .-]\d{3,4}[ .-]\d{4}(?![\d-]| \d)/g, // 090-1234-5678, 415-555-0134
];

export const MASKS = { email: '[email]', card: '[card number]', phone: '[phone]', ssn: '[ssn]', iban: '[iban]' } as const;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskText(text: string): string {
  if (!text) return text;
  let out = text.replace(EMAIL, MASKS.email);
  out = out.replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? MASKS.card : m));
  out = out.replace(IBAN, MASKS.iban);
  out = out.replace(SSN, MASKS.ssn);
  for (const re of PHONE) out = out.replace(re, (m) => (m.replace(/\D/g, '').length >= 8 ? MASKS.phone : m));
  return out;
}

/** Masks every string inside a JSON body (keys and numbers stay); text that is not JSON is masked as text. */
export function maskJsonText(body: string | null): string | null {
  if (body === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return maskText(body);
  }
  return JSON.stringify(maskValue(parsed));
}

export function maskValue(v: unknown): unknown {
  if (typeof v === 'string') {
    // Guardrail messages hold JSON inside a string: mask inside, keep it a JSON string.
    if ((v.startsWith('{') || v.startsWith('[')) && v.length > 1) {
      try {
        return JSON.stringify(maskValue(JSON.parse(v)));
      } catch {
        return maskText(v);
      }
    }
    return maskText(v);
  }
  if (Array.isArray(v)) return v.map(maskValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x)]));
  return v;
}

export type RevealPolicy = 'off' | 'all';

/** Whether viewers may reveal unmasked payloads: `PII_REVEAL=all` allows it, anything else does not. */
export function revealPolicy(env: NodeJS.ProcessEnv = process.env): RevealPolicy {
  return env.PII_REVEAL === 'all' ? 'all' : 'off';
}
