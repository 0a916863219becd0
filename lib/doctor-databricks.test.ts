import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { resetTableDiscovery } from '@/lib/catalogue/tables';
import { resetTableHealth } from '@/lib/warehouse/table-health';
import { PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS } from '@/lib/table-schemas';
import { failed, statusError } from '@/lib/testing/fake-databricks';
import { classifyDatabricksError } from '@/lib/warehouse/databricks-errors';
import { WarehouseError, type Params, type Row, type Warehouse } from '@/lib/warehouse/types';
import { formatChecks, runDoctor } from './doctor';

// Databricks' own words for missing privileges (the texts the adapter's error tests use, as the
// SQL warehouse answers them), thrown through the adapter's classification as a query would be.
const refuse = (driverError: unknown) => {
  const c = classifyDatabricksError(driverError);
  return new WarehouseError(c.safeMessage, c.kind, driverError);
};
const NO_USE_CATALOG_SYSTEM = statusError("PERMISSION_DENIED: User does not have USE CATALOG on Catalog 'system'.");
const NO_SELECT_SERVED = failed("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have SELECT on Table 'system.serving.served_entities'. SQLSTATE: 42501");
const NO_STATE = failed("[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`lens`.`gateway_lens_rollup_state` cannot be found. SQLSTATE: 42P01");
const SP = '6f1c5b2e-0d3a-4c1f-9b7e-2a4d8c6e1f00';

/** A warehouse where the app sees chat_payload only, cannot use the system catalog for usage, and may not read served_entities. */
function restrictedWarehouse(): Warehouse {
  const answer = (sql: string, params: Params): Row[] => {
    if (sql.startsWith('SELECT current_user()')) return [{ principal: SP }];
    if (sql.includes('main.information_schema.columns')) return params.t0 === 'chat_payload' || params.t1 === 'chat_payload' ? PAYLOAD_COLUMNS.map((c) => ({ table_name: 'chat_payload', column_name: c.name, data_type: c.databricks.toLowerCase() })) : [];
    if (sql.includes('system.information_schema.columns') && params.t0 === 'endpoint_usage') throw refuse(NO_USE_CATALOG_SYSTEM);
    if (sql.includes('system.information_schema.columns')) return SERVED_ENTITIES_COLUMNS.map((c) => ({ table_name: 'served_entities', column_name: c.name, data_type: c.databricks.toLowerCase() }));
    if (sql.includes('FROM system.serving.served_entities')) throw refuse(NO_SELECT_SERVED);
    if (sql.includes('gateway_lens_rollup_state')) throw refuse(NO_STATE);
    return [{ ok: 1 }];
  };
  return { engine: 'databricks', run: async (sql, params) => ({ rows: answer(sql, params), durationMs: 3 }), close: async () => undefined };
}

describe('npm run doctor on Databricks', () => {
  it('names each grant that is missing as the exact statement to run', async () => {
    resetTableDiscovery();
    resetTableHealth();
    const config = loadConfig({
      DATABRICKS_HOST: 'adb-1234567890123456.7.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'abc123', DATABRICKS_CLIENT_ID: SP, DATABRICKS_CLIENT_SECRET: 'x',
      PAYLOAD_TABLES: 'chat=main.gw.chat_payload,agent=main.gw.agent_payload', ROLLUP_SCHEMA: 'main.lens',
    });
    const checks = await runDoctor(config, restrictedWarehouse());
    const by = (name: string) => checks.find((c) => c.check === name);
    expect(by('identity')).toMatchObject({ status: 'ok', detail: `queries run as ${SP}` });
    expect(by('payload main.gw.chat_payload')).toMatchObject({ status: 'ok' });
    expect(by('payload main.gw.agent_payload')!.detail).toBe(
      `not found, or not visible to this identity (skipped: the agent endpoint is disabled) — fix: GRANT USE CATALOG ON CATALOG main TO \`${SP}\`; GRANT USE SCHEMA ON SCHEMA main.gw TO \`${SP}\`; GRANT SELECT ON TABLE main.gw.agent_payload TO \`${SP}\``,
    );
    expect(by('endpoint usage system.serving.endpoint_usage')).toMatchObject({ status: 'warn', detail: expect.stringContaining(`— fix: GRANT USE CATALOG ON CATALOG system TO \`${SP}\``) });
    expect(by('served entities system.serving.served_entities')).toMatchObject({ status: 'warn', detail: expect.stringContaining(`— fix: GRANT SELECT ON TABLE system.serving.served_entities TO \`${SP}\``) });
    expect(by('rollups main.lens')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/was not found.*panels read the raw tables/) });
    expect(formatChecks(checks)).toMatch(/1 check\(s\) failed: the dashboard runs without them/);
  });
});
