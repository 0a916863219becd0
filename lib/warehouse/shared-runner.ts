import 'server-only';
import { createHash } from 'node:crypto';
import { WarehouseError, type Params, type QuerySlot, type RunOptions, type RunResult, type Warehouse } from './types';

export interface RunnerStats {
  /** Statements sent to the engine. */
  executions: number;
  /** Calls answered from the result cache. */
  cacheHits: number;
  /** Calls that joined an identical statement already running. */
  shared: number;
  /** Calls that waited for a free slot under the concurrency cap. */
  queued: number;
  /** Statements stopped because every caller went away (page left, request aborted). */
  cancelled: number;
  inFlight: number;
  cachedEntries: number;
}

export interface SharedRunnerOptions {
  /** Most statements running on the engine at once; the rest wait their turn. */
  maxConcurrent: number;
  maxEntries?: number;
  /** Results with more rows than this are not kept (exports, long lists). */
  maxCachedRows?: number;
  now?: () => number;
  /**
   * Whether a statement runs as the viewer (so its result is theirs alone). Default: whenever a
   * viewer token is given. Statements that run as the app share results whatever token came along.
   */
  runsAsViewer?: (options: RunOptions) => boolean;
  /** Runs before the cache is consulted, e.g. to notice that the data changed and drop old results. */
  beforeRun?: () => Promise<void>;
}

type Flight = { key: string; promise: Promise<RunResult>; controller: AbortController; waiters: number };

/**
 * Sits between the routes and an engine: identical statements in flight share one execution,
 * results are reused for a time-to-live the caller chooses, and at most `maxConcurrent`
 * statements run at once. Statements that run as a viewer never share results with anyone else.
 */
export function withSharedRunner(inner: Warehouse, opts: SharedRunnerOptions): Warehouse & { stats(): RunnerStats; clear(): void } {
  const now = opts.now ?? Date.now;
  const maxEntries = opts.maxEntries ?? 500;
  const maxCachedRows = opts.maxCachedRows ?? 20_000;
  const cache = new Map<string, { expires: number; result: RunResult }>();
  const flights = new Map<string, Flight>();
  const stats = { executions: 0, cacheHits: 0, shared: 0, queued: 0, cancelled: 0 };
  let running = 0;
  const waiting: (() => void)[] = [];

  const acquire = async (signal: AbortSignal) => {
    if (running < opts.maxConcurrent) {
      running++;
      return;
    }
    stats.queued++;
    await new Promise<void>((resolve, reject) => {
      const go = () => { signal.removeEventListener('abort', onAbort); running++; resolve(); };
      const onAbort = () => {
        const i = waiting.indexOf(go);
        if (i >= 0) waiting.splice(i, 1);
        reject(new WarehouseError('The query was cancelled', 'cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.push(go);
    });
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  /** One statement's place under the cap; releasing twice, or when not held, does nothing. */
  const slotFor = (): QuerySlot & { take(signal: AbortSignal): Promise<void> } => {
    let held = false;
    const take = async (signal?: AbortSignal) => {
      await acquire(signal ?? new AbortController().signal);
      held = true;
    };
    return {
      take,
      reacquire: take,
      release() {
        if (!held) return;
        held = false;
        release();
      },
    };
  };

  const runsAsViewer = opts.runsAsViewer ?? ((o: RunOptions) => Boolean(o.userAccessToken));
  const keyOf = (sql: string, params: Params, options: RunOptions) => {
    const identity = options.userAccessToken && runsAsViewer(options) ? `user:${createHash('sha256').update(options.userAccessToken).digest('hex')}` : 'app';
    return createHash('sha256').update(JSON.stringify([identity, sql, params])).digest('hex');
  };

  /** Joins a flight; the engine statement is cancelled only when every caller has gone. */
  const join = (flight: Flight, signal: AbortSignal | undefined): Promise<RunResult> => {
    flight.waiters++;
    if (!signal) return flight.promise.finally(() => { flight.waiters--; });
    return new Promise<RunResult>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        if (settled) return;
        settled = true;
        flight.waiters--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        if (flight.waiters === 0) {
          // Nobody wants the result any more: stop the statement, and let a later caller start afresh.
          if (flights.get(flight.key) === flight) flights.delete(flight.key);
          stats.cancelled++;
          flight.controller.abort();
        }
        reject(new WarehouseError('The query was cancelled', 'cancelled'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then((r) => { leave(); resolve(r); }, (e) => { leave(); reject(e); });
    });
  };

  return {
    engine: inner.engine,
    async run(sql, params, options = {}) {
      await opts.beforeRun?.();
      const key = keyOf(sql, params, options);
      const ttl = options.cacheTtlMs ?? 0;
      const hit = ttl > 0 ? cache.get(key) : undefined;
      if (hit && hit.expires > now()) {
        stats.cacheHits++;
        cache.delete(key); // re-insert: most recently used last
        cache.set(key, hit);
        return { ...hit.result, source: 'cache' };
      }
      const existing = flights.get(key);
      if (existing) {
        stats.shared++;
        return { ...(await join(existing, options.signal)), source: 'shared' };
      }
      const controller = new AbortController();
      const promise = (async () => {
        const slot = slotFor();
        await slot.take(controller.signal);
        try {
          stats.executions++;
          return await inner.run(sql, params, { ...options, signal: controller.signal, slot });
        } finally {
          slot.release();
        }
      })();
      const flight: Flight = { key, promise, controller, waiters: 0 };
      flights.set(key, flight);
      promise.then((result) => {
        if (ttl > 0 && result.rows.length <= maxCachedRows) {
          cache.set(key, { expires: now() + ttl, result });
          while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
        }
      }, () => undefined).finally(() => {
        if (flights.get(key) === flight) flights.delete(key);
      });
      return { ...(await join(flight, options.signal)), source: 'engine' };
    },
    close: () => inner.close(),
    stats: () => ({ ...stats, inFlight: flights.size, cachedEntries: cache.size }),
    clear: () => cache.clear(),
  };
}
