import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskColumns, maskJsonText, maskText } from './pii';

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
    // Fullwidth and other compatibility forms are what they look like.
    ['write to oliver.brown＠example.co.uk', 'write to [email]'],
    ['ｏｌｉｖｅｒ＠ｅｘａｍｐｌｅ．ｃｏ．ｕｋ です', '[email] です'],
    ['oliver﹫example.co.uk', '[email]'],
    ['card ４１１１ １１１１ １１１１ １１１１ ok', 'card [card number] ok'],
    // Letters outside ASCII belong to the address, not before it.
    ['from josé.garcía@correo.es today', 'from [email] today'],
  ])('masks %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('leaves dates, order numbers, times and non-Luhn digit runs alone', () => {
    for (const s of ['Order ORD-10442 placed 2026-11-20 at 14:05', 'ticket #123456', 'version 1.2.3', '1234 5678 9012 3456', 'it costs 4,500 JPY', 'an @ sign alone', 'user@localhost']) {
      expect(maskText(s)).toBe(s);
    }
  });

  it('keeps Unix times in ms, µs and ns even when their digits pass the card check', () => {
    // 1733000000005 (ms) and 1713229821507930114 (ns) both pass Luhn; a card number never starts like a time of 2000–2038.
    for (const s of ['1733000000005', '1713229821507930114', '1713229821507930']) expect(maskText(`t=${s}`)).toBe(`t=${s}`);
    expect(maskText('4000056655665556')).toBe('[card number]');
  });

  it('stays linear on long runs without an address (base64 images, embeddings)', () => {
    // The earlier regex tried every start position: a 160 kB run took 11 s, 2 MB would take half an hour.
    const text = `${'A'.repeat(2_000_000)} x@y.com`;
    expect(maskText(text).endsWith(' [email]')).toBe(true);
  });
});

describe('maskJsonText', () => {
  const fixture = fs.readFileSync(path.join(__dirname, '../security/fixtures/mlflow-trace-v2-response.json'), 'utf8');

  it('keeps 19-digit integers exactly: an MLflow trace in a response is masked without rounding its span times', () => {
    const masked = maskJsonText(fixture)!;
    for (const ns of ['1713229821507930112', '1713229821511368960', '1713229821508729856', '1713229821511215872']) {
      expect(masked.split(ns).length, ns).toBe(fixture.split(ns).length);
    }
    expect(masked).not.toContain('oliver.brown@example.co.uk');
    expect(masked).not.toContain('7946 0958');
    // Only the personal data changed: the rest is byte for byte the logged body.
    const restored = masked.replace('[email]', 'oliver.brown@example.co.uk').replace('[phone]', '+44 20 7946 0958');
    expect(restored).toBe(fixture);
    // JSON held in a string stays a valid JSON string, its numbers exact too.
    const attributes = JSON.parse(masked).databricks_output.trace.spans[0].attributes as string;
    expect(attributes).toContain('"mlflow.startTimeNs": 1713229821507930112');
    expect(JSON.parse(attributes)['mlflow.spanInputs'].contact).toBe('[email]');
  });

  it('returns a body with nothing to mask unchanged, whatever its numbers and spacing', () => {
    const body = '{ "id": 12345678901234567890123, "neg": -9007199254740993, "f": 1.0000000000000000001e-400, "t": 1713229821507930112 ,"s":"x" }';
    expect(maskJsonText(body)).toBe(body);
  });

  it('masks card numbers stored as JSON numbers, and personal data in object keys', () => {
    const masked = maskJsonText('{"card": 4111111111111111, "a@x.com": 1, "b@y.com": {"n": 2}, "phones": {"+1 415-555-0134": true}}')!;
    expect(masked).toBe('{"card": "[card number]", "[email]": 1, "[email] #2": {"n": 2}, "phones": {"[phone]": true}}');
    expect(Object.keys(JSON.parse(masked))).toHaveLength(4);
  });

  it('masks strings inside JSON, including JSON held in a string, and keeps the body valid JSON', () => {
    const body = JSON.stringify({ error_code: 'BAD_REQUEST', message: JSON.stringify({ input_guardrail: [{ anonymized_input: ['a'], raw: 'x@y.com' }] }), n: 4111111111111112 });
    const masked = maskJsonText(body)!;
    const parsed = JSON.parse(masked);
    expect(JSON.parse(parsed.message).input_guardrail[0].raw).toBe('[email]');
    expect(parsed.n).toBe(4111111111111112);
  });

  it('reads escaped characters as what they stand for', () => {
    const masked = maskJsonText('{"m": "mail jane\\u0040example.org or \\uff4aane＠example.org"}')!;
    expect(JSON.parse(masked).m).toBe('mail [email] or [email]');
  });

  it('masks text that is not JSON and keeps NULL', () => {
    expect(maskJsonText('{"truncated": "jane@example.org')).toBe('{"truncated": "[email]');
    expect(maskJsonText('upstream 502 for jane@example.org')).toBe('upstream 502 for [email]');
    expect(maskJsonText(null)).toBeNull();
  });

  it('handles deep nesting without recursion', () => {
    const deep = `${'['.repeat(50_000)}"a@b.co"${']'.repeat(50_000)}`;
    expect(maskJsonText(deep)).toBe(`${'['.repeat(50_000)}"[email]"${']'.repeat(50_000)}`);
  });
});

describe('maskColumns', () => {
  it('masks the named text columns of rows and leaves the others', () => {
    const post = maskColumns<{ user_text: string; answer_text: string | null; requester: string }>('user_text', 'answer_text');
    expect(post([{ user_text: 'I am a@b.co', answer_text: null, requester: 'pm@example.com' }])).toEqual([{ user_text: 'I am [email]', answer_text: null, requester: 'pm@example.com' }]);
  });
});
