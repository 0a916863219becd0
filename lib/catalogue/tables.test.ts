import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '@/lib/config';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';
import { resetTableDiscovery, resolveTables } from './tables';

const config = loadConfig({
  DATABRICKS_HOST: 'adb-1.2.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'abc123', DATABRICKS_TOKEN: 'dapi-x', PAYLOAD_SCHEMA: 'main.ai_gateway',
});

/** A Databricks warehouse that lists two payload tables and cannot describe their columns (then all are kept). */
const warehouse: Warehouse = {
  engine: 'databricks',
  run: async (sql) => {
    if (sql.includes('information_schema.tables')) return { rows: [{ table_name: 'support_bot_v2_payload' }, { table_name: 'chat_payload' }], durationMs: 1 };
    throw new WarehouseError('not in this fake', 'engine');
  },
  close: async () => undefined,
};

afterEach(() => {
  vi.unstubAllGlobals();
  resetTableDiscovery();
});

describe('discovered payload tables are named by the endpoint that logs to them', () => {
  it('from the Serving Endpoints API, a prefix where the API does not say', async () => {
    vi.stubGlobal('fetch', async (url: string) => ({
      ok: true, status: 200,
      json: async () => (String(url).endsWith('/api/2.0/serving-endpoints')
        ? { endpoints: [{ name: 'support-bot', ai_gateway: { inference_table_config: { catalog_name: 'main', schema_name: 'ai_gateway', table_name_prefix: 'support_bot_v2', enabled: true } } }] }
        : {}),
    }));
    const tables = await resolveTables(config, warehouse);
    expect(tables.payload).toEqual([
      { endpoint: 'support-bot', table: 'main.ai_gateway.support_bot_v2_payload' },
      { endpoint: 'chat', table: 'main.ai_gateway.chat_payload' },
    ]);
  });

  it('by prefix when the API cannot be asked', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 403, json: async () => ({ error_code: 'PERMISSION_DENIED' }) }));
    const tables = await resolveTables(config, warehouse);
    expect(tables.payload.map((t) => t.endpoint)).toEqual(['support_bot_v2', 'chat']);
  });
});
