import { describe, expect, it } from 'vitest';
import { interpretPayload } from '@/lib/payload';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { tokenFigures, tokenSourceText } from './prepare-tokens';

const corpus = new Map(readCorpus().map((r) => [r.id, r]));
const model = (id: string) => interpretPayload(corpus.get(id)!);

describe('tokenFigures', () => {
  it('prefers endpoint_usage, then the count the response reports, then an estimate from message text', () => {
    const m = model('chat/openai-tools-history');
    expect(tokenFigures({ usage_input_tokens: 10, usage_output_tokens: 4 }, m)).toEqual({ input: { value: 10, source: 'endpoint_usage', detail: null }, output: { value: 4, source: 'endpoint_usage', detail: null } });
    expect(tokenFigures({ usage_input_tokens: null }, m).input).toEqual({ value: 82, source: 'response', detail: 'the response usage block' });
    const answer = 'It is 22 °C and sunny in Boston today.';
    const bare = interpretPayload({ request: null, response: JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer } }] }) });
    expect(tokenFigures({}, bare).output).toEqual({ value: Math.floor((answer.length + 1) / 4), source: 'estimate', detail: `${answer.length} characters of message text` });
    expect(tokenFigures({}, null)).toEqual({ input: { value: null, source: 'unknown', detail: null }, output: { value: null, source: 'unknown', detail: null } });
  });

  it('takes the final usage of a stream whose chunks repeat it cumulatively', () => {
    const out = tokenFigures({}, model('chat/stream-cumulative-usage')).output;
    expect(out).toMatchObject({ value: 1994, source: 'response' });
    expect(tokenSourceText(out)).toBe('response usage, last of 3 chunks carrying usage (reported cumulatively)');
    expect(tokenFigures({}, model('responses-agent/stream-function-call-output')).output).toMatchObject({ value: 25, detail: 'the response.completed event' });
  });

  it('never estimates output tokens from an error, a guardrail block or embedding vectors', () => {
    for (const id of ['error/rate-limit', 'guardrail-block/safety-categories', 'embeddings/string-input']) {
      expect(tokenFigures({}, model(id)).output.source, id).not.toBe('estimate');
    }
  });

  it('estimates an agent answer from its text, not from the trace it carries', () => {
    const r = corpus.get('responses-agent/trace-failed-llm-span')!;
    const out = tokenFigures({}, model(r.id)).output;
    expect(out.source).toBe('estimate');
    expect(out.value).toBe(r.expect.facts.est_tokens_out);
    expect(out.value! * 40).toBeLessThan(r.response!.length / 4);
  });
});
