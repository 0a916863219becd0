import { describe, expect, it } from 'vitest';
import { interpretPayload, type Turn } from '@/lib/payload';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { formatArguments, formatBytes, formatDuration, formatUtc, isLarge, prepareTranscript, roleLabel, TRUNCATED_PART_CHARS } from './prepare-transcript';

const turn = (text: string, role: Turn['role'] = 'user'): Turn => ({ role, parts: [{ kind: 'text', text }], toolCalls: [], source: 'request' });

describe('prepareTranscript', () => {
  it('mounts the first turns and counts the rest', () => {
    const turns = Array.from({ length: 150 }, (_, k) => turn(`m${k}`));
    const p = prepareTranscript(turns, { truncate: false, limit: 60 });
    expect(p.turns).toHaveLength(60);
    expect(p.more).toBe(90);
    expect(prepareTranscript(turns, { truncate: false, limit: 1000 }).more).toBe(0);
  });

  it('cuts long text parts only when truncating, and says how much is hidden', () => {
    const big = 'x'.repeat(1024 * 1024);
    const t = prepareTranscript([turn(big, 'assistant')], { truncate: true, limit: 10 });
    expect(t.truncated).toBe(true);
    expect(t.turns[0]!.parts[0]).toEqual({ part: { kind: 'text', text: 'x'.repeat(TRUNCATED_PART_CHARS) }, hidden: big.length - TRUNCATED_PART_CHARS });
    const full = prepareTranscript([turn(big)], { truncate: false, limit: 10 });
    expect(full.truncated).toBe(false);
    expect(full.turns[0]!.parts[0]!.hidden).toBe(0);
  });

  it('knows a large payload', () => {
    expect(isLarge(256 * 1024)).toBe(false);
    expect(isLarge(256 * 1024 + 1)).toBe(true);
  });
});

describe('choices and answers', () => {
  const corpus = new Map(readCorpus().map((r) => [r.id, r]));
  const prepared = (id: string) => {
    const m = interpretPayload(corpus.get(id)!);
    return prepareTranscript(m.turns, { truncate: false, limit: 100, kind: m.kind });
  };

  it('puts each choice of an n > 1 answer under its own heading, even when the stream interleaved them', () => {
    const p = prepared('chat/stream-n2-interleaved');
    expect(p.turns.map((t) => t.heading ?? null)).toEqual([null, 'Choice 1 of 2', 'Choice 2 of 2']);
    expect(p.turns.filter((t) => t.final).map((t) => t.turn.choice)).toEqual([0, 1]);
  });

  it('marks only an agent\'s final message as the answer, and names a custom model\'s predictions', () => {
    const agent = prepared('chat-agent/response-tools');
    expect(agent.turns.map((t) => t.final)).toEqual([false, false, false, true]);
    expect(prepared('custom-model/tabular-scores').turns.map((t) => t.heading ?? null)).toEqual([null, null, 'Prediction 1 of 2', 'Prediction 2 of 2']);
  });

  it('cuts long reasoning like long text when truncating', () => {
    const t: Turn = { role: 'assistant', parts: [{ kind: 'reasoning', text: 'r'.repeat(TRUNCATED_PART_CHARS + 5) }], toolCalls: [], source: 'response' };
    expect(prepareTranscript([t], { truncate: true, limit: 10 }).turns[0]!.parts[0]).toEqual({ part: { kind: 'reasoning', text: 'r'.repeat(TRUNCATED_PART_CHARS) }, hidden: 5 });
  });
});

describe('labels and formats', () => {
  it('labels roles, answers and reasoning', () => {
    const shown = (t: Turn, final = false) => ({ turn: t, final });
    expect(roleLabel(shown({ ...turn('a', 'assistant'), source: 'response' }, true))).toBe('Assistant · answer');
    expect(roleLabel(shown({ ...turn('a', 'tool'), rawRole: 'function' }))).toBe('Tool result (function)');
    expect(roleLabel(shown({ ...turn('a', 'tool'), source: 'response' }))).toBe('Tool result · in response');
    expect(roleLabel(shown({ ...turn('', 'assistant'), source: 'response', toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] }))).toBe('Assistant · in response');
    expect(roleLabel(shown({ ...turn('a', 'assistant'), rawRole: 'reasoning' }))).toBe('Assistant · reasoning');
  });

  it('formats arguments, sizes, durations and UTC times', () => {
    expect(formatArguments('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatArguments('{broken')).toBe('{broken');
    expect(formatBytes(512)).toBe('512 chars');
    expect(formatBytes(2048)).toBe('2.0 K chars');
    expect(formatBytes(null)).toBe('–');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(2345)).toBe('2.35 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(null)).toBe('–');
    expect(formatUtc('2026-11-20T14:05:09.123Z')).toBe('2026-11-20 14:05:09 UTC');
  });
});
