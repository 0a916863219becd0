import { describe, expect, it } from 'vitest';
import { interpretPayload } from '@/lib/payload';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { toFineTuneRecord } from './fine-tune';

const j = (v: unknown) => JSON.stringify(v);
const corpus = new Map(readCorpus().map((r) => [r.id, r]));
const record = (id: string) => toFineTuneRecord(interpretPayload(corpus.get(id)!));

describe('toFineTuneRecord', () => {
  it('puts the history first and the answer last, with tool calls and results', () => {
    const x = interpretPayload({
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

  it('takes the first choice only, and the answer without its reasoning', () => {
    expect(record('chat/n2-choices')!.messages.map((m) => m.content)).toEqual(['Suggest a name for a neighbourhood bakery.', 'Crumb & Co.']);
    expect(record('chat/stream-n2-interleaved')!.messages.at(-1)).toEqual({ role: 'assistant', content: 'Crumb & Co.' });
    expect(JSON.stringify(record('chat/claude-reasoning-parts'))).not.toContain('Rayleigh scattering.');
  });

  it('keeps agent tool steps and a custom model\'s question and answer', () => {
    expect(record('responses-agent/response-function-calls')!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(record('custom-model/dataframe-split')!.messages).toEqual([{ role: 'user', content: 'What is Delta Lake?' }, { role: 'assistant', content: expect.stringMatching(/^Delta Lake is/) }]);
  });

  it('skips errors, guardrail blocks, embeddings, batches and bodies without an answer', () => {
    for (const id of ['error/rate-limit', 'guardrail-block/pii-anonymized-messages', 'embeddings/string-input', 'custom-model/tabular-scores', 'chat/null-response-oversize', 'chat/truncated-response', 'chat/openai-tool-call-response']) {
      expect(record(id), id).toBeNull();
    }
  });
});
