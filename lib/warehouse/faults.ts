import 'server-only';
import { FAULT_SPEC } from '@/lib/config';
import { WarehouseError, type Params, type RunOptions, type RunResult, type Warehouse } from './types';

/**
 * Fault injection for tests of the real code path: WAREHOUSE_FAULTS="label=mode[:times],…" where
 * label is a catalogue query id (or *) and mode is fail, unavailable, permission, timeout or
 * slow<ms>. `times` limits how often the fault fires (then the query runs normally).
 */
export type FaultMode = { kind: 'fail' | 'unavailable' | 'permission' | 'timeout' } | { kind: 'slow'; ms: number };
export interface FaultRule { label: string; mode: FaultMode; remaining: number }


export function parseFaults(spec: string): FaultRule[] {
  if (!FAULT_SPEC.test(spec)) throw new Error(`WAREHOUSE_FAULTS: "${spec}" is not label=mode[:times],…`);
  return spec.split(',').map((part) => {
    const [label, rest] = part.split('=') as [string, string];
    const [mode, times] = rest.split(':') as [string, string | undefined];
    const parsed: FaultMode = mode.startsWith('slow') ? { kind: 'slow', ms: Number(mode.slice(4)) } : { kind: mode as 'fail' };
    return { label, mode: parsed, remaining: times ? Number(times) : Number.POSITIVE_INFINITY };
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(new WarehouseError('The query was cancelled', 'cancelled')); }, { once: true });
  });
}

const ERRORS = {
  fail: () => new WarehouseError('The query failed in the warehouse', 'engine', 'injected fault'),
  unavailable: () => new WarehouseError('The SQL warehouse is starting or unavailable; retrying', 'unavailable', 'injected fault'),
  permission: () => new WarehouseError("You don't have access to a table this chart needs", 'permission', 'injected fault'),
  timeout: () => new WarehouseError('The query took longer than the statement timeout', 'timeout', 'injected fault'),
};

export function withFaults(inner: Warehouse, rules: FaultRule[]): Warehouse {
  return {
    engine: inner.engine,
    async run(sql: string, params: Params, options: RunOptions = {}): Promise<RunResult> {
      const rule = rules.find((r) => r.remaining > 0 && (r.label === '*' || r.label === options.label));
      if (rule) {
        rule.remaining--;
        if (rule.mode.kind === 'slow') await sleep(rule.mode.ms, options.signal);
        else throw ERRORS[rule.mode.kind]();
      }
      return inner.run(sql, params, options);
    },
    close: () => inner.close(),
  };
}
