import { describe, expect, it } from 'vitest';
import { PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';
import { assertEndpointUsable, checkColumns, checkTableColumns, typeFamily } from './table-health';

const databricksPayload = () => new Map(PAYLOAD_COLUMNS.map((c) => [c.name, c.databricks.toLowerCase()]));
const duckdbPayload = () => new Map(PAYLOAD_COLUMNS.map((c) => [c.name, c.duckdb]));

describe('typeFamily', () => {
  it('names the same type alike on both engines', () => {
    expect(['STRING', 'string', 'VARCHAR'].map(typeFamily)).toEqual(['string', 'string', 'string']);
    expect(['INT', 'INTEGER', 'BIGINT', 'SMALLINT'].map(typeFamily)).toEqual(['integer', 'integer', 'integer', 'integer']);
    expect(['TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_NS', 'timestamp_ntz'].map(typeFamily)).toEqual(['timestamp', 'timestamp', 'timestamp', 'timestamp']);
    expect(['ARRAY<STRING>', 'array<string>', 'VARCHAR[]'].map(typeFamily)).toEqual(['string array', 'string array', 'string array']);
    expect(['INTEGER[]', 'ARRAY<INT>'].map(typeFamily)).toEqual(['other', 'other']);
    expect(['MAP<STRING,STRING>', 'MAP(VARCHAR, VARCHAR)', 'DECIMAL(38,6)', 'DOUBLE'].map(typeFamily)).toEqual(['map', 'map', 'number', 'number']);
  });
});

describe('checkColumns', () => {
  it('accepts the AI Gateway layout as Databricks and DuckDB report it', () => {
    expect(checkColumns(databricksPayload(), 'payload', 'databricks')).toEqual({ problems: [], casts: [] });
    expect(checkColumns(duckdbPayload(), 'payload', 'duckdb')).toEqual({ problems: [], casts: [] });
  });

  it('names each missing column and a wrong type, with the fix', () => {
    const cols = duckdbPayload();
    cols.delete('served_entity_id');
    cols.delete('requester');
    cols.set('status_code', 'VARCHAR');
    const { problems } = checkColumns(cols, 'payload', 'duckdb');
    expect(problems.map((p) => p.problem)).toEqual(['missing columns served_entity_id, requester', 'column status_code is VARCHAR, expected INTEGER']);
    expect(problems[1]!.fix).toBe('write status_code as INT (e.g. CAST(status_code AS INT) before exporting)');
  });

  it('recognises a legacy inference table', () => {
    const legacy = new Map(Object.entries({ client_request_id: 'string', databricks_request_id: 'string', date: 'date', timestamp_ms: 'bigint', status_code: 'int', execution_time_ms: 'bigint', request: 'string', response: 'string', sampling_fraction: 'double', request_metadata: 'map<string,string>' }));
    const [problem] = checkColumns(legacy, 'payload', 'databricks').problems;
    expect(problem!.problem).toMatch(/^another layout: a legacy inference table/);
    expect(problem!.fix).toMatch(/PAYLOAD_TABLES/);
  });

  it('casts compatible types on DuckDB so queries see the types they are written for', () => {
    const cols = duckdbPayload();
    cols.set('request_time', 'TIMESTAMP WITH TIME ZONE');
    cols.set('status_code', 'BIGINT');
    cols.set('sampling_fraction', 'FLOAT');
    expect(checkColumns(cols, 'payload', 'duckdb')).toEqual({
      problems: [],
      casts: [{ column: 'request_time', to: 'TIMESTAMP' }, { column: 'status_code', to: 'INTEGER' }, { column: 'sampling_fraction', to: 'DOUBLE' }],
    });
  });

  it("does not require served_entities' config structs", () => {
    const cols = new Map([['served_entity_id', 'string'], ['account_id', 'string'], ['workspace_id', 'string'], ['created_by', 'string'], ['endpoint_name', 'string'], ['endpoint_id', 'string'], ['served_entity_name', 'string'], ['entity_type', 'string'], ['entity_name', 'string'], ['entity_version', 'string'], ['endpoint_config_version', 'int'], ['task', 'string'], ['change_time', 'timestamp'], ['endpoint_delete_time', 'timestamp']]);
    expect(checkColumns(cols, 'served_entities', 'databricks').problems).toEqual([]);
  });
});

describe('checkTableColumns', () => {
  it('describes each schema in one statement with bound table names, and reports an invisible table', async () => {
    const calls: { sql: string; params: Record<string, unknown> }[] = [];
    const warehouse: Warehouse = {
      engine: 'databricks',
      async run(sql, params) {
        calls.push({ sql, params });
        return { rows: PAYLOAD_COLUMNS.map((c) => ({ table_name: 'chat_payload', column_name: c.name, data_type: c.databricks.toLowerCase() })), durationMs: 1 };
      },
      close: async () => undefined,
    };
    const statuses = await checkTableColumns(warehouse, [
      { table: 'main.gw.chat_payload', role: 'payload', endpoint: 'chat' },
      { table: 'main.gw.hidden_payload', role: 'payload', endpoint: 'hidden' },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.sql).toBe('SELECT table_name, column_name, full_data_type AS data_type FROM main.information_schema.columns WHERE table_schema = :schema_name AND table_name IN (:t0, :t1)');
    expect(calls[0]!.params).toEqual({ schema_name: 'gw', t0: 'chat_payload', t1: 'hidden_payload' });
    expect(statuses).toEqual([
      { role: 'payload', table: 'main.gw.chat_payload', endpoint: 'chat', status: 'ok' },
      expect.objectContaining({ table: 'main.gw.hidden_payload', status: 'skipped', problem: 'not found, or not visible to this identity', fix: expect.stringMatching(/GRANT USE CATALOG, USE SCHEMA and SELECT/) }),
    ]);
  });
});

describe('assertEndpointUsable', () => {
  it('throws the table, problem and fix for a skipped endpoint only', () => {
    const skipped = [{ role: 'payload' as const, table: 'main.gw.chat_payload', endpoint: 'chat', status: 'skipped' as const, problem: 'missing column request_time', fix: 'export the whole table' }];
    expect(() => assertEndpointUsable(skipped, 'agent')).not.toThrow();
    expect(() => assertEndpointUsable(skipped, null)).not.toThrow();
    const err = (() => { try { assertEndpointUsable(skipped, 'chat'); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(WarehouseError);
    expect((err as Error).message).toBe('The chat endpoint is disabled: its table main.gw.chat_payload was skipped (missing column request_time). Fix: export the whole table.');
  });
});
