import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvStream } from './csv';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [-3, '-3'],
    [Number.NaN, ''],
    [true, 'true'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    [' padded', '" padded"'],
    ['東京・ユーザー', '東京・ユーザー'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1+1', "'-1+1"],
    ['@sum', "'@sum"],
    [{ project: 'a,b' }, '"{""project"":""a,b""}"'],
    // Spreadsheets skip leading blanks and line breaks, and read fullwidth operators as formulas.
    [' =1+1', "' =1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r\n@SUM(A1)', `"'\r\n@SUM(A1)"`],
    ['\t=1', "'\t=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['﹣1', "'﹣1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\u3000=HYPERLINK("x")', `"'\u3000=HYPERLINK(""x"")"`],
    ['\u200b=1', "'\u200b=1"],
    ['a = b', 'a = b'],
    ['e-mail', 'e-mail'],
  ])('%j → %s', (value, expected) => expect(csvCell(value)).toBe(expected));
});

describe('csvStream', () => {
  it('writes a BOM, a header and every row with CRLF endings, in chunks', async () => {
    const rows = Array.from({ length: 2_501 }, (_, i) => ({ user: i === 7 ? 'Müller, "Jo"' : `u${i}`, cost: i / 2 }));
    const bytes = await new Response(csvStream(['user', 'cost'], rows, 1_000)).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFuser,cost\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(2_503); // header + rows + trailing empty
    expect(lines[8]).toBe('"Müller, ""Jo""",3.5');
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
  });
});
