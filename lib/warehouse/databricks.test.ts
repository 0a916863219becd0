import { DBSQLParameter, thrift } from '@databricks/sql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failed, http, setup, statusError } from '@/lib/testing/fake-databricks';
import type { DriverSchema } from './databricks-clients';
import { WarehouseError } from './types';

afterEach(() => {
  vi.useRealTimers();
});

describe('createDatabricksWarehouse: statements', () => {
  it('binds parameters with explicit types and leaves the SQL untouched', async () => {
    const { driver, warehouse } = setup({}, [{ rows: [{ one: 1 }] }]);
    const sql = 'SELECT * FROM t WHERE (:endpoint IS NULL OR endpoint = :endpoint) AND n > :n AND x < :x AND b = :flag AND big = :big LIMIT :lim';
    await warehouse.run(sql, { endpoint: null, n: 5, x: 0.25, flag: true, big: 2 ** 40, lim: 100, s: "it's" });

    const { sql: sent, options } = driver.sessions[0]!.executed[0]!;
    expect(sent).toBe(sql);
    const wire = Object.fromEntries(
      Object.entries(options.namedParameters ?? {}).map(([name, p]) => {
        expect(p).toBeInstanceOf(DBSQLParameter);
        const sp = (p as DBSQLParameter).toSparkParameter({ name });
        return [name, { type: sp.type ?? null, value: sp.value?.stringValue ?? null }];
      }),
    );
    expect(wire).toEqual({
      // NULL goes out with neither type nor value: the server binds an untyped NULL.
      endpoint: { type: null, value: null },
      n: { type: 'INTEGER', value: '5' },
      x: { type: 'DOUBLE', value: '0.25' },
      flag: { type: 'BOOLEAN', value: 'TRUE' },
      big: { type: 'BIGINT', value: '1099511627776' },
      lim: { type: 'INTEGER', value: '100' },
      s: { type: 'STRING', value: "it's" },
    });
    expect(options.queryTimeout).toBe(10);
  });

  it('opens each session with STATEMENT_TIMEOUT and UTC', async () => {
    const { driver, warehouse } = setup({ statementTimeoutSeconds: 45 });
    await warehouse.run('SELECT 1', {});
    expect(driver.sessions[0]!.request.configuration).toEqual({ STATEMENT_TIMEOUT: '45', TIMEZONE: 'UTC' });
  });

  it('normalises rows, using the schema to tell DECIMAL from STRING', async () => {
    const schema: DriverSchema = {
      columns: [
        { columnName: 'cost', typeDesc: { types: [{ primitiveEntry: { type: thrift.TCLIService_types.TTypeId.DECIMAL_TYPE } }] } },
        { columnName: 'label', typeDesc: { types: [{ primitiveEntry: { type: thrift.TCLIService_types.TTypeId.STRING_TYPE } }] } },
      ],
    };
    const rows = [{ cost: '0.070000', label: '0.070000', tokens: 12n, at: new Date(Date.UTC(2025, 5, 1)), gone: null, tags: ['a'], usage: { team: 'ml' } }];
    const { warehouse } = setup({}, [{ rows, schema }]);
    const result = await warehouse.run('SELECT 1', {});
    expect(result.rows).toEqual([{ cost: 0.07, label: '0.070000', tokens: 12, at: '2025-06-01T00:00:00.000Z', gone: null, tags: ['a'], usage: { team: 'ml' } }]);
  });

  it('closes the operation and the session after success', async () => {
    const { driver, warehouse } = setup({}, [{ rows: [] }]);
    await warehouse.run('SELECT 1', {});
    expect(driver.operations[0]!.closed).toBe(1);
    expect(driver.sessions[0]!.closed).toBe(1);
  });

  it('closes the operation and the session when the statement fails, keeping the real error', async () => {
    const { driver, warehouse, log } = setup({}, [{ fetchError: failed('[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012'), closeError: new Error('close failed') }]);
    const err = await warehouse.run('SELECT 1/0', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ kind: 'engine', message: 'The query failed on Databricks (DIVIDE_BY_ZERO).' });
    expect(driver.operations[0]!.closed).toBe(1);
    expect(driver.sessions[0]!.closed).toBe(1);
    expect(log.lines.map(([, event]) => event)).toEqual(expect.arrayContaining(['databricks.operation_close_failed', 'databricks.session_close_failed']));
  });

  it('closes the session when executeStatement itself fails', async () => {
    const { driver, warehouse } = setup({}, [{ executeError: statusError('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601') }]);
    await expect(warehouse.run('SELECT', {})).rejects.toMatchObject({ kind: 'syntax' });
    expect(driver.sessions[0]!.closed).toBe(1);
  });

  it('refuses bad parameter names and too many parameters before connecting', async () => {
    const { driver, warehouse } = setup();
    await expect(warehouse.run('SELECT :x', { 'x; DROP': 1 })).rejects.toBeInstanceOf(WarehouseError);
    await expect(warehouse.run('SELECT :x', { '1x': 1 })).rejects.toBeInstanceOf(WarehouseError);
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`p${i}`, i]));
    await expect(warehouse.run('SELECT 1', many)).rejects.toBeInstanceOf(WarehouseError);
    await expect(warehouse.run('SELECT :x', { x: Number.NaN })).rejects.toBeInstanceOf(WarehouseError);
    expect(driver.connect).not.toHaveBeenCalled();
    const ok = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`p${i}`, i]));
    await expect(warehouse.run('SELECT 1', ok)).resolves.toBeDefined();
  });
});

