import { DuckDBInstance } from '@duckdb/node-api';

export interface PlantedRequest { endpoint: string; id: string }

/** The demo's planted requests by name (`meta.planted`), read before a server opens the file. */
export async function readPlanted(demoPath: string): Promise<Record<string, PlantedRequest>> {
  const instance = await DuckDBInstance.create(demoPath, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    const rows = (await con.runAndReadAll('SELECT name, endpoint_name, databricks_request_id FROM meta.planted')).getRowObjectsJson();
    return Object.fromEntries(rows.map((r) => [String(r.name), { endpoint: String(r.endpoint_name), id: String(r.databricks_request_id) }]));
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
