/**
 * Masks personal data in payload text before it leaves the server. Patterns favour masking a
 * little too much over leaking: an order number that looks like a phone number gets masked too.
 * This is the only masker: previews, bodies, downloads, exports, CSV and error messages use it.
 */

// 13–19 digits in groups, checked with Luhn so ids and timestamps mostly survive.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const SSN = /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const PHONE = [
  /\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}/g, // international: +44 20 7946 0958
  /\(\d{2,4}\)[ .-]?\d{3,4}[ .-]?\d{3,4}/g, // (212) 555-0199
  /(?<![\d-]|\d )\d{2,4}[ .-]\d{3,4}[ .-]\d{4}(?![\d-]| \d)/g, // 090-1234-5678, 415-555-0134
];
// Emails are found from each @ outwards (a regex scanning every start position is quadratic on
// long letter runs such as base64 images). Letters of alphabetic scripts belong to an address;
// Japanese or Chinese text runs on without spaces, so its letters end one.
const LETTER = '\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{M}\\p{Nd}';
const EMAIL_LOCAL = new RegExp(`[${LETTER}._%+-]`, 'u');
const EMAIL_DOMAIN = new RegExp(`[${LETTER}-]+(?:\\.[${LETTER}-]+)*\\.[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]{2,}`, 'uy');

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

const EPOCH_FROM = 946_684_800n; // 2000-01-01
const EPOCH_TO = 2_145_916_800n; // 2038-01-01
/** A plain digit run that reads as a Unix time in s, ms, µs or ns between 2000 and 2038 (trace spans carry 19-digit ns). */
function isEpochTime(digits: string): boolean {
  if (digits.length < 10 || (digits.length - 10) % 3 !== 0) return false;
  const seconds = BigInt(digits) / 10n ** BigInt(digits.length - 10);
  return seconds >= EPOCH_FROM && seconds < EPOCH_TO;
}

function isCard(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  return luhn(digits) && !(digits === match && isEpochTime(digits));
}

/**
 * Detection runs on an NFKC-folded copy, so fullwidth and other compatibility forms (＠, ４, ．)
 * are found too; `from[k]`/`to[k]` give the original span of folded code unit k.
 */
function fold(text: string): { folded: string; from: number[] | null; to: number[] | null } {
  if (/^[\x00-\x7f]*$/.test(text)) return { folded: text, from: null, to: null };
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    folded += n;
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { folded, from, to };
}

type Span = { start: number; end: number; mask: string };

function emailSpans(s: string): Span[] {
  const spans: Span[] = [];
  let at = s.indexOf('@');
  let after = 0;
  while (at >= 0) {
    let start = at;
    while (start > after && EMAIL_LOCAL.test(s[start - 1]!)) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = start < at ? EMAIL_DOMAIN.exec(s) : null;
    if (domain) {
      const end = at + 1 + domain[0].length;
      spans.push({ start, end, mask: MASKS.email });
      after = end;
      at = s.indexOf('@', end);
    } else {
      at = s.indexOf('@', at + 1);
    }
  }
  return spans;
}

/** Spans to mask in `s`, in order; a later pattern never matches inside an earlier one's span. */
function spansOf(s: string): Span[] {
  const spans = emailSpans(s);
  if (!/\d/.test(s)) return spans;
  // Blank out what is already masked (same length, so offsets hold) before the next pattern.
  let rest = s;
  const blank = (list: Span[]) => {
    for (const sp of list) rest = rest.slice(0, sp.start) + '\u0000'.repeat(sp.end - sp.start) + rest.slice(sp.end);
  };
  blank(spans);
  const find = (re: RegExp, mask: string, keep: (m: string) => boolean = () => true) => {
    const found: Span[] = [];
    for (const m of rest.matchAll(re)) if (keep(m[0])) found.push({ start: m.index, end: m.index + m[0].length, mask });
    blank(found);
    spans.push(...found);
  };
  find(CARD, MASKS.card, isCard);
  find(IBAN, MASKS.iban);
  find(SSN, MASKS.ssn);
  for (const re of PHONE) find(re, MASKS.phone, (m) => m.replace(/\D/g, '').length >= 8);
  return spans.sort((a, b) => a.start - b.start);
}

export function maskText(text: string): string {
  if (!text) return text;
  const { folded, from, to } = fold(text);
  const spans = spansOf(folded);
  if (!spans.length) return text;
  let out = '';
  let last = 0;
  for (const sp of spans) {
    const start = from ? from[sp.start]! : sp.start;
    const end = to ? to[sp.end - 1]! : sp.end;
    if (start < last) continue;
    out += text.slice(last, start) + sp.mask;
    last = end;
  }
  return out + text.slice(last);
}

/**
 * Masks a body: valid JSON is masked token by token (string values, object keys, and integers that
 * are card numbers), everything else copied byte for byte, so numbers of any length survive;
 * JSON held in a string is masked the same way. Text that is not JSON is masked as text.
 */
export function maskJsonText(body: string | null): string | null {
  if (body === null) return null;
  return isJson(body) ? maskJson(body) : maskText(body);
}

function isJson(text: string): boolean {
  const t = text.trimStart();
  if (!t) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function maskString(value: string): string {
  const t = value.trimStart();
  if ((t.startsWith('{') || t.startsWith('[')) && isJson(value)) return maskJson(value);
  return maskText(value);
}

/** `text` must be valid JSON. One pass over its tokens, no recursion (bodies can nest deeply). */
function maskJson(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
  const replace = (start: number, end: number, replacement: string) => {
    parts.push(text.slice(copied, start), replacement);
    copied = end;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      i++;
    } else if (c === 0x3a /* : */) {
      stack[stack.length - 1]!.expectKey = false;
      i++;
    } else if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const value = JSON.parse(text.slice(i, end)) as string;
      const top = stack[stack.length - 1];
      let masked = maskString(value);
      if (top?.keys && top.expectKey) {
        // Two keys masked alike stay two keys.
        const base = masked;
        for (let n = 2; masked !== value && top.keys.has(masked); n++) masked = `${base} #${n}`;
        top.keys.add(masked);
      }
      if (masked !== value) replace(i, end, JSON.stringify(masked));
      i = end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
      const literal = text.slice(i, end);
      const masked = /^\d+$/.test(literal) ? maskText(literal) : literal;
      if (masked !== literal) replace(i, end, JSON.stringify(masked));
      i = end;
    } else {
      i++;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Index after the closing quote of the JSON string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Masks the named text columns of query rows before they leave the server. */
export function maskColumns<R extends Record<string, unknown>>(...columns: (keyof R & string)[]): (rows: R[]) => R[] {
  return (rows) => rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const c of columns) if (typeof out[c] === 'string') out[c] = maskText(out[c]);
    return out as R;
  });
}

export type RevealPolicy = 'off' | 'all';
export const REVEAL_POLICIES = ['off', 'all'] as const;
