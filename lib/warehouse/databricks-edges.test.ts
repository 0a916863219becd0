import { thrift } from '@databricks/sql';
import HiveDriverError from '@databricks/sql/dist/errors/HiveDriverError';
import OAuthManager, { OAuthFlow } from '@databricks/sql/dist/connection/auth/DatabricksOAuth/OAuthManager';
import { describe, expect, it } from 'vitest';
import { failed, http, setup, statusError, type Plan } from '@/lib/testing/fake-databricks';
import { classifyDatabricksError, oauthHostProblem } from './databricks-errors';
import { withSharedRunner } from './shared-runner';
import { WarehouseError, type RunResult, type Warehouse } from './types';

// Shapes a pro/classic warehouse answers while it starts. The texts are the server's, as reported
// against the Node driver by users of it (lightdash issue 27953 and the startup-retry fixtures of
// its pull request 28654): an ERROR_STATUS inside an HTTP 200 on the session opened while stopped,
// a disk error while nodes boot, then 503s until the driver's own HTTP retries give up.
const SESSION_NOT_INITIALIZED = 'requirement failed: Session handle: SessionHandle [01f19fd1-ac81-1e09-bb7c-357018ed26f1] has not been initialized or had already closed.';
const SESSION_NOT_READY = 'Session 01f19fd1-ac81-1e09-bb7c-357018ed26f1 is not fully initialized yet: no SparkSession is attached.';
const NO_RESOURCES_DIR = "Couldn't create directory /local_disk0/tmp/a1b2c3d4-0000-1111-2222-333344445555/_resources";
const DRIVER_GAVE_UP = 'Hive driver: 503 when connecting to resource. Max retry count exceeded.';

describe('cold start errors that arrive inside an HTTP 200', () => {
  it.each([
    ['session handle not initialized (ExecuteStatement status)', statusError(SESSION_NOT_INITIALIZED)],
    ['session not fully initialized', statusError(SESSION_NOT_READY)],
    ["couldn't create the _resources directory (ExecuteStatement status)", statusError(NO_RESOURCES_DIR)],
    ["couldn't create the _resources directory (operation polled into ERROR_STATE)", failed(NO_RESOURCES_DIR)],
    ["the driver's HTTP retries giving up on 503", new HiveDriverError(DRIVER_GAVE_UP)],
  ])('%s is a cold start, retried on the start-up budget', (_, err) => {
    expect(classifyDatabricksError(err)).toMatchObject({ retry: true, kind: 'unavailable', coldStart: true });
  });

  it('a permission error quoting a session id is still not retried', () => {
    const err = statusError("PERMISSION_DENIED: User does not have USE SCHEMA on Schema 'system.serving'.");
    expect(classifyDatabricksError(err)).toMatchObject({ retry: false, kind: 'permission' });
  });
});

/** A classic warehouse that starts over `startMs` of the (fake) clock: what each attempt meets. */
function classicStart(): Plan[] {
  return [
    // Stopped: OpenSession succeeds, the statement is refused inside a 200.
    { executeError: statusError(SESSION_NOT_INITIALIZED) },
    { executeError: statusError(SESSION_NOT_INITIALIZED) },
    // Nodes booting.
    { executeError: statusError(NO_RESOURCES_DIR) },
    { fetchError: failed(NO_RESOURCES_DIR) },
    // Then 503s that outlast the driver's own HTTP retries, several times over.
    ...Array.from({ length: 12 }, () => ({ openError: new HiveDriverError(DRIVER_GAVE_UP) })),
    { rows: [{ n: 1 }] },
  ];
}

