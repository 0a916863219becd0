import { describe, expect, it } from 'vitest';
import { splitMatches } from './highlight';

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