describe('createDatabricksWarehouse: identity and connection', () => {
  it('connects once with a PAT, telemetry off, host and path cleaned, and reuses the client', async () => {
    const { driver, warehouse } = setup();
    await warehouse.run('SELECT 1', {});
    await warehouse.run('SELECT 2', {});
    expect(driver.connect).toHaveBeenCalledTimes(1);
    expect(driver.connect.mock.calls[0]![0]).toMatchObject({
      host: 'adb-1234567890123456.7.azuredatabricks.net',
      path: '/sql/1.0/warehouses/abc123',
      authType: 'access-token',
      token: 'dapi-app-secret',
      telemetryEnabled: false,
      preserveBigNumericPrecision: true,
    });
  });

  it('uses OAuth M2M with the client id and secret', async () => {
    const { driver, warehouse } = setup({ auth: { kind: 'oauth-m2m', clientId: 'sp-id', clientSecret: 'sp-secret' } });
    await warehouse.run('SELECT 1', {});
    const options = driver.connect.mock.calls[0]![0] as Record<string, unknown>;
    expect(options).toMatchObject({ authType: 'databricks-oauth', oauthClientId: 'sp-id', oauthClientSecret: 'sp-secret', useDatabricksOAuthInAzure: true, telemetryEnabled: false });
    expect(options.token).toBeUndefined();
  });

  it("runs as the viewer with their token when user authorization is on, and never logs it", async () => {
    const { driver, warehouse, log } = setup({}, [{ rows: [] }, { rows: [] }, { rows: [] }, { fetchError: http(401) }]);
    await warehouse.run('SELECT 1', {}, { userAccessToken: 'viewer-token-A', label: 'q1' });
    await warehouse.run('SELECT 1', {}, { userAccessToken: 'viewer-token-A', label: 'q2' });
    await warehouse.run('SELECT 1', {}, { label: 'q3' });
    await warehouse.run('SELECT 1', {}, { userAccessToken: 'viewer-token-B', label: 'q4' }).catch(() => undefined);

    const tokens = driver.connect.mock.calls.map(([o]) => (o as { token?: string }).token);
    expect(tokens).toEqual(['viewer-token-A', 'dapi-app-secret', 'viewer-token-B']);
    expect(driver.connect.mock.calls[0]![0]).toMatchObject({ authType: 'access-token', telemetryEnabled: false });
    expect(log.text()).not.toMatch(/viewer-token|dapi-app-secret/);
    expect(log.text()).toMatch(/viewer:[0-9a-f]{10}/);
  });

  it('ignores the viewer token when user authorization is off', async () => {
    const { driver, warehouse } = setup({ userAuthorization: false });
    await warehouse.run('SELECT 1', {}, { userAccessToken: 'viewer-token-A' });
    expect(driver.connect.mock.calls.map(([o]) => (o as { token?: string }).token)).toEqual(['dapi-app-secret']);
  });

  it('closes every client on close()', async () => {
    const { driver, warehouse } = setup();
    await warehouse.run('SELECT 1', {});
    await warehouse.run('SELECT 1', {}, { userAccessToken: 'viewer-token-A' });
    await warehouse.close();
    expect(driver.clients.map((c) => c.closed)).toEqual([1, 1]);
  });
});

