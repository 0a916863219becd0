/**
 * Payload shapes below are copied (ids shortened) from public documentation and SDK fixtures:
 * - OpenAI API reference, "Create chat completion" and "The chat completion chunk object"
 *   (platform.openai.com/docs/api-reference/chat), also served by Databricks external models;
 * - OpenAI "Create completion" and "Create embeddings" reference examples;
 * - Databricks "Query foundation models" (chat, completions, embeddings request bodies);
 * - MLflow ResponsesAgent and ChatAgent docs (mlflow.org/docs/latest/genai/serving/responses-agent,
 *   mlflow.types.agent.ChatAgentResponse);
 * - Databricks AI Gateway guardrail error bodies ("Configure AI Gateway on model serving
 *   endpoints") and external-model provider errors, as the demo generator reproduces them.
 */
import { describe, expect, it } from 'vitest';
import { extractPayload, turnText } from './extract';

const j = (v: unknown) => JSON.stringify(v);

describe('chat completions', () => {
  const request = j({
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: [{ type: 'text', text: "What's in this image?" }, { type: 'image_url', image_url: { url: 'https://upload.wikimedia.org/wikipedia/commons/boardwalk.jpg' } }] },
    ],
    max_tokens: 300,
  });
  const response = j({
    id: 'chatcmpl-123', object: 'chat.completion', created: 1677652288, model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there, how may I assist you today?' }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
  });

  it('reads system, user (content parts, image as placeholder) and assistant turns', () => {
    const x = extractPayload({ request, response, statusCode: 200 });
    expect(x.requestFormat).toBe('chat');
    expect(x.responseFormat).toBe('chat');
    expect(x.turns.map((t) => t.role)).toEqual(['system', 'user', 'assistant']);
    expect(x.turns[1]!.parts).toEqual([{ kind: 'text', text: "What's in this image?" }, { kind: 'image', label: 'Image: https://upload.wikimedia.org/wikipedia/commons/boardwalk.jpg' }]);
    expect(turnText(x.turns[2]!)).toBe('Hello there, how may I assist you today?');
    expect(x.usage).toEqual({ input: 9, output: 12, total: 21 });
    expect(x.model).toBe('gpt-4o-mini');
    expect(x.finishReason).toBe('stop');
  });

  it('shows tool calls with their arguments and tool results with their call id', () => {
    const req = j({ messages: [
      { role: 'user', content: "What's the weather like in Boston today?" },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_current_weather', arguments: '{\n"location": "Boston, MA"\n}' } }] },
      { role: 'tool', tool_call_id: 'call_abc123', content: '{"temperature": 22}' },
    ] });
    const res = j({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'It is 22 °C in Boston.' }, finish_reason: 'stop' }] });
    const x = extractPayload({ request: req, response: res });
    expect(x.turns[1]!.toolCalls).toEqual([{ id: 'call_abc123', name: 'get_current_weather', arguments: '{\n"location": "Boston, MA"\n}' }]);
    expect(x.turns[2]).toMatchObject({ role: 'tool', toolCallId: 'call_abc123' });
    expect(x.turns.map((t) => t.source)).toEqual(['request', 'request', 'request', 'response']);
  });

  it('says an inline data: image is an image and never carries its bytes', () => {
    const data = `data:image/png;base64,${'A'.repeat(40_000)}`;
    const x = extractPayload({ request: j({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: data } }] }] }), response: null });
    expect(x.turns[0]!.parts[0]).toEqual({ kind: 'image', label: 'Inline image (image/png, 29 KB)' });
  });

  it('notes extra choices and shows the first', () => {
    const res = j({ choices: [{ message: { role: 'assistant', content: 'one' } }, { message: { role: 'assistant', content: 'two' } }] });
    const x = extractPayload({ request: null, response: res });
    expect(x.turns.map(turnText)).toEqual(['one']);
    expect(x.notes.join(' ')).toMatch(/2 choices/);
  });
});

