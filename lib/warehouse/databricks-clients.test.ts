import type { ConnectionOptions } from '@databricks/sql/dist/contracts/IDBSQLClient';
import { describe, expect, it, vi } from 'vitest';
import { buildConnectOptions, cleanHost, cleanPath, ClientPool, viewerIdentity, type DatabricksConfig, type DriverClient } from './databricks-clients';

const config: DatabricksConfig = {
  host: 'adb-1.azuredatabricks.net',
  httpPath: '/sql/1.0/warehouses/abc',
  auth: { kind: 'pat', token: 'dapi-x' },
  userAuthorization: true,
  statementTimeoutSeconds: 120,
  retryBudgetMs: 90_000,
  startBudgetMs: 600_000,
};

describe('host and path', () => {
  it('strips schemes, paths and trailing slashes', () => {
    expect(cleanHost('https://adb-1.azuredatabricks.net/')).toBe('adb-1.azuredatabricks.net');
    expect(cleanHost('HTTPS://adb-1.azuredatabricks.net/?o=123')).toBe('adb-1.azuredatabricks.net');
    expect(cleanHost(' dbc-a1b2.cloud.databricks.com ')).toBe('dbc-a1b2.cloud.databricks.com');
    expect(cleanPath('sql/1.0/warehouses/abc')).toBe('/sql/1.0/warehouses/abc');
  });
});

describe('buildConnectOptions', () => {
  it('bounds sockets and driver retries by our own limits', () => {
    const o = buildConnectOptions(config, { kind: 'app' });
    expect(o).toMatchObject({ telemetryEnabled: false, socketTimeout: 132_000, retriesTimeout: 90_000 });
  });

  it('sends the viewer token as the bearer token', () => {
    const o = buildConnectOptions({ ...config, auth: { kind: 'oauth-m2m', clientId: 'a', clientSecret: 'b' } }, viewerIdentity('user-oauth-token'));
    expect(o).toMatchObject({ authType: 'access-token', token: 'user-oauth-token' });
    expect(o).not.toHaveProperty('oauthClientSecret');
  });
});

describe('ClientPool', () => {
  function pool(now = { t: 0 }) {
    const clients: Array<{ options: ConnectionOptions; close: ReturnType<typeof vi.fn> }> = [];
    const connect = vi.fn(async (options: ConnectionOptions) => {
      const c = { options, close: vi.fn(async () => undefined), openSession: vi.fn() };
      clients.push(c);
      return c as unknown as DriverClient;
    });
    const p = new ClientPool({ connect, config, now: () => now.t, onCloseError: vi.fn(), viewerTtlMs: 1_000, maxViewers: 2 });
    return { p, connect, clients, now };
  }

  it('keys viewer clients by token hash and closes idle ones after the TTL', async () => {
    const { p, connect, clients, now } = pool();
    const a = viewerIdentity('token-a');
    const lease = p.acquire(a);
    await lease.client;
    lease.release();
    p.acquire(a).release();
    expect(connect).toHaveBeenCalledTimes(1);
    expect(a.key).toMatch(/^[0-9a-f]{64}$/);
    now.t = 5_000;
    p.acquire(viewerIdentity('token-b')).release();
    await vi.waitFor(() => expect(clients[0]!.close).toHaveBeenCalledTimes(1));
  });

  it('does not close a client that a statement is still using', async () => {
    const { p, clients } = pool();
    const lease = p.acquire({ kind: 'app' });
    await lease.client;
    lease.retire();
    expect(clients[0]!.close).not.toHaveBeenCalled();
    lease.release();
    await vi.waitFor(() => expect(clients[0]!.close).toHaveBeenCalledTimes(1));
  });

  it('evicts the oldest idle viewer when full', async () => {
    const { p, connect, clients } = pool();
    for (const t of ['a', 'b', 'c']) {
      const lease = p.acquire(viewerIdentity(t));
      await lease.client;
      lease.release();
    }
    expect(connect).toHaveBeenCalledTimes(3);
    await vi.waitFor(() => expect(clients[0]!.close).toHaveBeenCalledTimes(1));
    expect(clients[2]!.close).not.toHaveBeenCalled();
  });

  it('forgets a failed connect so the next statement tries again', async () => {
    const connect = vi.fn()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValueOnce({ close: vi.fn(), openSession: vi.fn() });
    const p = new ClientPool({ connect, config, now: () => 0, onCloseError: vi.fn() });
    const first = p.acquire({ kind: 'app' });
    await expect(first.client).rejects.toThrow('boom');
    first.release();
    await p.acquire({ kind: 'app' }).client;
    expect(connect).toHaveBeenCalledTimes(2);
  });
});
