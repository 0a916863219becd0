import { describe, expect, it } from 'vitest';
import { parseFaults, withFaults } from './faults';
import type { Warehouse } from './types';

const engine: Warehouse = { engine: 'duckdb', run: async () => ({ rows: [{ ok: 1 }], durationMs: 1 }), close: async () => undefined };

describe('fault injection', () => {
  it('parses rules and refuses anything else', () => {
    expect(parseFaults('requests-over-time=unavailable:2,*=slow250')).toEqual([
      { label: 'requests-over-time', mode: { kind: 'unavailable' }, remaining: 2 },
      { label: '*', mode: { kind: 'slow', ms: 250 }, remaining: Number.POSITIVE_INFINITY },
    ]);
    expect(() => parseFaults('x=explode')).toThrow(/WAREHOUSE_FAULTS/);
    expect(() => parseFaults("x=fail'; DROP")).toThrow(/WAREHOUSE_FAULTS/);
  });

  it('fires a limited fault the given number of times, only for its label', async () => {
    const wh = withFaults(engine, parseFaults('a=unavailable:2'));
    await expect(wh.run('SELECT 1', {}, { label: 'a' })).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(wh.run('SELECT 1', {}, { label: 'b' })).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    await expect(wh.run('SELECT 1', {}, { label: 'a' })).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(wh.run('SELECT 1', {}, { label: 'a' })).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('slows a query down and lets it be cancelled while it waits', async () => {
    const wh = withFaults(engine, parseFaults('*=slow5000'));
    const c = new AbortController();
    const run = wh.run('SELECT 1', {}, { label: 'x', signal: c.signal });
    setTimeout(() => c.abort(), 20);
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
