import { describe, expect, it } from 'vitest';
import { extractPayload } from './extract';
import { toFineTuneRecord } from './fine-tune';

const j = (v: unknown) => JSON.stringify(v);

describe('toFineTuneRecord', () => {
  it('puts the history first and the answer last, with tool calls and results', () => {
    const x = extractPayload({
      request: j({ messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Order 42?' }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"id":42}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '{"status":"shipped"}' },
      ] }),
      response: j({ choices: [{ message: { role: 'assistant', content: 'It shipped.' }, finish_reason: 'stop' }] }),
    });
    expect(toFineTuneRecord(x)).toEqual({ messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Order 42?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"id":42}' } }] },
      { role: 'tool', content: '{"status":"shipped"}', tool_call_id: 'c1' },
      { role: 'assistant', content: 'It shipped.' },
    ] });
  });

  it('skips errors, guardrail blocks, embeddings and bodies without an answer', () => {
    const user = j({ messages: [{ role: 'user', content: 'hi' }] });
    expect(toFineTuneRecord(extractPayload({ request: user, response: j({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }) }))).toBeNull();
    expect(toFineTuneRecord(extractPayload({ request: j({ input: ['a'] }), response: j({ data: [{ embedding: [0.1] }] }) }))).toBeNull();
    expect(toFineTuneRecord(extractPayload({ request: user, response: null }))).toBeNull();
    expect(toFineTuneRecord(extractPayload({ request: user, response: '{"choices": [' }))).toBeNull();
  });
});
