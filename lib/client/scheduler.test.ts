import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler';

/** A task that finishes when told to, recording when it started. */
function gate(started: string[], key: string) {
  let finish!: (v: string) => void;
  let fail!: (e: Error) => void;
  const done = new Promise<string>((resolve, reject) => { finish = resolve; fail = reject; });
  return { task: () => { started.push(key); return done; }, finish: () => finish(key), fail: (e: Error) => fail(e) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createScheduler', () => {
  it('runs at most `concurrency` tasks at once, the rest in the order they asked', async () => {
    const s = createScheduler({ concurrency: 2 });
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((k) => gate(started, k));
    const results = gates.map((g, i) => s.run(['a', 'b', 'c', 'd'][i]!, g.task));
    expect(started).toEqual(['a', 'b']);
    expect(s.stats()).toEqual({ running: 2, waiting: 2 });
    gates[1]!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates[0]!.finish();
    gates[2]!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('starts panels on screen before the rest, and panels far below last', async () => {
    const s = createScheduler({ concurrency: 1 });
    const started: string[] = [];
    const first = gate(started, 'first');
    void s.run('first', first.task);
    const waiting = ['below', 'unknown', 'onscreen'].map((k) => ({ k, g: gate(started, k) }));
    for (const { k, g } of waiting) void s.run(k, g.task);
    // The cards report where they are after their requests were queued.
    s.prioritise('below', 'offscreen');
    s.prioritise('onscreen', 'visible');
    first.finish();
    for (const { g } of waiting) {
      await tick();
      g.finish();
    }
    await tick();
    expect(started).toEqual(['first', 'onscreen', 'unknown', 'below']);
  });

  it('keeps a priority for later runs of the same key until forgotten', async () => {
    const s = createScheduler({ concurrency: 1 });
    const started: string[] = [];
    s.prioritise('late', 'visible');
    const hold = gate(started, 'hold');
    void s.run('hold', hold.task);
    const early = gate(started, 'early');
    const late = gate(started, 'late');
    void s.run('early', early.task);
    void s.run('late', late.task);
    hold.finish();
    await tick();
    expect(started).toEqual(['hold', 'late']);
    s.forget('late');
    late.finish();
    await tick();
    early.finish();
    expect(started).toEqual(['hold', 'late', 'early']);
  });

  it('takes an aborted request out of the queue without running it or holding a slot', async () => {
    const s = createScheduler({ concurrency: 1 });
    const started: string[] = [];
    const hold = gate(started, 'hold');
    void s.run('hold', hold.task);
    const controller = new AbortController();
    const dropped = s.run('dropped', gate(started, 'dropped').task, controller.signal);
    const kept = gate(started, 'kept');
    const keptResult = s.run('kept', kept.task);
    controller.abort(new Error('page left'));
    await expect(dropped).rejects.toThrow('page left');
    expect(s.stats()).toEqual({ running: 1, waiting: 1 });
    hold.finish();
    await tick();
    kept.finish();
    expect(await keptResult).toBe('kept');
    expect(started).toEqual(['hold', 'kept']);
  });

  it('refuses at once a request whose signal was already aborted', async () => {
    const s = createScheduler({ concurrency: 1 });
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const started: string[] = [];
    await expect(s.run('x', gate(started, 'x').task, controller.signal)).rejects.toThrow('gone');
    expect(started).toEqual([]);
    expect(s.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a task that fails, thrown or rejected', async () => {
    const s = createScheduler({ concurrency: 1 });
    const started: string[] = [];
    const failing = gate(started, 'failing');
    const a = s.run('failing', failing.task);
    const b = s.run('throws', () => { throw new Error('sync'); });
    const after = gate(started, 'after');
    const c = s.run('after', after.task);
    failing.fail(new Error('engine'));
    await expect(a).rejects.toThrow('engine');
    await expect(b).rejects.toThrow('sync');
    await tick();
    after.finish();
    expect(await c).toBe('after');
    expect(s.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
