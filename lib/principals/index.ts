import 'server-only';
import type { AppConfig } from '@/lib/config';
import { logger } from '@/lib/logger';
import { bearer, type FetchFn } from '@/lib/warehouse/databricks-rest';
import { cleanHost } from '@/lib/warehouse/databricks-clients';
import type { Warehouse } from '@/lib/warehouse/types';
import type { Principal } from './types';

/**
 * Who a requester is, by name. `requester` holds a user's e-mail or a service principal's
 * application id (a UUID nobody recognises): on Databricks the workspace's SCIM API names service
 * principals (asked as the app, cached, a failure leaving the id); on the embedded engine the
 * demo ships its principals' names in `meta.principals`.
 */
export type { Principal, PrincipalKind } from './types';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const APPLICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_MS = 60 * 60_000;
const FAILED_MS = 5 * 60_000;
const SCIM_BATCH = 20;

type Cached = { principal: Principal; until: number };
const holder = globalThis as unknown as { __gatewayPrincipals?: Map<string, Cached>; __gatewayEmbeddedPrincipals?: Map<string, string> };
const cache = () => (holder.__gatewayPrincipals ??= new Map());

export function clearPrincipals(): void {
  holder.__gatewayPrincipals = new Map();
}

export interface PrincipalDeps {
  config: AppConfig;
  warehouse: Warehouse;
  fetchFn?: FetchFn;
}

/** Names for requester ids, in the order asked; an id that cannot be named keeps a null name. */
export async function principals(ids: readonly string[], deps: PrincipalDeps): Promise<Principal[]> {
  const now = performance.now();
  const unique = [...new Set(ids)];
  const wanted = unique.filter((id) => !(cache().get(id)?.until ?? 0) || cache().get(id)!.until < now);
  const found = new Map<string, Principal>();
  for (const id of wanted) {
    if (EMAIL.test(id)) found.set(id, { id, name: id, kind: 'user' });
  }
  const apps = wanted.filter((id) => APPLICATION_ID.test(id));
  let lookupFailed = false;
  try {
    const named = deps.config.engine === 'databricks' && deps.config.databricks
      ? await scimNames(apps, deps)
      : holder.__gatewayEmbeddedPrincipals ?? new Map<string, string>();
    for (const id of apps) {
      const name = named.get(id.toLowerCase());
      if (name) found.set(id, { id, name, kind: 'service_principal' });
    }
  } catch (err) {
    lookupFailed = true;
    logger.warn('principals.lookup_failed', { error: err instanceof Error ? err.message : String(err) });
  }
  for (const id of wanted) {
    const principal = found.get(id) ?? { id, name: null, kind: APPLICATION_ID.test(id) ? 'service_principal' as const : 'unknown' as const };
    cache().set(id, { principal, until: now + (principal.name === null && lookupFailed ? FAILED_MS : KNOWN_MS) });
  }
  return unique.map((id) => cache().get(id)!.principal);
}

/** Service principals by application id, through the workspace's SCIM API, a batch per call. */
async function scimNames(ids: string[], deps: PrincipalDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const config = deps.config.databricks!;
  const fetchFn = deps.fetchFn ?? (fetch as unknown as FetchFn);
  const token = await bearer(config, fetchFn);
  for (let i = 0; i < ids.length; i += SCIM_BATCH) {
    const batch = ids.slice(i, i + SCIM_BATCH);
    // The ids matched APPLICATION_ID: only hex digits and dashes reach the filter.
    const filter = batch.map((id) => `applicationId eq "${id}"`).join(' or ');
    const url = `https://${cleanHost(config.host)}/api/2.0/preview/scim/v2/ServicePrincipals?filter=${encodeURIComponent(filter)}&attributes=applicationId,displayName&count=${batch.length}`;
    const res = await fetchFn(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/scim+json' } });
    if (!res.ok) throw new Error(`the SCIM API answered ${res.status}`);
    const body = (await res.json()) as { Resources?: { applicationId?: unknown; displayName?: unknown }[] };
    for (const r of body.Resources ?? []) {
      if (typeof r.applicationId === 'string' && typeof r.displayName === 'string' && r.displayName.trim()) names.set(r.applicationId.toLowerCase(), r.displayName.trim());
    }
  }
  return names;
}

/**
 * Reads the demo's `meta.principals` (beside its serving tables) once, when the embedded engine
 * opens, so naming a requester never costs a statement; other embedded data has none.
 */
export async function loadEmbeddedPrincipals(warehouse: Warehouse, config: AppConfig): Promise<number> {
  const catalog = config.servedEntitiesTable.split('.')[0]!;
  const names = new Map<string, string>();
  const tables = await warehouse.run(`SELECT count(*) AS n FROM information_schema.tables WHERE table_catalog = :catalog AND table_schema = 'meta' AND table_name = 'principals'`, { catalog }, { label: 'principals-probe' });
  if (Number(tables.rows[0]?.n ?? 0) > 0) {
    const { rows } = await warehouse.run(`SELECT requester, display_name FROM ${catalog}.meta.principals`, {}, { label: 'principals' });
    for (const r of rows) if (typeof r.requester === 'string' && typeof r.display_name === 'string') names.set(r.requester.toLowerCase(), r.display_name);
  }
  holder.__gatewayEmbeddedPrincipals = names;
  clearPrincipals();
  return names.size;
}

/** Whether a requester matches a search: its id or its name contains the text (case-insensitive). */
export function matchesPrincipal(p: Principal, text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === '' || p.id.toLowerCase().includes(t) || (p.name ?? '').toLowerCase().includes(t);
}
