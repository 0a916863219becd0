import { describe, expect, it } from 'vitest';
import { interpretPayload, normaliseText, payloadFacts, turnText } from '.';

const j = (v: unknown) => JSON.stringify(v);

describe('interpretPayload never throws', () => {
  it('survives odd shapes in either body', () => {
    const bodies = ['null', '42', '"s"', '[]', '[1,2]', '{}', '{"messages":"nope"}', '{"messages":[null,1,{"role":7}]}', '{"choices":[null]}', '{"choices":[{"delta":null}]}',
      '{"error_code":5,"message":"{bad json"}', '{"output":[{"type":"mystery"}]}', '{"data":[{"embedding":"base64=="}]}', '{"predictions":null}', '{"dataframe_split":{"columns":1}}',
      '[{"delta":{}},{"type":"response.completed"}]', '{"databricks_output":{"trace":"{not json"}}', '{"databricks_output":{"trace":{"data":{"spans":[null,{"parent_id":"x"}]}}}}', 'data: {"choices":[{"delta":{"content":"A"}}]}', '<html>', ''];
    for (const body of bodies) {
      for (const status of [200, 400, 500, null]) {
        expect(() => payloadFacts({ request: body, response: body, status_code: status }), `${body} ${status}`).not.toThrow();
      }
    }
  });

  it('explains NULL bodies, by their logging codes when there are some', () => {
    expect(interpretPayload({ request: null, response: null, status_code: 200 }).notes).toEqual(['The request body was not logged (NULL).', 'The response body was not logged (NULL).']);
    expect(interpretPayload({ request: null, response: null, logging_error_codes: ['SOMETHING_NEW'] }).notes[0]).toMatch(/SOMETHING_NEW/);
  });
});

describe('the last user message', () => {
  it('is the last user turn, not a tool result sent as a user message', () => {
    const m = interpretPayload({ request: j({ messages: [
      { role: 'user', content: 'Weather in Oslo?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '-3 °C' }] }] },
    ] }), response: null });
    expect(m.question).toBe('Weather in Oslo?');
    expect(m.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'tool']);
    expect(m.turns[2]).toMatchObject({ toolCallId: 'toolu_1', parts: [{ kind: 'text', text: '-3 °C' }] });
    expect(m.turns[1]!.toolCalls).toEqual([{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Oslo"}' }]);
  });

  it('is null when the last user turn is only an image', () => {
    const m = interpretPayload({ request: j({ messages: [{ role: 'user', content: 'first' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] }), response: null });
    expect(m.question).toBeNull();
  });

  it('takes the Responses instructions as a system turn, never as the question', () => {
    const m = interpretPayload({ request: j({ instructions: 'Be terse.', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }] }), response: null });
    expect(m.turns.map((t) => t.role)).toEqual(['system', 'user']);
    expect(m.question).toBe('Hi');
  });
});

describe('kinds that share a shape', () => {
  it('a string input is an embedding when vectors come back, a Responses call when an answer does', () => {
    const req = j({ input: 'hello there' });
    expect(interpretPayload({ request: req, response: j({ data: [{ embedding: [0.1, 0.2] }] }) })).toMatchObject({ kind: 'embeddings', question: null });
    expect(interpretPayload({ request: req, response: j({ object: 'response', model: 'gpt-4.1', output: [] }) })).toMatchObject({ kind: 'responses-api', question: 'hello there' });
  });

  it('tells a ResponsesAgent from the OpenAI Responses API by the agent-only fields', () => {
    const out = { object: 'response', output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'ok' }] }] };
    const input = [{ role: 'user', content: 'x' }];
    expect(interpretPayload({ request: j({ input }), response: j(out) }).kind).toBe('responses-agent');
    expect(interpretPayload({ request: j({ input, custom_inputs: {} }), response: j({ ...out, model: 'm' }) }).kind).toBe('responses-agent');
    expect(interpretPayload({ request: j({ input }), response: j({ ...out, model: 'gpt-4.1', created_at: 1 }) }).kind).toBe('responses-api');
  });

  it('a custom model with many rows shows the first 50 and says so', () => {
    const rows = Array.from({ length: 60 }, (_, k) => ({ question: `q${k}` }));
    const m = interpretPayload({ request: j({ dataframe_records: rows }), response: j({ predictions: rows.map((_, k) => `a${k}`) }) });
    expect(m.turns.filter((t) => t.source === 'request')).toHaveLength(50);
    expect(m.question).toBe('q0');
    expect(m.answers[0]!.text).toBe('a0');
    expect(m.notes.join(' ')).toMatch(/60 input rows.*first 50/);
  });
});

describe('text is kept as data', () => {
  it('keeps markup inert and unchanged, and an inline image never carries its bytes', () => {
    const texts = ['<script>alert(1)</script>', 'My avatar is <img src=x onerror=alert(1)> why?'];
    const m = interpretPayload({ request: j({ messages: texts.map((content) => ({ role: 'user', content })) }), response: null });
    expect(m.turns.map(turnText)).toEqual(texts);
    const img = interpretPayload({ request: j({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(40_000)}` } }] }] }), response: null });
    expect(img.turns[0]!.parts[0]).toEqual({ kind: 'image', label: 'Inline image (image/png, 29 KB)' });
  });

  it('reads a 1 MiB answer whole', () => {
    const big = 'x'.repeat(1024 * 1024);
    const m = interpretPayload({ request: null, response: j({ choices: [{ message: { role: 'assistant', content: big } }] }) });
    expect(m.answers[0]!.text).toHaveLength(big.length);
    expect(payloadFacts({ request: null, response: j({ choices: [{ message: { role: 'assistant', content: big } }] }) }).answer_text).toHaveLength(1000);
  });
});

describe('normaliseText', () => {
  it('trims, folds spaces, tabs and line breaks, cuts, and makes empty null', () => {
    expect(normaliseText('  a\n\n b\t c  ', 100)).toBe('a b c');
    expect(normaliseText('abcdef', 3)).toBe('abc');
    expect(normaliseText(' \n ', 10)).toBeNull();
    expect(normaliseText(null, 10)).toBeNull();
  });
});