describe('a statement against a starting classic warehouse', () => {
  it('waits through minutes of cold-start answers (past the 90 s transient budget) and then succeeds', async () => {
    const { driver, warehouse, sleeps } = setup({ retryBudgetMs: 90_000, startBudgetMs: 600_000 }, classicStart());
    const result = await warehouse.run('SELECT 1 AS n', {}, { label: 'latency' });
    expect(result.rows).toEqual([{ n: 1 }]);
    const waited = sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(90_000);
    expect(waited).toBeLessThan(600_000);
    // Every attempt that got a session closed it: no session is left open on the warehouse.
    expect(driver.sessions.length).toBeGreaterThanOrEqual(4);
    expect(driver.sessions.every((s) => s.closed === 1)).toBe(true);
  });

  it('gives up with "still starting" once the start-up budget is spent', async () => {
    const { warehouse, sleeps } = setup({ retryBudgetMs: 90_000, startBudgetMs: 120_000 }, classicStart());
    const err = await warehouse.run('SELECT 1', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable' });
    expect((err as Error).message).toMatch(/still starting/);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(120_000);
  });
});

describe('query slots while a statement waits for the warehouse', () => {
  it('a waiting statement holds no slot: another statement runs meanwhile, then the first takes a slot again', async () => {
    // One slot. Statement A meets a cold start and waits; the wait ends only when the test says so.
    let endWait: () => void = () => undefined;
    const waitEnded = new Promise<void>((resolve) => (endWait = resolve));
    const { warehouse: engine, driver } = setup({}, [{ executeError: statusError(SESSION_NOT_INITIALIZED) }, { rows: [{ who: 'B' }] }, { rows: [{ who: 'A' }] }], {
      sleep: () => waitEnded,
    });
    const runner = withSharedRunner(engine, { maxConcurrent: 1 });
    const a = runner.run('SELECT :who AS who', { who: 'A' });
    await until(() => driver.sessions.length === 1 && driver.sessions[0]!.closed === 1);
    const b = await runner.run('SELECT :who AS who', { who: 'B' });
    expect(b.rows).toEqual([{ who: 'B' }]);
    expect(runner.stats().queued).toBe(0);
    endWait();
    expect((await a).rows).toEqual([{ who: 'A' }]);
  });

  it('without waits the cap still holds: a second statement queues behind the first', async () => {
    let finishFirst: (r: RunResult) => void = () => undefined;
    const calls: string[] = [];
    const engine: Warehouse = {
      engine: 'databricks',
      run(sql: string) {
        calls.push(sql);
        return sql === 'first' ? new Promise<RunResult>((resolve) => (finishFirst = resolve)) : Promise.resolve({ rows: [], durationMs: 1 });
      },
      close: async () => undefined,
    };
    const runner = withSharedRunner(engine, { maxConcurrent: 1 });
    const first = runner.run('first', {});
    const second = runner.run('second', {});
    await until(() => calls.length === 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual(['first']);
    finishFirst({ rows: [], durationMs: 1 });
    await Promise.all([first, second]);
    expect(calls).toEqual(['first', 'second']);
    expect(runner.stats().queued).toBe(1);
  });
});

describe('result cache identity', () => {
  function countingEngine() {
    let executions = 0;
    const engine: Warehouse = {
      engine: 'databricks',
      run: async () => ({ rows: [{ n: ++executions }], durationMs: 1 }),
      close: async () => undefined,
    };
    return { engine, executions: () => executions };
  }

  it('is shared between viewers when statements run as the app, even with forwarded tokens', async () => {
    const { engine, executions } = countingEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 2, runsAsViewer: () => false });
    await runner.run('SELECT 1', {}, { userAccessToken: 'token-A', cacheTtlMs: 60_000 });
    const other = await runner.run('SELECT 1', {}, { userAccessToken: 'token-B', cacheTtlMs: 60_000 });
    expect(other.source).toBe('cache');
    expect(executions()).toBe(1);
  });

  it('is per viewer when statements run as the viewer', async () => {
    const { engine, executions } = countingEngine();
    const runner = withSharedRunner(engine, { maxConcurrent: 2, runsAsViewer: (o) => Boolean(o.userAccessToken) });
    await runner.run('SELECT 1', {}, { userAccessToken: 'token-A', cacheTtlMs: 60_000 });
    const other = await runner.run('SELECT 1', {}, { userAccessToken: 'token-B', cacheTtlMs: 60_000 });
    const same = await runner.run('SELECT 1', {}, { userAccessToken: 'token-A', cacheTtlMs: 60_000 });
    expect(other.source).toBe('engine');
    expect(same.source).toBe('cache');
    expect(executions()).toBe(2);
  });
});

