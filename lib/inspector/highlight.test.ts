import { describe, expect, it } from 'vitest';
import { fromFirstMatch, splitMatches } from './highlight';

describe('splitMatches', () => {
  it('marks every occurrence case-insensitively and keeps the text as written', () => {
    expect(splitMatches('…my Refund, the refund policy', 'REFUND')).toEqual([
      { text: '…my ', match: false },
      { text: 'Refund', match: true },
      { text: ', the ', match: false },
      { text: 'refund', match: true },
      { text: ' policy', match: false },
    ]);
  });

  it('keeps markup as plain text segments', () => {
    expect(splitMatches('<script>alert(1)</script>', 'alert')).toEqual([
      { text: '<script>', match: false },
      { text: 'alert', match: true },
      { text: '(1)</script>', match: false },
    ]);
  });

  it('marks nothing when the term is missing, blank or was masked away', () => {
    expect(splitMatches('Mail [email] now', 'jane@example.org')).toEqual([{ text: 'Mail [email] now', match: false }]);
    expect(splitMatches('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('', 'abc')).toEqual([]);
  });

  it('does not mark at shifted offsets when lowercasing changes the length', () => {
    expect(splitMatches('İstanbul refund', 'refund')).toEqual([{ text: 'İstanbul refund', match: false }]);
  });
});

describe('fromFirstMatch', () => {
  // The snippet the list query returns: 80 characters before the first match, 120 after it.
  const snippet = '…orded after the renewal date, so the renewal went through. I have issued a full refund for this period; it will appear on your statement.';

  it('starts shortly before the first match, at a word, so a three-line cell shows it', () => {
    const shown = fromFirstMatch(snippet, 'Refund');
    expect(shown).toBe('…I have issued a full refund for this period; it will appear on your statement.');
    expect(shown.toLowerCase().indexOf('refund')).toBeLessThanOrEqual(31);
    expect(snippet.endsWith(shown.slice(1))).toBe(true);
  });

  it('cuts inside a word only when no word starts within the lead', () => {
    expect(fromFirstMatch(`${'x'.repeat(60)}refund`, 'refund', 10)).toBe(`…${'x'.repeat(10)}refund`);
  });

  it('keeps the text as it is when the match is near its start, or cannot be placed', () => {
    expect(fromFirstMatch('a full refund', 'refund')).toBe('a full refund');
    expect(fromFirstMatch(snippet, undefined)).toBe(snippet);
    expect(fromFirstMatch(snippet, '  ')).toBe(snippet);
    expect(fromFirstMatch(snippet, 'jane@example.org')).toBe(snippet);
    const shifted = `İ${'x'.repeat(50)} refund`;
    expect(fromFirstMatch(shifted, 'refund')).toBe(shifted);
  });
});
