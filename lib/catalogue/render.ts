import fs from 'node:fs';
import path from 'node:path';
import { PAYLOAD_FILTERS_SQL } from './filters';
import { payloadRelation, servedEntitiesLatestRelation, type ResolvedTables } from './tables';
import { getPriceBook } from '@/lib/finance/price-book';
import { billingServingDailyRelation, priceBookRelation, pricedRequestsRelation, requestTokensRelation } from '@/lib/finance/sql';

const cache = new Map<string, string>();

export function queriesDir(): string {
  return path.join(process.cwd(), 'queries');
}

/** The SQL text of a catalogue query, read once per process. */
export function loadSql(id: string): string {
  let sql = cache.get(id);
  if (sql === undefined) {
    sql = fs.readFileSync(path.join(queriesDir(), `${id}.sql`), 'utf8');
    if (process.env.NODE_ENV === 'production') cache.set(id, sql);
  }
  return sql;
}

/**
 * Fills the table placeholders of a catalogue query. Only identifiers from validated config
 * enter the text; every value stays a `:name` parameter.
 */
export function renderSql(template: string, tables: ResolvedTables, endpoint: string | null): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_m, name: string) => {
    switch (name) {
      case 'payload': return payloadRelation(tables.payload, endpoint);
      case 'payload_filters': return PAYLOAD_FILTERS_SQL;
      case 'endpoint_usage': return tables.endpointUsage;
      case 'served_entities': return tables.servedEntities;
      case 'served_entities_latest': return servedEntitiesLatestRelation(tables.servedEntities);
      // Tokens per request with their source (lib/finance/sql.ts); applies the shared filters itself.
      case 'request_tokens': return requestTokensRelation(payloadRelation(tables.payload, endpoint), tables.endpointUsageReadable === false ? null : tables.endpointUsage);
      case 'price_book': return priceBookRelation(getPriceBook());
      case 'priced_requests': return pricedRequestsRelation(renderSql('{{request_tokens}}', tables, endpoint), servedEntitiesLatestRelation(tables.servedEntities), priceBookRelation(getPriceBook()));
      case 'billing_serving_daily': return billingServingDailyRelation(tables.billing ?? null);
      default: throw new Error(`Unknown placeholder {{${name}}} in a catalogue query`);
    }
  });
}

/** Placeholders that read only system tables; everything else reads the inference tables. */
const SYSTEM_ONLY = new Set(['endpoint_usage', 'served_entities', 'served_entities_latest']);

/**
 * Whether a query reads inference (payload) tables. With user authorization on, those queries run
 * as the viewer so Unity Catalog grants on payloads apply per person; queries reading only
 * system tables run as the app's service principal, which usually holds those grants.
 */
export function readsPayload(template: string): boolean {
  return [...template.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)].some((m) => !SYSTEM_ONLY.has(m[1]!));
}