describe('DECIMAL results', () => {
  it('become numbers even past double precision, so row schemas that expect numbers pass', async () => {
    const schema = {
      columns: [
        { columnName: 'output_tokens_per_second', typeDesc: { types: [{ primitiveEntry: { type: thrift.TCLIService_types.TTypeId.DECIMAL_TYPE } }] } },
        { columnName: 'label', typeDesc: { types: [{ primitiveEntry: { type: thrift.TCLIService_types.TTypeId.STRING_TYPE } }] } },
      ],
    };
    // avg() over a BIGINT / DECIMAL division keeps 20+ digits: not exact as a double.
    const { warehouse } = setup({}, [{ rows: [{ output_tokens_per_second: '41.33333333333333333333', label: '41.33333333333333333333' }], schema }]);
    const { rows } = await warehouse.run('SELECT 1', {});
    expect(rows).toEqual([{ output_tokens_per_second: 41.333333333333336, label: '41.33333333333333333333' }]);
  });
});

describe('OAuth on a workspace host the driver does not know', () => {
  it('fails before connecting, saying what to set', async () => {
    const { driver, warehouse } = setup({ host: 'databricks.corp.example', auth: { kind: 'oauth-m2m', clientId: 'sp', clientSecret: 'secret' } });
    const err = await warehouse.run('SELECT 1', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ kind: 'permission' });
    expect((err as Error).message).toMatch(/DATABRICKS_HOST to the workspace URL.*DATABRICKS_TOKEN/);
    expect(driver.connect).not.toHaveBeenCalled();
  });

  it('a personal access token works on any host', async () => {
    const { driver, warehouse } = setup({ host: 'databricks.corp.example' }, [{ rows: [] }]);
    await warehouse.run('SELECT 1', {});
    expect(driver.connect).toHaveBeenCalledTimes(1);
  });

  it("agrees with the driver's own list of OAuth hosts", () => {
    const hosts = [
      'adb-1234567890123456.7.azuredatabricks.net', 'dbc-a1b2c3d4-e5f6.cloud.databricks.com', '1234567890123456.7.gcp.databricks.com',
      'adb-1.2.databricks.azure.cn', 'adb-1.2.databricks.azure.us', 'databricks.corp.example', 'localhost',
    ];
    for (const host of hosts) {
      let driverAccepts = true;
      try {
        OAuthManager.getManager({ host, flow: OAuthFlow.M2M, clientId: 'x', clientSecret: 'y', useDatabricksOAuthInAzure: true, context: {} as never });
      } catch {
        driverAccepts = false;
      }
      expect(oauthHostProblem(host) === null, host).toBe(driverAccepts);
    }
  });

  it("the driver's own refusal, should it come, reads as a host problem, not bad credentials", () => {
    const err = Object.assign(new Error('OAuth is not supported for databricks.corp.example'), { name: 'AuthenticationError' });
    expect(classifyDatabricksError(err).safeMessage).toMatch(/DATABRICKS_HOST/);
  });
});

describe('the parameter limit', () => {
  it('257 parameters are refused before anything is sent', async () => {
    const { driver, warehouse } = setup();
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`p${i}`, i]));
    await expect(warehouse.run('SELECT 1', many)).rejects.toMatchObject({ message: 'A query may bind at most 256 parameters.' });
    expect(driver.connect).not.toHaveBeenCalled();
  });

  it("the server's own refusal is not retried", () => {
    expect(classifyDatabricksError(http(400))).toMatchObject({ retry: false });
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}
