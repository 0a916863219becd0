import { describe, expect, it } from 'vitest';
import { maskJsonText, maskText, revealPolicy } from './pii';

describe('maskText', () => {
  it.each([
    ['My card 4111 1111 1111 1111 was charged twice. Reach me at jane.doe@example.org.', 'My card [card number] was charged twice. Reach me at [email].'],
    ['Please update my phone number to +1 415-555-0134 and mail m.lopez@example.net.', 'Please update my phone number to [phone] and mail [email].'],
    ['Call me back on (212) 555-0199', 'Call me back on [phone]'],
    ['Here is 3782 822463 10005 and CVV 123', 'Here is [card number] and CVV 123'],
    ['copy my assistant at +44 20 7946 0958.', 'copy my assistant at [phone].'],
    ['電話番号は090-1234-5678、メールはtaro.yamada@example.jpです。', '電話番号は[phone]、メールは[email]です。'],
    ['カード番号4111-1111-1111-1111で二重に請求', 'カード番号[card number]で二重に請求'],
    ['SSN 123-45-6789', 'SSN [ssn]'],
    ['IBAN GB82 WEST 1234 5698 7654 32 please', 'IBAN [iban] please'],
  ])('masks %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('leaves dates, order numbers, times and non-Luhn digit runs alone', () => {
    for (const s of ['Order ORD-10442 placed 2026-11-20 at 14:05', 'ticket #123456', 'version 1.2.3', '1234 5678 9012 3456', 'it costs 4,500 JPY']) {
      expect(maskText(s)).toBe(s);
    }
  });
});

describe('maskJsonText', () => {
  it('masks strings inside JSON, including JSON held in a string, and keeps the body valid JSON', () => {
    const body = JSON.stringify({ error_code: 'BAD_REQUEST', message: JSON.stringify({ input_guardrail: [{ anonymized_input: ['a'], raw: 'x@y.com' }] }), n: 4111111111111111 });
    const masked = maskJsonText(body)!;
    const parsed = JSON.parse(masked);
    expect(JSON.parse(parsed.message).input_guardrail[0].raw).toBe('[email]');
    expect(parsed.n).toBe(4111111111111111);
  });

  it('masks text that is not JSON and keeps NULL', () => {
    expect(maskJsonText('{"truncated": "jane@example.org')).toBe('{"truncated": "[email]');
    expect(maskJsonText(null)).toBeNull();
  });
});

describe('revealPolicy', () => {
  it('allows reveal only when configured', () => {
    expect(revealPolicy({} as NodeJS.ProcessEnv)).toBe('off');
    expect(revealPolicy({ PII_REVEAL: 'yes' } as unknown as NodeJS.ProcessEnv)).toBe('off');
    expect(revealPolicy({ PII_REVEAL: 'all' } as unknown as NodeJS.ProcessEnv)).toBe('all');
  });
});