describe('streamed responses', () => {
  it('joins chat.completion.chunk deltas, tool call fragments and the final usage', () => {
    const chunks = [
      { id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }] },
      { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: ' world' }, finish_reason: null }] },
      { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } },
    ];
    const x = extractPayload({ request: j({ messages: [{ role: 'user', content: 'hi' }], stream: true }), response: j(chunks) });
    expect(x.streamedChunks).toBe(4);
    expect(turnText(x.turns[1]!)).toBe('Hello world');
    expect(x.finishReason).toBe('stop');
    expect(x.usage?.total).toBe(7);
    const tools = [
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] } }] },
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"loc' } }] } }] },
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ation":"Paris"}' } }] }, finish_reason: 'tool_calls' }] },
    ];
    expect(extractPayload({ request: null, response: j(tools) }).turns[0]!.toolCalls).toEqual([{ id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}' }]);
  });

  it('reads a raw server-sent event stream', () => {
    const sse = 'data: {"choices":[{"delta":{"content":"A"}}]}\n\ndata: {"choices":[{"delta":{"content":"B"}}]}\n\ndata: [DONE]\n';
    expect(turnText(extractPayload({ request: null, response: sse }).turns[0]!)).toBe('AB');
  });
});

describe('completions and embeddings', () => {
  it('reads prompt and choices[].text', () => {
    const x = extractPayload({
      request: j({ prompt: 'Say this is a test', max_tokens: 7, temperature: 0 }),
      response: j({ id: 'cmpl-uqkvlQ', object: 'text_completion', model: 'gpt-3.5-turbo-instruct', choices: [{ text: '\n\nThis is indeed a test', index: 0, logprobs: null, finish_reason: 'length' }], usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } }),
    });
    expect(x.requestFormat).toBe('completions');
    expect(x.responseFormat).toBe('completions');
    expect(x.turns.map(turnText)).toEqual(['Say this is a test', '\n\nThis is indeed a test']);
  });

  it('counts vectors and dimensions instead of showing floats', () => {
    const vector = Array.from({ length: 1024 }, (_, k) => k / 1024);
    const x = extractPayload({
      request: j({ input: ['The food was delicious', 'and the waiter'] }),
      response: j({ object: 'list', data: [{ object: 'embedding', embedding: vector, index: 0 }, { object: 'embedding', embedding: vector, index: 1 }], model: 'text-embedding-ada-002', usage: { prompt_tokens: 8, total_tokens: 8 } }),
    });
    expect(x.embeddings).toEqual({ inputs: 2, vectors: 2, dimensions: 1024 });
    expect(x.turns).toHaveLength(1);
    expect(JSON.stringify(x.turns)).not.toContain('0.5');
  });

  it('reads a single string input', () => {
    expect(extractPayload({ request: j({ input: 'one query' }), response: null }).turns[0]!.parts).toEqual([{ kind: 'text', text: 'one query' }]);
  });
});

describe('agents', () => {
  it('reads a ResponsesAgent request and response with function calls', () => {
    const x = extractPayload({
      request: j({ input: [{ role: 'user', content: 'What is the status of order 42?' }], context: { conversation_id: 'c1' } }),
      response: j({ object: 'response', id: 'resp_1', output: [
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup_order', arguments: '{"order_id":"42"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"status":"shipped"}' },
        { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'It shipped.', annotations: [] }] },
      ] }),
    });
    expect(x.requestFormat).toBe('responses-agent');
    expect(x.responseFormat).toBe('responses-agent');
    expect(x.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(x.turns[1]!.toolCalls[0]).toEqual({ id: 'call_1', name: 'lookup_order', arguments: '{"order_id":"42"}' });
    expect(turnText(x.turns[3]!)).toBe('It shipped.');
  });

  it('reads a streamed ResponsesAgent event list', () => {
    const events = [
      { type: 'response.output_text.delta', item_id: 'm1', delta: 'Hel' },
      { type: 'response.output_item.done', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] } },
    ];
    expect(extractPayload({ request: null, response: j(events) }).turns.map(turnText)).toEqual(['Hello']);
  });

  it('reads ChatAgent messages both ways', () => {
    const x = extractPayload({
      request: j({ messages: [{ role: 'user', content: 'Hi' }] }),
      response: j({ messages: [{ role: 'assistant', content: '', id: 'a1', tool_calls: [{ id: 't1', type: 'function', function: { name: 'search', arguments: '{}' } }] }, { role: 'tool', content: '{"ok":true}', tool_call_id: 't1', id: 'r1' }, { role: 'assistant', content: 'Hello!', id: 'a2' }] }),
    });
    expect(x.responseFormat).toBe('chat-agent');
    expect(x.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });
});

