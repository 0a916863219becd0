/**
 * The order in which a page's catalogue queries reach the server. A page of 16–20 panels sending
 * every query at once makes each panel wait for all of them (the server runs a few statements at
 * a time, and a 2-core machine shares its cores among whatever runs). Here at most `concurrency`
 * run at once (the server's own engine concurrency, so nothing waits unseen in its queue), the
 * rest wait in order: panels on screen first, then in the order they asked (the page's own order,
 * top to bottom), panels far below last.
 */

/** visible: on screen or about to be; normal: not known yet; offscreen: far from the viewport. */
export type Priority = 'visible' | 'normal' | 'offscreen';
const RANK: Record<Priority, number> = { visible: 0, normal: 1, offscreen: 2 };

export interface Scheduler {
  /** Runs `task` when a slot is free; aborting `signal` while it waits takes it out of the queue. */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Where the panel asking for `key` stands; remembered for its later runs until `forget`. */
  prioritise(key: string, priority: Priority): void;
  forget(key: string): void;
  stats(): { running: number; waiting: number };
}

interface Waiting { key: string; seq: number; start: () => void }

export function createScheduler(opts: { concurrency: number }): Scheduler {
  const concurrency = Math.max(1, Math.floor(opts.concurrency));
  const hints = new Map<string, Priority>();
  const queue: Waiting[] = [];
  let running = 0;
  let seq = 0;

  const rank = (w: Waiting) => RANK[hints.get(w.key) ?? 'normal'];
  const next = () => {
    while (running < concurrency && queue.length > 0) {
      let best = 0;
      for (let i = 1; i < queue.length; i++) {
        const a = queue[i]!;
        const b = queue[best]!;
        if (rank(a) < rank(b) || (rank(a) === rank(b) && a.seq < b.seq)) best = i;
      }
      const [w] = queue.splice(best, 1);
      running++;
      w!.start();
    }
  };

  return {
    run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          const i = queue.indexOf(entry);
          if (i >= 0) queue.splice(i, 1);
          reject(signal!.reason);
        };
        const entry: Waiting = {
          key,
          seq: seq++,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            let settled: Promise<T>;
            try {
              settled = task();
            } catch (err) {
              settled = Promise.reject(err);
            }
            // The slot is free (and the next request sent) before the caller hears the answer.
            const done = () => {
              running--;
              next();
            };
            settled.then((value) => { done(); resolve(value); }, (err: unknown) => { done(); reject(err); });
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        next();
      });
    },
    prioritise(key, priority) {
      hints.set(key, priority);
    },
    forget(key) {
      hints.delete(key);
    },
    stats: () => ({ running, waiting: queue.length }),
  };
}
