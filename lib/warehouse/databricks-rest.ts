import { cleanHost, type DatabricksConfig } from './databricks-clients';

export type FetchFn = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** What the SQL Warehouses API says of the warehouse, or why it could not be asked. */
export type WarehouseState =
  | { known: true; state: 'RUNNING' | 'STARTING' | 'STOPPED' | 'STOPPING' | 'DELETING' | 'DELETED' | string; name?: string; type?: string }
  | { known: false; reason: string };

/** The warehouse id of an HTTP path `/sql/1.0/warehouses/<id>` (null for a cluster's path). */
export function warehouseIdOf(httpPath: string): string | null {
  return /\/sql\/[\d.]+\/warehouses\/([A-Za-z0-9]+)\/?$/.exec(httpPath)?.[1] ?? null;
}

/**
 * A bearer token for the workspace's REST API: the PAT, or an OAuth M2M token for the app's
 * service principal from the workspace's own token endpoint (client credentials, scope all-apis).
 */
export async function bearer(config: DatabricksConfig, fetchFn: FetchFn, signal?: AbortSignal): Promise<string> {
  if (config.auth.kind === 'pat') return config.auth.token;
  const basic = Buffer.from(`${config.auth.clientId}:${config.auth.clientSecret}`).toString('base64');
  const res = await fetchFn(`https://${cleanHost(config.host)}/oidc/v1/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=all-apis',
    signal,
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!res.ok || typeof body.access_token !== 'string') {
    throw new Error(`the workspace's OAuth token endpoint answered ${res.status}${typeof body.error === 'string' ? ` (${body.error})` : ''}`);
  }
  return body.access_token;
}

/**
 * Asks the SQL Warehouses API whether the warehouse is running. Reading its state does not start
 * it, unlike any statement; so start-up checks can wait for a stopped warehouse to be started by
 * a viewer instead of waking it on every restart of the app.
 */
export async function warehouseState(config: DatabricksConfig, fetchFn: FetchFn = fetch as unknown as FetchFn, signal?: AbortSignal): Promise<WarehouseState> {
  const id = warehouseIdOf(config.httpPath);
  if (!id) return { known: false, reason: 'the HTTP path does not name a SQL warehouse' };
  try {
    const token = await bearer(config, fetchFn, signal);
    const res = await fetchFn(`https://${cleanHost(config.host)}/api/2.0/sql/warehouses/${id}`, { headers: { authorization: `Bearer ${token}` }, signal });
    const body = (await res.json().catch(() => ({}))) as { state?: unknown; name?: unknown; warehouse_type?: unknown; error_code?: unknown };
    if (!res.ok || typeof body.state !== 'string') {
      return { known: false, reason: `the SQL Warehouses API answered ${res.status}${typeof body.error_code === 'string' ? ` (${body.error_code})` : ''}` };
    }
    return {
      known: true,
      state: body.state,
      ...(typeof body.name === 'string' ? { name: body.name } : {}),
      ...(typeof body.warehouse_type === 'string' ? { type: body.warehouse_type } : {}),
    };
  } catch (err) {
    return { known: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Where serving endpoints log: their inference table (`<catalog>.<schema>.<prefix>_payload`), by table. */
export interface EndpointTables {
  /** Lower-cased payload table name → the endpoint's real name. */
  byTable: Map<string, string>;
}

type InferenceTableConfig = { catalog_name?: unknown; schema_name?: unknown; table_name_prefix?: unknown; enabled?: unknown };

/**
 * Reads the Serving Endpoints API (as the app) for the table each endpoint logs to: the AI
 * Gateway's `inference_table_config`, else the legacy `auto_capture_config`. A payload table's
 * prefix is chosen by whoever enabled logging and need not be the endpoint's name (which may hold
 * `-`), so this is how a discovered table is named by its endpoint.
 */
export async function servingEndpointTables(config: DatabricksConfig, fetchFn: FetchFn = fetch as unknown as FetchFn, signal?: AbortSignal): Promise<EndpointTables> {
  const token = await bearer(config, fetchFn, signal);
  const res = await fetchFn(`https://${cleanHost(config.host)}/api/2.0/serving-endpoints`, { headers: { authorization: `Bearer ${token}` }, signal });
  const body = (await res.json().catch(() => ({}))) as { endpoints?: { name?: unknown; ai_gateway?: { inference_table_config?: InferenceTableConfig }; config?: { auto_capture_config?: InferenceTableConfig } }[]; error_code?: unknown };
  if (!res.ok) throw new Error(`the Serving Endpoints API answered ${res.status}${typeof body.error_code === 'string' ? ` (${body.error_code})` : ''}`);
  const byTable = new Map<string, string>();
  for (const e of body.endpoints ?? []) {
    if (typeof e.name !== 'string') continue;
    for (const c of [e.ai_gateway?.inference_table_config, e.config?.auto_capture_config]) {
      if (!c || typeof c.catalog_name !== 'string' || typeof c.schema_name !== 'string' || typeof c.table_name_prefix !== 'string') continue;
      byTable.set(`${c.catalog_name}.${c.schema_name}.${c.table_name_prefix}_payload`.toLowerCase(), e.name);
    }
  }
  return { byTable };
}
