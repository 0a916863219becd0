import { describe, expect, it } from 'vitest';
import { extractPayload } from './extract';
import { tokenFigures } from './prepare-tokens';

describe('tokenFigures', () => {
  const x = extractPayload({ request: null, response: JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'a' } }], usage: { prompt_tokens: 9, completion_tokens: 3 } }) });

  it('prefers endpoint_usage, then the response usage, then an estimate', () => {
    expect(tokenFigures({ usage_input_tokens: 10, usage_output_tokens: 4 }, x)).toEqual({ input: { value: 10, source: 'endpoint_usage' }, output: { value: 4, source: 'endpoint_usage' } });
    expect(tokenFigures({ usage_input_tokens: null, usage_output_tokens: null }, x)).toEqual({ input: { value: 9, source: 'response' }, output: { value: 3, source: 'response' } });
    expect(tokenFigures({ request_chars: 399, response_chars: 7 }, null)).toEqual({ input: { value: 100, source: 'estimate' }, output: { value: 2, source: 'estimate' } });
    expect(tokenFigures({}, null)).toEqual({ input: { value: null, source: 'unknown' }, output: { value: null, source: 'unknown' } });
  });

  it('does not estimate output tokens from an error body', () => {
    const err = extractPayload({ request: null, response: JSON.stringify({ error_code: 'BAD_REQUEST', message: 'no' }) });
    expect(tokenFigures({ response_chars: 40 }, err).output).toEqual({ value: null, source: 'unknown' });
  });
});
