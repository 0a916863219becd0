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