describe('createDatabricksWarehouse: retries', () => {
  it('retries a cold warehouse (503) with growing backoff, then succeeds', async () => {
    const { driver, warehouse, sleeps, onRetry, log } = setup({}, [{ openError: http(503) }, { openError: http(503) }, { rows: [{ ok: true }] }]);
    const result = await warehouse.run('SELECT 1', {}, { label: 'latency' });
    expect(result.rows).toEqual([{ ok: true }]);
    expect(driver.connect).toHaveBeenCalledTimes(1);
    // random() = 0.5 → 75% of each step: 1s, 2s steps.
    expect(sleeps).toEqual([750, 1500]);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onRetry.mock.calls[0]![0]).toMatchObject({ attempt: 1, kind: 'unavailable', label: 'latency' });
    expect(log.lines.filter(([, e]) => e === 'databricks.retry')).toHaveLength(2);
  });

  it('waits for a starting warehouse up to the start-up budget, then gives up with an unavailable error', async () => {
    const plans = Array.from({ length: 50 }, () => ({ openError: statusError('TEMPORARILY_UNAVAILABLE: warehouse is starting') }));
    const { warehouse, sleeps } = setup({ retryBudgetMs: 20_000, startBudgetMs: 60_000 }, plans);
    const err = await warehouse.run('SELECT 1', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable' });
    expect((err as Error).message).toBe('The SQL warehouse is still starting; try again in a minute.');
    const waited = sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(20_000);
    expect(waited).toBeLessThan(60_000);
  });

  it('keeps throttling (429) within the shorter retry budget', async () => {
    const plans = Array.from({ length: 50 }, () => ({ openError: http(429) }));
    const { warehouse, sleeps } = setup({ retryBudgetMs: 20_000, startBudgetMs: 600_000 }, plans);
    await expect(warehouse.run('SELECT 1', {})).rejects.toMatchObject({ kind: 'unavailable' });
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(20_000);
    expect(sleeps.length).toBeGreaterThanOrEqual(3);
  });

  it('does not retry a syntax error', async () => {
    const { driver, warehouse, sleeps } = setup({}, [{ fetchError: failed("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601") }, { rows: [] }]);
    await expect(warehouse.run('SELECT 1 FORM t', {})).rejects.toMatchObject({ kind: 'syntax' });
    expect(driver.sessions).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a permission error', async () => {
    const { driver, warehouse } = setup({}, [{ fetchError: failed("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have SELECT on Table 'main.gw.chat_payload'. SQLSTATE: 42501") }, { rows: [] }]);
    await expect(warehouse.run('SELECT 1', {})).rejects.toMatchObject({ kind: 'permission', message: "You don't have access to main.gw.chat_payload." });
    expect(driver.sessions).toHaveLength(1);
  });

  it('does not retry HTTP 403', async () => {
    const { driver, warehouse } = setup({}, [{ openError: http(403) }, { rows: [] }]);
    await expect(warehouse.run('SELECT 1', {})).rejects.toMatchObject({ kind: 'permission' });
    expect(driver.plans).toHaveLength(1);
  });

  it('reconnects after an invalid session handle', async () => {
    const { driver, warehouse, log } = setup({}, [{ executeError: statusError('Invalid SessionHandle: SessionHandle [01ef]') }, { rows: [{ n: 1 }] }]);
    const result = await warehouse.run('SELECT 1', {});
    expect(result.rows).toEqual([{ n: 1 }]);
    expect(driver.connect).toHaveBeenCalledTimes(2);
    expect(driver.clients[0]!.closed).toBe(1);
    expect(driver.clients[1]!.closed).toBe(0);
    expect(log.lines.some(([, e]) => e === 'databricks.reconnect')).toBe(true);
    // The next statement keeps using the new client.
    await warehouse.run('SELECT 1', {});
    expect(driver.connect).toHaveBeenCalledTimes(2);
  });

  it('retries a dropped socket', async () => {
    const reset = Object.assign(new Error('request to https://x/sql failed, reason: read ECONNRESET'), { name: 'FetchError', type: 'system', code: 'ECONNRESET' });
    const { warehouse, sleeps } = setup({}, [{ fetchError: reset }, { rows: [] }]);
    await expect(warehouse.run('SELECT 1', {})).resolves.toBeDefined();
    expect(sleeps).toHaveLength(1);
  });
});

describe('createDatabricksWarehouse: cancellation and timeouts', () => {
  it('cancels the running statement when the request is aborted', async () => {
    const { driver, warehouse } = setup({}, [{ hang: true }]);
    const controller = new AbortController();
    const running = warehouse.run('SELECT slow()', {}, { signal: controller.signal });
    await vi.waitFor(() => expect(driver.operations).toHaveLength(1));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'WarehouseError', kind: 'cancelled' });
    const op = driver.operations[0]!;
    expect(op.cancelled).toBe(1);
    expect(op.closed).toBe(1);
    expect(driver.sessions[0]!.closed).toBe(1);
  });

  it('does not connect when the signal is already aborted', async () => {
    const { driver, warehouse } = setup();
    await expect(warehouse.run('SELECT 1', {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(driver.connect).not.toHaveBeenCalled();
  });

  it('stops waiting between retries when aborted', async () => {
    const { warehouse, sleep } = setup({}, [{ openError: http(503) }, { rows: [] }]);
    const controller = new AbortController();
    sleep.mockImplementationOnce(async () => {
      controller.abort();
      throw controller.signal.reason;
    });
    await expect(warehouse.run('SELECT 1', {}, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('cancels and reports a timeout when the statement outlives STATEMENT_TIMEOUT plus a margin', async () => {
    vi.useFakeTimers();
    const { driver, warehouse } = setup({ statementTimeoutSeconds: 10 }, [{ hang: true }, { rows: [] }]);
    const running = warehouse.run('SELECT slow()', {});
    const outcome = running.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(driver.operations[0]!.cancelled).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    const err = await outcome;
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ kind: 'timeout' });
    expect(driver.operations[0]!.cancelled).toBe(1);
    expect(driver.operations[0]!.closed).toBe(1);
    expect(driver.sessions[0]!.closed).toBe(1);
    // A timeout is not retried.
    expect(driver.sessions).toHaveLength(1);
  });
});
