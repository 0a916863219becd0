import { describe, expect, it } from 'vitest';
import { servingEndpointTables, warehouseIdOf, warehouseState, type FetchFn } from './databricks-rest';
import type { DatabricksConfig } from './databricks-clients';

const OAUTH: DatabricksConfig = {
  host: 'https://adb-1234567890123456.7.azuredatabricks.net',
  httpPath: '/sql/1.0/warehouses/abc123def456',
  auth: { kind: 'oauth-m2m', clientId: 'sp-client', clientSecret: 'sp-secret' },
  userAuthorization: false,
  statementTimeoutSeconds: 120,
  retryBudgetMs: 90_000,
  startBudgetMs: 600_000,
};

// Response shapes of the workspace OAuth token endpoint (client credentials) and of
// GET /api/2.0/sql/warehouses/{id} (fields as the Databricks SDKs' GetWarehouseResponse names them).
const TOKEN = { access_token: 'eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJzcCJ9.c2ln', token_type: 'Bearer', scope: 'all-apis', expires_in: 3600 };
const warehouse = (state: string) => ({
  id: 'abc123def456', name: 'Serverless Starter Warehouse', cluster_size: 'Small', auto_stop_mins: 10, num_clusters: state === 'RUNNING' ? 1 : 0,
  num_active_sessions: 0, state, warehouse_type: 'PRO', enable_serverless_compute: false, creator_name: 'someone@example.com',
});

function fakeFetch(answers: Record<string, { status: number; body: unknown }>) {
  const calls: { url: string; method?: string; headers?: Record<string, string>; body?: string }[] = [];
  const fn: FetchFn = async (url, init = {}) => {
    calls.push({ url, ...init });
    const hit = Object.entries(answers).find(([suffix]) => url.endsWith(suffix));
    const answer = hit?.[1] ?? { status: 404, body: { error_code: 'NOT_FOUND' } };
    return { ok: answer.status < 300, status: answer.status, json: async () => answer.body };
  };
  return { fn, calls };
}

describe('warehouseState', () => {
  it('gets an M2M token from the workspace, then the warehouse state, without starting it', async () => {
    const { fn, calls } = fakeFetch({ '/oidc/v1/token': { status: 200, body: TOKEN }, '/api/2.0/sql/warehouses/abc123def456': { status: 200, body: warehouse('STOPPED') } });
    expect(await warehouseState(OAUTH, fn)).toEqual({ known: true, state: 'STOPPED', name: 'Serverless Starter Warehouse', type: 'PRO' });
    expect(calls.map((c) => `${c.method ?? 'GET'} ${c.url}`)).toEqual([
      'POST https://adb-1234567890123456.7.azuredatabricks.net/oidc/v1/token',
      'GET https://adb-1234567890123456.7.azuredatabricks.net/api/2.0/sql/warehouses/abc123def456',
    ]);
    expect(calls[0]!.headers?.authorization).toBe(`Basic ${Buffer.from('sp-client:sp-secret').toString('base64')}`);
    expect(calls[0]!.body).toBe('grant_type=client_credentials&scope=all-apis');
    expect(calls[1]!.headers?.authorization).toBe(`Bearer ${TOKEN.access_token}`);
    expect(calls.some((c) => c.url.endsWith('/start'))).toBe(false);
  });

  it('uses a PAT directly', async () => {
    const { fn, calls } = fakeFetch({ '/api/2.0/sql/warehouses/abc123def456': { status: 200, body: warehouse('RUNNING') } });
    expect(await warehouseState({ ...OAUTH, auth: { kind: 'pat', token: 'dapi-x' } }, fn)).toMatchObject({ known: true, state: 'RUNNING' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers?.authorization).toBe('Bearer dapi-x');
  });

  it('says why when it cannot tell', async () => {
    const denied = fakeFetch({ '/oidc/v1/token': { status: 200, body: TOKEN }, '/api/2.0/sql/warehouses/abc123def456': { status: 403, body: { error_code: 'PERMISSION_DENIED', message: 'no' } } });
    expect(await warehouseState(OAUTH, denied.fn)).toEqual({ known: false, reason: 'the SQL Warehouses API answered 403 (PERMISSION_DENIED)' });
    const badClient = fakeFetch({ '/oidc/v1/token': { status: 401, body: { error: 'invalid_client' } } });
    expect(await warehouseState(OAUTH, badClient.fn)).toEqual({ known: false, reason: "the workspace's OAuth token endpoint answered 401 (invalid_client)" });
    expect(await warehouseState({ ...OAUTH, httpPath: '/sql/protocolv1/o/123/0123-456789-abcdefgh' }, badClient.fn)).toEqual({ known: false, reason: 'the HTTP path does not name a SQL warehouse' });
  });

  it('reads the warehouse id from the HTTP path', () => {
    expect(warehouseIdOf('/sql/1.0/warehouses/abc123')).toBe('abc123');
    expect(warehouseIdOf('/sql/2.0/warehouses/abc123/')).toBe('abc123');
    expect(warehouseIdOf('/sql/protocolv1/o/1/2')).toBeNull();
  });
});

// GET /api/2.0/serving-endpoints, the fields the Databricks SDKs name (ServingEndpoint.ai_gateway.
// inference_table_config and, for the legacy experience, config.auto_capture_config).
const ENDPOINTS = {
  endpoints: [
    { name: 'support-bot', state: { ready: 'READY' }, ai_gateway: { inference_table_config: { catalog_name: 'main', schema_name: 'ai_gateway', table_name_prefix: 'support_bot_v2', enabled: true }, usage_tracking_config: { enabled: true } } },
    { name: 'legacy-rag', config: { auto_capture_config: { catalog_name: 'main', schema_name: 'legacy', table_name_prefix: 'rag', enabled: true } } },
    { name: 'no-logging', ai_gateway: { usage_tracking_config: { enabled: true } } },
  ],
};

describe('servingEndpointTables', () => {
  it('names each payload table by the endpoint that logs to it, AI Gateway or legacy', async () => {
    const { fn, calls } = fakeFetch({ '/oidc/v1/token': { status: 200, body: TOKEN }, '/api/2.0/serving-endpoints': { status: 200, body: ENDPOINTS } });
    const { byTable } = await servingEndpointTables(OAUTH, fn);
    expect([...byTable]).toEqual([['main.ai_gateway.support_bot_v2_payload', 'support-bot'], ['main.legacy.rag_payload', 'legacy-rag']]);
    expect(calls.at(-1)!.headers?.authorization).toBe(`Bearer ${TOKEN.access_token}`);
  });

  it('says why when the API refuses', async () => {
    const { fn } = fakeFetch({ '/oidc/v1/token': { status: 200, body: TOKEN }, '/api/2.0/serving-endpoints': { status: 403, body: { error_code: 'PERMISSION_DENIED' } } });
    await expect(servingEndpointTables(OAUTH, fn)).rejects.toThrow('the Serving Endpoints API answered 403 (PERMISSION_DENIED)');
  });
});
