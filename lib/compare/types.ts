/** Rows of the compare queries, as the API returns them (see queries/compare-*.ts). */

export interface EntityRow {
  endpoint_name: string;
  group_key: string;
  served_entity_name: string | null;
  entity_name: string | null;
  entity_type: string | null;
  served_entities: number;
  requests: number;
  sampled_rows: number;
  error_rows: number;
  server_error_rows: number;
  blocked_rows: number;
  latency_rows: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  mean_input_tokens: number | null;
  mean_output_tokens: number | null;
  output_tokens_per_second: number | null;
  usage_rows: number;
}

export interface HistogramRow {
  endpoint_name: string;
  group_key: string;
  bin: number;
  sampled_rows: number;
  min_ms: number;
  max_ms: number;
}

export interface ShareRow {
  bucket: string;
  endpoint_name: string;
  group_key: string;
  requests: number;
  sampled_rows: number;
  latency_rows: number;
  p50_ms: number | null;
  p95_ms: number | null;
}

export interface HistoryRow {
  endpoint_name: string;
  served_entity_id: string;
  served_entity_name: string | null;
  entity_type: string | null;
  entity_name: string | null;
  entity_version: string | null;
  endpoint_config_version: number | null;
  created_by: string | null;
  change_time: string;
  endpoint_delete_time: string | null;
  is_latest: boolean;
}

export interface SideBySideRow {
  pick: number;
  endpoint_name: string;
  entities: number;
  asked_rows: number;
  served_entity_id: string;
  served_entity_name: string | null;
  entity_name: string | null;
  databricks_request_id: string;
  request_time: string;
  execution_duration_ms: number | null;
  n_messages: number;
  user_text: string;
  answer_text: string | null;
  tool_call: string | null;
  output_tokens: number | null;
}
