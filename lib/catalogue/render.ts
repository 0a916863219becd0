import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PAYLOAD_FILTERS_SQL } from './filters';
import { payloadRelation, servedEntitiesLatestRelation, type ResolvedTables } from './tables';
import { getPriceBook } from '@/lib/finance/price-book';
import { billingServingDailyRelation, priceBookRelation, pricedRequestsRelation, requestRowsForPricing, requestTokensRelation } from '@/lib/finance/sql';
import { tokenGroupsAsRequests, tokenGroupsRelation } from '@/lib/rollups/tokens';
import { ERROR_CATEGORY_SQL, requestsRelation } from '@/lib/rollups/facts';
import { AGGREGATE_PLACEHOLDERS, aggregateRelation } from '@/lib/rollups/aggregates';

const cache = new Map<string, string>();

export function queriesDir(): string {
  return path.join(process.cwd(), 'queries');
}

const present = new Map<string, boolean>();

/** Whether the catalogue has this SQL file (e.g. a query's `.rollup` variant); asked once per process like loadSql. */
export function hasSql(id: string): boolean {
  let exists = present.get(id);
  if (exists === undefined) {
    exists = fs.existsSync(path.join(queriesDir(), `${id}.sql`));
    if (process.env.NODE_ENV === 'production') present.set(id, exists);
  }
  return exists;
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
/**
 * `{{dimension_value}}`: the value of a priced request (alias `pr`) for the finance dimension
 * chosen by :dimension — a usage_context key (:context_key; from endpoint_usage, else the request
 * body), requester, endpoint, served entity or priced model — '(not set)' when it has none.
 */
export const DIMENSION_VALUE_SQL = `coalesce(CASE :dimension
      WHEN 'context' THEN pr.context_value
      WHEN 'requester' THEN pr.requester
      WHEN 'endpoint' THEN pr.endpoint_name
      WHEN 'served_entity' THEN coalesce(pr.served_entity_name, pr.served_entity_id)
      ELSE coalesce(pr.price_model, pr.entity_name, pr.served_entity_id)
    END, '(not set)')`;

const TIME_BUCKET = /\{\{\s*time_bucket\(\s*([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)\s*\)\s*\}\}/g;

export function renderSql(template: string, tables: ResolvedTables, endpoint: string | null): string {
  // Every placeholder must be one this function knows, in its exact form; nothing passes through.
  for (const m of template.matchAll(/\{\{[^}]*\}\}/g)) {
    if (!/^\{\{\s*[a-z_]+\s*\}\}$/.test(m[0]) && !new RegExp(TIME_BUCKET.source).test(m[0])) throw new Error(`Unknown placeholder ${m[0]} in a catalogue query`);
  }
  // `{{requests}}`: the built request facts when they cover the window, else the same columns
  // computed from the raw tables (lib/rollups/facts.ts); several placeholders build on it.
  const requests = () => requestsRelation(tables.facts ?? { mode: 'raw' }, factsSource(tables, endpoint));
  return template.replace(TIME_BUCKET, (_m, column: string) => timeBucket(column)).replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_m, name: string) => {
    switch (name) {
      case 'payload': return payloadRelation(tables.payload, endpoint);
      // Rows to choose a page of keys from: with rollups the request facts (no bodies: the query
      // only reads them where the runner rules out keyword and body filters), else the payloads.
      case 'payload_keys': return tables.aggregates
        ? `(SELECT f.*, CAST(NULL AS STRING) AS request, CAST(NULL AS STRING) AS response FROM ${requests()} f)`
        : payloadRelation(tables.payload, endpoint);
      case 'payload_filters': return PAYLOAD_FILTERS_SQL;
      case 'error_category': return ERROR_CATEGORY_SQL;
      case 'dimension_value': return DIMENSION_VALUE_SQL;
      case 'endpoint_usage': return tables.endpointUsage;
      case 'served_entities': return tables.servedEntities;
      case 'served_entities_latest': return servedEntitiesLatestRelation(tables.servedEntities);
      case 'requests': return requests();
      // Hourly rollups (lib/rollups/aggregates.ts): the built table for whole covered hours plus
      // the partial hours at the edges, or the same aggregate computed over the window's requests.
      case 'hourly':
      case 'minutely':
      case 'latency_hourly': {
        const agg = AGGREGATE_PLACEHOLDERS[name]!;
        return aggregateRelation(agg, requests(), tables.aggregates ? `${tables.aggregates.catalog}.${agg}` : null);
      }
      // Tokens per request with their source (lib/finance/sql.ts); applies the shared filters itself.
      case 'request_tokens': return requestTokensRelation(requests());
      case 'price_book': return priceBookRelation(getPriceBook());
      // Priced requests, or with rollups hourly groups of them priced the same way (lib/rollups/tokens.ts).
      case 'priced_requests': {
        const requestTokens = requestTokensRelation(requests());
        const rows = tables.aggregates
          ? tokenGroupsAsRequests(tokenGroupsRelation(requestTokens, { tokens: `${tables.aggregates.catalog}.gateway_lens_tokens_hourly`, context: `${tables.aggregates.catalog}.gateway_lens_context_tokens_hourly` }))
          : requestRowsForPricing(requestTokens);
        return pricedRequestsRelation(rows, servedEntitiesLatestRelation(tables.servedEntities), priceBookRelation(getPriceBook()));
      }
      case 'billing_serving_daily': return billingServingDailyRelation(tables.billing ?? null);
      default: throw new Error(`Unknown placeholder {{${name}}} in a catalogue query`);
    }
  });
}

/**
 * `{{time_bucket(p.request_time)}}`: the start of the column's :bucket (minute, hour or day) at
 * the reporting zone's boundaries (:tz), as a UTC instant. UTC skips the zone conversion, which
 * the embedded engine pays for on every row.
 */
export function timeBucket(column: string): string {
  const trunc = (expr: string) => `CASE :bucket
      WHEN 'minute' THEN date_trunc('minute', ${expr})
      WHEN 'hour' THEN date_trunc('hour', ${expr})
      ELSE date_trunc('day', ${expr})
    END`;
  return `CASE WHEN :tz = 'UTC' THEN ${trunc(column)} ELSE to_utc_timestamp(${trunc(`from_utc_timestamp(${column}, :tz)`)}, :tz) END`;
}

function factsSource(tables: ResolvedTables, endpoint: string | null) {
  return { payload: payloadRelation(tables.payload, endpoint), endpointUsage: tables.endpointUsageReadable === false ? null : tables.endpointUsage };
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