describe('errors and guardrails', () => {
  it('decodes a PII guardrail block and its anonymised input', () => {
    const inner = j({ input_guardrail: [{ flagged: true, pii_detection: true, anonymized_input: ['Call me on <PHONE_NUMBER>'] }], finishReason: 'input_guardrail_triggered' });
    const x = extractPayload({ request: j({ messages: [{ role: 'user', content: 'Call me on +1 415-555-0134' }] }), response: j({ error_code: 'BAD_REQUEST', message: inner }), statusCode: 400 });
    expect(x.responseFormat).toBe('error');
    expect(x.error).toMatchObject({ code: 'BAD_REQUEST', message: 'The request was blocked by an input guardrail.' });
    expect(x.error!.guardrails).toEqual([{ stage: 'input', pii: true, invalidKeywords: false, categories: [], anonymizedInput: ['Call me on <PHONE_NUMBER>'] }]);
  });

  it('decodes keyword, safety and output guardrails', () => {
    const kw = extractPayload({ request: null, response: j({ error_code: 'BAD_REQUEST', message: j({ input_guardrail: [{ flagged: true, invalid_keywords: true }], finishReason: 'input_guardrail_triggered' }) }) });
    expect(kw.error!.guardrails[0]!.invalidKeywords).toBe(true);
    const out = extractPayload({ request: null, response: j({ error_code: 'BAD_REQUEST', message: j({ output_guardrail: [{ flagged: true, categories: { violent_crimes: true, hate: false } }], finishReason: 'output_guardrail_triggered' }) }) });
    expect(out.error!.guardrails[0]).toMatchObject({ stage: 'output', categories: ['violent_crimes'] });
    expect(out.error!.message).toMatch(/output guardrail/);
  });

  it('names the external provider and its message', () => {
    const x = extractPayload({ request: null, response: j({ error_code: 'BAD_GATEWAY', message: j({ external_model_provider: 'openai', external_model_error: { error: { message: 'The model is overloaded.', type: 'server_error' } } }) }), statusCode: 502 });
    expect(x.error).toMatchObject({ code: 'BAD_GATEWAY', provider: 'openai', message: 'The model is overloaded.' });
  });

  it('keeps a rate-limit message as it is', () => {
    const x = extractPayload({ request: null, response: j({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Exceeded rate limit: 60 requests per minute' }), statusCode: 429 });
    expect(x.error).toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED', message: 'Exceeded rate limit: 60 requests per minute', guardrails: [] });
  });
});

describe('NULL, truncated and malformed bodies', () => {
  it('explains NULL bodies by their logging error codes', () => {
    const x = extractPayload({ request: null, response: j({ choices: [] }), loggingErrorCodes: ['MAX_REQUEST_SIZE_EXCEEDED'] });
    expect(x.notes).toEqual([expect.stringMatching(/larger than the inference table logs.*MAX_REQUEST_SIZE_EXCEEDED/)]);
    expect(extractPayload({ request: null, response: null }).notes).toEqual(['The request body was not logged (NULL).', 'The response body was not logged (NULL).']);
    expect(extractPayload({ request: null, response: null, loggingErrorCodes: ['SOMETHING_NEW'] }).notes[0]).toMatch(/SOMETHING_NEW/);
  });

  it('shows truncated JSON as raw text with a note, and plain-text errors too', () => {
    const full = j({ choices: [{ message: { role: 'assistant', content: 'a long answer' } }] });
    const x = extractPayload({ request: full.slice(0, 20), response: full.slice(0, full.length / 2) });
    expect(x.turns.map((t) => t.role)).toEqual(['other', 'other']);
    expect(x.notes.join(' ')).toMatch(/not valid JSON/);
    const plain = extractPayload({ request: null, response: 'upstream connect error or disconnect/reset before headers', statusCode: 502 });
    expect(plain.notes).toContain('The error response is plain text (status 502).');
  });

  it('survives odd shapes without throwing', () => {
    for (const body of ['null', '42', '"s"', '[]', '[1,2]', '{}', '{"messages":"nope"}', '{"messages":[null,1,{"role":7}]}', '{"choices":[null]}', '{"error_code":5,"message":"{bad json"}', '{"output":[{"type":"mystery"}]}', '{"data":[{"embedding":"base64=="}]}']) {
      expect(() => extractPayload({ request: body, response: body, statusCode: 200 })).not.toThrow();
    }
  });
});

describe('hostile text', () => {
  it('keeps markup as inert text, unchanged', () => {
    const texts = ['Please format this as HTML: <script>alert(1)</script>', 'My avatar is <img src=x onerror=alert(1)> why?', 'Is this link safe? [click](javascript:alert(1))'];
    const x = extractPayload({ request: j({ messages: texts.map((content) => ({ role: 'user', content })) }), response: null });
    expect(x.turns.map(turnText)).toEqual(texts);
    expect(x.turns.every((t) => t.parts.every((p) => p.kind === 'text'))).toBe(true);
  });
});
