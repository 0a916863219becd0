import { describe, expect, it } from 'vitest';
import { withSharedRunner } from './shared-runner';
import { WarehouseError, type Params, type RunOptions, type RunResult, type Warehouse } from './types';

/** An engine whose statements finish when the test says so, recording what it was asked. */
function controllableEngine() {
  const calls: { sql: string; params: Params; signal?: AbortSignal; finish: (r: RunResult) => void; fail: (e: unknown) => void }[] = [];
  const engine: Warehouse = {
    engine: 'duckdb',
    run(sql: string, params: Params, options: RunOptions = {}) {
      return new Promise<RunResult>((resolve, reject) => {
        const call = { sql, params, signal: options.signal, finish: resolve, fail: reject };
        calls.push(call);
        options.signal?.addEventListener('abort', () => reject(new WarehouseError('The query was cancelled', 'cancelled')), { once: true });
      });
    },
    close: async () => undefined,
  };
  return { engine, calls };
}

const result = (n: number): RunResult => ({ rows: [{ n }], durationMs: 5 });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('withSharedRunner', () => {
  it('runs identical statements in flight once and gives every caller the result', async () => {
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 4 });
    const a = runner.run('SELECT :x', { x: 1 });
    const b = runner.run('SELECT :x', { x: 1 });
    const c = runner.run('SELECT :x', { x: 2 });
    await tick();
    expect(calls).toHaveLength(2);
    calls[0]!.finish(result(1));
    calls[1]!.finish(result(2));
    expect(await a).toMatchObject({ rows: [{ n: 1 }], source: 'engine' });
    expect(await b).toMatchObject({ rows: [{ n: 1 }], source: 'shared' });
    expect((await c).rows).toEqual([{ n: 2 }]);
    expect(runner.stats()).toMatchObject({ executions: 2, shared: 1, cacheHits: 0, inFlight: 0 });
  });

  it('reuses a result within its time-to-live and runs again after it', async () => {
    let t = 1_000;
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 4, now: () => t });
    const first = runner.run('SELECT 1', {}, { cacheTtlMs: 60_000 });
    await tick();
    calls[0]!.finish(result(1));
    await first;
    t += 59_000;
    expect(await runner.run('SELECT 1', {}, { cacheTtlMs: 60_000 })).toMatchObject({ source: 'cache' });
    t += 2_000;
    const again = runner.run('SELECT 1', {}, { cacheTtlMs: 60_000 });
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.finish(result(3));
    expect((await again).rows).toEqual([{ n: 3 }]);
    expect(runner.stats()).toMatchObject({ executions: 2, cacheHits: 1 });
  });

  it('never caches without a TTL, never caches failures, and never shares between viewers', async () => {
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 4 });
    const failing = runner.run('SELECT 1', {}, { cacheTtlMs: 60_000 });
    await tick();
    calls[0]!.fail(new WarehouseError('boom', 'engine'));
    await expect(failing).rejects.toThrow('boom');
    const alice = runner.run('SELECT 1', {}, { cacheTtlMs: 60_000, userAccessToken: 'alice-token' });
    const bob = runner.run('SELECT 1', {}, { cacheTtlMs: 60_000, userAccessToken: 'bob-token' });
    await tick();
    expect(calls).toHaveLength(3);
    calls[1]!.finish(result(1));
    calls[2]!.finish(result(2));
    expect((await alice).rows).toEqual([{ n: 1 }]);
    expect((await bob).rows).toEqual([{ n: 2 }]);
    void runner.run('SELECT 2', {});
    await tick();
    calls[3]!.finish(result(4));
    await tick();
    void runner.run('SELECT 2', {});
    await tick();
    expect(calls).toHaveLength(5);
  });

  it('cancels the engine statement only when every caller has left', async () => {
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 4 });
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = runner.run('SELECT 1', {}, { signal: c1.signal });
    const b = runner.run('SELECT 1', {}, { signal: c2.signal });
    await tick();
    c1.abort();
    await expect(a).rejects.toMatchObject({ kind: 'cancelled' });
    expect(calls[0]!.signal!.aborted).toBe(false);
    c2.abort();
    await expect(b).rejects.toMatchObject({ kind: 'cancelled' });
    expect(calls[0]!.signal!.aborted).toBe(true);
    expect(runner.stats().cancelled).toBe(1);
    // A caller arriving afterwards starts a fresh statement instead of joining the cancelled one.
    const c = runner.run('SELECT 1', {});
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.finish(result(9));
    expect((await c).rows).toEqual([{ n: 9 }]);
  });

  it('caps concurrent statements and starts queued ones as others finish', async () => {
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 2 });
    const runs = [1, 2, 3, 4].map((i) => runner.run(`SELECT ${i}`, {}));
    await tick();
    expect(calls).toHaveLength(2);
    expect(runner.stats().queued).toBe(2);
    calls[0]!.finish(result(1));
    await tick();
    expect(calls).toHaveLength(3);
    calls[1]!.finish(result(2));
    calls[2]!.finish(result(3));
    await tick();
    expect(calls).toHaveLength(4);
    calls[3]!.finish(result(4));
    expect((await Promise.all(runs)).map((r) => r.rows[0]!.n)).toEqual([1, 2, 3, 4]);
  });

  it('drops a queued call that is cancelled before it starts', async () => {
    const { engine, calls } = controllableEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 1 });
    const first = runner.run('SELECT 1', {});
    const c = new AbortController();
    const queued = runner.run('SELECT 2', {}, { signal: c.signal });
    await tick();
    c.abort();
    await expect(queued).rejects.toMatchObject({ kind: 'cancelled' });
    calls[0]!.finish(result(1));
    await first;
    await tick();
    expect(calls).toHaveLength(1);
  });
});
