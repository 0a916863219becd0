import { describe, expect, it, vi } from 'vitest';
import { abortableSleep, backoffDelay, withRetry } from './databricks-retry';
import { WarehouseError } from './types';

const cold = () => Object.assign(new Error('Received a response with a bad HTTP status code: 503'), { statusCode: 503 });

function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe('backoffDelay', () => {
  it('doubles each step, caps it, and jitters within the upper half', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, 1_000, 15_000, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect([1, 2, 3].map((a) => backoffDelay(a, 1_000, 15_000, () => 0))).toEqual([500, 1_000, 2_000]);
  });
});

describe('withRetry', () => {
  it('returns the first success', async () => {
    const c = clock();
    const task = vi.fn().mockRejectedValueOnce(cold()).mockResolvedValueOnce('ok');
    await expect(withRetry(task, { budgetMs: 10_000, ...c, random: () => 1 })).resolves.toBe('ok');
    expect(task).toHaveBeenCalledTimes(2);
    expect(c.sleeps).toEqual([1_000]);
  });

  it('never sleeps past the budget', async () => {
    const c = clock();
    const task = vi.fn().mockRejectedValue(cold());
    const err = await withRetry(task, { budgetMs: 10_000, ...c, random: () => 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ kind: 'unavailable' });
    // 1s + 2s + 4s = 7s; the next 8s wait would end past 10s, so it stops.
    expect(c.sleeps).toEqual([1_000, 2_000, 4_000]);
    expect(task).toHaveBeenCalledTimes(4);
    expect((err as WarehouseError).detail).toBeInstanceOf(Error);
  });

  it('stops at once on an error that is not transient', async () => {
    const c = clock();
    const task = vi.fn().mockRejectedValue(new Error('[PARSE_SYNTAX_ERROR] Syntax error. SQLSTATE: 42601'));
    await expect(withRetry(task, { budgetMs: 10_000, ...c })).rejects.toMatchObject({ kind: 'syntax' });
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('reports each retry before waiting', async () => {
    const c = clock();
    const onRetry = vi.fn();
    const task = vi.fn().mockRejectedValueOnce(cold()).mockResolvedValueOnce(1);
    await withRetry(task, { budgetMs: 10_000, ...c, random: () => 0, onRetry });
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, delayMs: 500, kind: 'unavailable', elapsedMs: 0 }), expect.any(Error));
  });
});

describe('abortableSleep', () => {
  it('rejects when aborted', async () => {
    const controller = new AbortController();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });

  it('resolves after the delay', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});
