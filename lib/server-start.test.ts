import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '@/lib/config';
import type { Warehouse } from '@/lib/warehouse/types';
import { startupCheck } from './server-start';

const config = loadConfig({ DATABRICKS_HOST: 'adb-1.2.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'abc123', DATABRICKS_TOKEN: 'dapi-x', PAYLOAD_SCHEMA: 'main.gw' });

function engine() {
  let executions = 0;
  const run = vi.fn(async () => ({ rows: [], durationMs: 1 }));
  const warehouse: Warehouse & { stats(): { executions: number } } = { engine: 'databricks', run, close: async () => undefined, stats: () => ({ executions }) };
  return { warehouse, run, executed: () => { executions += 1; } };
}

describe('the start-up check on Databricks', () => {
  it('asks the Warehouses API first and, while the warehouse is stopped, sends nothing until a viewer has', async () => {
    const { warehouse, executed } = engine();
    const doctor = vi.fn(async () => [{ check: 'connect', status: 'ok' as const, detail: '' }]);
    const state = vi.fn(async () => ({ known: true as const, state: 'STOPPED' }));
    const done = startupCheck(config, { open: async () => warehouse, state, doctor, pollMs: 5 });
    await new Promise((r) => setTimeout(r, 40));
    expect(state).toHaveBeenCalledTimes(1);
    expect(doctor).not.toHaveBeenCalled();
    executed(); // a viewer's first query starts the warehouse
    await expect(done).resolves.toHaveLength(1);
    expect(doctor).toHaveBeenCalledTimes(1);
  });

  it('runs at once when the warehouse is running', async () => {
    const { warehouse } = engine();
    const doctor = vi.fn(async () => []);
    await startupCheck(config, { open: async () => warehouse, state: async () => ({ known: true, state: 'RUNNING' }), doctor, pollMs: 5 });
    expect(doctor).toHaveBeenCalledTimes(1);
  });

  it('waits as well when the state cannot be read (it never starts the warehouse to find out)', async () => {
    const { warehouse, run } = engine();
    const doctor = vi.fn(async () => []);
    const done = startupCheck(config, { open: async () => warehouse, state: async () => ({ known: false, reason: 'the SQL Warehouses API answered 403' }), doctor, pollMs: 5 });
    await new Promise((r) => setTimeout(r, 30));
    expect(doctor).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    void done;
  });
});

describe('the start-up check on the embedded engine', () => {
  it('runs at once, without asking any API', async () => {
    const embedded = loadConfig({});
    const { warehouse } = engine();
    const state = vi.fn();
    const doctor = vi.fn(async () => []);
    await startupCheck(embedded, { open: async () => warehouse, state, doctor });
    expect(state).not.toHaveBeenCalled();
    expect(doctor).toHaveBeenCalledTimes(1);
  });
});
