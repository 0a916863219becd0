import { describe, expect, it } from 'vitest';
import type { Turn } from './extract';
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

describe('labels and formats', () => {
  it('labels roles, answers and reasoning', () => {
    expect(roleLabel({ ...turn('a', 'assistant'), source: 'response' })).toBe('Assistant · answer');
    expect(roleLabel({ ...turn('a', 'tool'), rawRole: 'function' })).toBe('Tool (function)');
    expect(roleLabel({ ...turn('a', 'tool'), source: 'response' })).toBe('Tool · in response');
    expect(roleLabel({ ...turn('', 'assistant'), source: 'response', toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] })).toBe('Assistant · in response');
    expect(roleLabel({ ...turn('a', 'assistant'), rawRole: 'reasoning' })).toBe('Assistant · reasoning');
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
