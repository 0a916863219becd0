import 'server-only';
import { classifyDatabricksError, type ErrorClassification } from './databricks-errors';
import { WarehouseError } from './types';

export interface RetryInfo {
  /** The attempt that failed, starting at 1. */
  attempt: number;
  delayMs: number;
  kind: WarehouseError['kind'];
  /** Safe, short reason, e.g. "The SQL warehouse is still starting; …". */
  reason: string;
  elapsedMs: number;
}

export interface RetryOptions {
  /** Total wall time for all attempts and waits; no new attempt starts after it. */
  budgetMs: number;
  /**
   * The budget once an attempt has failed because the warehouse is stopped or starting: a
   * pro/classic warehouse takes minutes to start, a dropped socket should not hold a chart that long.
   */
  startBudgetMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
  classify?: (err: unknown) => ErrorClassification;
  /** Called before waiting for the next attempt; gets the error to allow reconnecting. */
  onRetry?: (info: RetryInfo, err: unknown) => void | Promise<void>;
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so a burst of
 * charts hitting a cold warehouse does not retry in lockstep.
 */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const step = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Runs `task` until it succeeds, fails for good, or the budget is spent; throws a WarehouseError. */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { budgetMs, now, sleep, signal } = options;
  const base = options.baseDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 15_000;
  const random = options.random ?? Math.random;
  const classify = options.classify ?? classifyDatabricksError;
  const started = now();
  let starting = false;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelled(signal.reason);
    try {
      return await task(attempt);
    } catch (err) {
      const c = classify(err);
      const final = err instanceof WarehouseError ? err : new WarehouseError(c.safeMessage, c.kind, err);
      if (!c.retry) throw final;
      if (signal?.aborted) throw cancelled(err);
      starting ||= c.coldStart === true;
      const limit = starting ? Math.max(budgetMs, options.startBudgetMs ?? budgetMs) : budgetMs;
      const elapsedMs = now() - started;
      const delayMs = backoffDelay(attempt, base, max, random);
      if (elapsedMs + delayMs >= limit) throw final;
      await options.onRetry?.({ attempt, delayMs, kind: c.kind, reason: c.safeMessage, elapsedMs }, err);
      try {
        await sleep(delayMs, signal);
      } catch (sleepErr) {
        throw cancelled(sleepErr);
      }
    }
  }
}

function cancelled(detail: unknown): WarehouseError {
  return new WarehouseError('The query was cancelled.', 'cancelled', detail);
}

/** A timer-backed sleep that ends early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
