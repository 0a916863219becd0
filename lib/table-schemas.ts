/**
 * The columns the dashboard reads from each table, with their Databricks types and the DuckDB
 * types the embedded engine uses for the same data. One list serves the demo generator, the
 * DATA_DIR check and the start-up doctor.
 */
export type ColumnSpec = { name: string; databricks: string; duckdb: string };

export const PAYLOAD_COLUMNS: ColumnSpec[] = [
  { name: 'request_date', databricks: 'DATE', duckdb: 'DATE' },
  { name: 'databricks_request_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'client_request_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'request_time', databricks: 'TIMESTAMP', duckdb: 'TIMESTAMP' },
  { name: 'status_code', databricks: 'INT', duckdb: 'INTEGER' },
  { name: 'sampling_fraction', databricks: 'DOUBLE', duckdb: 'DOUBLE' },
  { name: 'execution_duration_ms', databricks: 'BIGINT', duckdb: 'BIGINT' },
  { name: 'request', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'response', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'served_entity_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'logging_error_codes', databricks: 'ARRAY<STRING>', duckdb: 'VARCHAR[]' },
  { name: 'requester', databricks: 'STRING', duckdb: 'VARCHAR' },
];

export const ENDPOINT_USAGE_COLUMNS: ColumnSpec[] = [
  { name: 'account_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'workspace_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'client_request_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'databricks_request_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'requester', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'status_code', databricks: 'INT', duckdb: 'INTEGER' },
  { name: 'request_time', databricks: 'TIMESTAMP', duckdb: 'TIMESTAMP' },
  { name: 'input_token_count', databricks: 'BIGINT', duckdb: 'BIGINT' },
  { name: 'output_token_count', databricks: 'BIGINT', duckdb: 'BIGINT' },
  { name: 'input_character_count', databricks: 'BIGINT', duckdb: 'BIGINT' },
  { name: 'output_character_count', databricks: 'BIGINT', duckdb: 'BIGINT' },
  { name: 'usage_context', databricks: 'MAP<STRING,STRING>', duckdb: 'MAP(VARCHAR, VARCHAR)' },
  { name: 'request_streaming', databricks: 'BOOLEAN', duckdb: 'BOOLEAN' },
  { name: 'served_entity_id', databricks: 'STRING', duckdb: 'VARCHAR' },
];

export const SERVED_ENTITIES_COLUMNS: ColumnSpec[] = [
  { name: 'served_entity_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'account_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'workspace_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'created_by', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'endpoint_name', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'endpoint_id', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'served_entity_name', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'entity_type', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'entity_name', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'entity_version', databricks: 'STRING', duckdb: 'VARCHAR' },
  { name: 'endpoint_config_version', databricks: 'INT', duckdb: 'INTEGER' },
  { name: 'task', databricks: 'STRING', duckdb: 'VARCHAR' },
  {
    name: 'external_model_config',
    databricks: 'STRUCT<provider: STRING, name: STRING, task: STRING>',
    duckdb: 'STRUCT(provider VARCHAR, name VARCHAR, task VARCHAR)',
  },
  {
    name: 'foundation_model_config',
    databricks: 'STRUCT<min_provisioned_throughput: INT, max_provisioned_throughput: INT>',
    duckdb: 'STRUCT(min_provisioned_throughput INTEGER, max_provisioned_throughput INTEGER)',
  },
  { name: 'change_time', databricks: 'TIMESTAMP', duckdb: 'TIMESTAMP' },
  { name: 'endpoint_delete_time', databricks: 'TIMESTAMP', duckdb: 'TIMESTAMP' },
];

/** Columns a query may rely on; extra columns in a real table are fine. */
export const REQUIRED_COLUMNS = {
  payload: PAYLOAD_COLUMNS.map((c) => c.name),
  endpointUsage: ENDPOINT_USAGE_COLUMNS.map((c) => c.name),
  servedEntities: SERVED_ENTITIES_COLUMNS.filter((c) => !c.name.endsWith('_config')).map((c) => c.name),
} as const;

export function duckdbCreateTable(table: string, columns: ColumnSpec[]): string {
  return `CREATE OR REPLACE TABLE ${table} (\n  ${columns.map((c) => `${c.name} ${c.duckdb}`).join(',\n  ')}\n)`;
}
