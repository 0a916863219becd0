import { describe, expect, it } from 'vitest';
import { ancestorsOf, searchJson } from './json-search';

const doc = { messages: [{ role: 'user', content: 'Refund please' }, { role: 'assistant', content: 'ok' }], 'odd key': { refund_id: 7 } };

describe('searchJson', () => {
  it('finds keys and scalar values, case-insensitively', () => {
    expect(searchJson(doc, 'refund')).toEqual(['$.messages[0].content', '$["odd key"].refund_id']);
    expect(searchJson(doc, 'ROLE')).toEqual(['$.messages[0].role', '$.messages[1].role']);
    expect(searchJson(doc, ' ')).toEqual([]);
    expect(searchJson(doc, 'o', 2)).toHaveLength(2);
  });
});

describe('ancestorsOf', () => {
  it('lists the containers to open for each hit', () => {
    expect([...ancestorsOf(['$.messages[0].content', '$["odd key"].refund_id'])].sort()).toEqual(['$', '$.messages', '$.messages[0]', '$["odd key"]'].sort());
  });
});
