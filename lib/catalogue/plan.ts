import type { Params } from '@/lib/warehouse/types';
import { chooseFacts } from '@/lib/rollups/facts';
import { aggregateSpan, grainAnswers } from '@/lib/rollups/aggregates';
import { FILTER_COLUMNS, rollupSpec } from '@/lib/rollups/catalog';
import type { RollupState } from '@/lib/rollups/state';
import type { AnyQuery } from './define';
import { hasContextFilter, parseSqlTimestamp, sqlTimestamp, type TimeWindow } from './filters';
import type { RenderContext, RequestsSource } from './render';
import type { ResolvedTables } from './tables';

/**
 * How one query runs, decided before any SQL is written: which file, where request facts come
 * from, which rollup tables answer which hours, whether endpoint_usage is read, and as whom. A
 * plain value: logged, returned with the result, shown beside View SQL and asserted in tests.
 */
export interface QueryPlan {
  query: string;
  /** The template: queries/<id>.sql, or its variant over the rollup tables. */
  file: string;
  /** Request facts: computed from the raw tables, read from the facts table, or both split at a time. */
  requests: RequestsSource['mode'];
  factsTable: string | null;
  /** Where the facts table stops and raw rows take over (hybrid). */
  factsCoverEnd: string | null;
  /** Rollup tables answering the whole hours [start, end) of the window; the edge hours come from requests. */
  aggregates: { tables: string[]; start: string; end: string } | null;
  /** The inspector list chooses its page of keys from request facts (no bodies) or payload rows. */
  pageKeys: 'facts' | 'payload' | null;
  /** Whether the statement joins endpoint_usage rows, or leaves them out because they cannot be read. */
  endpointUsage: 'read' | 'unreadable';
  /** Whether served entities are named from served_entities, or shown by id because it cannot be read. */
  servedEntities: 'read' | 'unreadable';
  /** Payload tables this identity cannot read, left out of the answer (their endpoints' panels say so). */
  skippedPayload: string[];
  /** Who the warehouse sees: the viewer (their own grants) or the app's identity. */
  identity: 'viewer' | 'app';
  /** The shared relations in the statement and the file each came from (filled when rendered). */
  relations: { name: string; source: string }[];
  /** Why each choice was made, in words. */
  reasons: string[];
  /** Sources given up after the warehouse refused them, and why (filled by the runner). */
  fallbacks: string[];
}

export interface PlanInput {
  def: AnyQuery;
  params: Params;
  window: TimeWindow;
  tables: ResolvedTables;
  endpoint: string | null;
  /** The rollups in force, or null (none built, switched off, or given up after an error). */
  rollups: RollupState | null;
  /** endpoint_usage is known to be unreadable for this identity. */
  usageUnreadable: boolean;
  /** served_entities is known to be unreadable for this identity. */
  servedEntitiesUnreadable?: boolean;
  /** Payload tables known to be unreadable for this identity (left out of `tables` already). */
  skippedPayload?: string[];
  /** The viewer's own token is forwarded and queries over payload data may run as the viewer. */
  viewerToken: boolean;
  hasVariant: (file: string) => boolean;
}

export interface Planned {
  plan: QueryPlan;
  /** The bound parameters, with the plan's own (:lens_covers_end, :lens_agg_start, :lens_agg_end, :lens_agg_split and its hour's :lens_agg_split_from/_to). */
  params: Params;
  render: RenderContext;
}

/** Why a rollup table cannot answer these parameters, or null when it can. */
function cannotAnswer(table: string, params: Params): string | null {
  const spec = rollupSpec(table);
  for (const [filter, column] of Object.entries(FILTER_COLUMNS)) {
    const param = filter === 'served_entity' ? 'served_entity_id' : filter === 'status' ? 'status_class' : filter === 'usage_context' ? 'uc1_key' : filter;
    if (params[param] != null && !spec.dimensions.includes(column)) return `${table} has no ${column}, and a ${filter} filter is set`;
  }
  if (!grainAnswers(spec.grain, params)) return `${table} keeps ${spec.grain}s, which cannot make ${String(params.bucket ?? 'these')} buckets in ${String(params.tz ?? 'UTC')}`;
  return null;
}

/**
 * The part of the split instant's hour that lies within the whole hours the rollup tables answer
 * ([span.start, span.end)), as :lens_agg_split_from/_to: start <= from <= to <= end, so the edges'
 * condition in {{edges}} (render.ts) is the AND of two ORs of comparisons, which DuckDB prunes by.
 */
export function splitHourWithin(span: { start: Date; end: Date }, splitAt: Date): { from: Date; to: Date } {
  const HOUR = 3_600_000;
  const lo = span.start.getTime();
  const hi = Math.max(lo, span.end.getTime());
  const clamp = (t: number) => new Date(Math.min(Math.max(t, lo), hi));
  const hour = Math.floor(splitAt.getTime() / HOUR) * HOUR;
  return { from: clamp(hour), to: clamp(hour + HOUR) };
}

/** Turns a query and its bound parameters into a plan: a pure function of its input. */
export function planQuery(input: PlanInput): Planned {
  const { def, window, rollups } = input;
  const reasons: string[] = [];
  let params: Params = input.params;

  const requests = chooseFacts(rollups?.facts ?? null, window);
  if (!rollups) reasons.push('no rollups in force: request facts are computed from the raw tables');
  else if (requests.mode === 'facts') reasons.push(`the request facts table covers the window`);
  else if (requests.mode === 'hybrid') reasons.push(`the request facts table covers the window up to ${requests.coversEnd.toISOString()}; raw rows after it`);
  else reasons.push('the window starts after the request facts table ends: raw tables');
  if (requests.mode === 'hybrid') params = { ...params, lens_covers_end: sqlTimestamp(requests.coversEnd) };

  let aggregates: QueryPlan['aggregates'] = null;
  let split = false;
  const wanted = def.rollups;
  if (rollups && wanted) {
    const refusals = wanted.tables.map((t) => cannotAnswer(t, params)).filter((r): r is string => r !== null);
    const declined = wanted.when && !wanted.when(params) ? wanted.whenNot ?? 'these parameters need the requests themselves' : null;
    if (refusals.length || declined) {
      reasons.push(`rollup tables not used: ${[...refusals, ...(declined ? [declined] : [])].join('; ')}`);
    } else {
      // The query's own bounds when its binding moved them (month to date starts on the 1st).
      const start = parseSqlTimestamp(params.start_time) ?? window.start;
      const end = parseSqlTimestamp(params.end_time) ?? window.end;
      const span = aggregateSpan({ start, end }, rollups.facts.coversEnd);
      params = { ...params, lens_agg_start: sqlTimestamp(span.start), lens_agg_end: sqlTimestamp(span.end) };
      // A split inside an hour: that hour comes from requests, each row labelled by its side.
      const splitAt = wanted.splitAt ? parseSqlTimestamp(params[wanted.splitAt]) : null;
      if (splitAt && splitAt.getTime() % 3_600_000 !== 0) {
        const hour = splitHourWithin(span, splitAt);
        params = { ...params, lens_agg_split: sqlTimestamp(splitAt), lens_agg_split_from: sqlTimestamp(hour.from), lens_agg_split_to: sqlTimestamp(hour.to) };
        split = true;
        reasons.push(`the hour of ${splitAt.toISOString()} (where :${wanted.splitAt} splits the rows) comes from requests`);
      }
      aggregates = { tables: wanted.tables.map((t) => `${rollups.catalog}.${t}`), start: span.start.toISOString(), end: span.end.toISOString() };
      reasons.push(span.start < span.end
        ? `${wanted.tables.join(', ')} answer the whole hours ${span.start.toISOString()} to ${span.end.toISOString()}; the edge hours come from requests`
        : `${wanted.tables.join(', ')} hold no whole hour of this window: everything comes from requests`);
    }
  }

  let pageKeys: QueryPlan['pageKeys'] = null;
  if (def.pageKeys) {
    pageKeys = requests.mode !== 'raw' && def.pageKeys(params) ? 'facts' : 'payload';
    reasons.push(pageKeys === 'facts' ? 'the page of keys comes from request facts: no keyword or tool filter reads bodies' : 'the page of keys comes from payload rows');
  }

  const factsVariant = !aggregates && requests.mode === 'facts' && Boolean(def.factsVariant?.(params)) && input.hasVariant(`${def.id}.facts`);
  if (factsVariant) reasons.push('the rows are read from the request facts and text tables: no body is interpreted');
  const file = aggregates && input.hasVariant(`${def.id}.rollup`) ? `${def.id}.rollup` : factsVariant ? `${def.id}.facts` : def.id;
  if (input.usageUnreadable) reasons.push(`${input.tables.endpointUsage} is not readable with this identity: tokens and usage_context come from payloads`);
  if (input.servedEntitiesUnreadable) reasons.push(`${input.tables.servedEntities} is not readable with this identity: served entities are shown by id, and requests only endpoint_usage counted cannot be given an endpoint`);
  for (const t of input.skippedPayload ?? []) reasons.push(`${t} is not readable with this identity: its endpoint is left out`);
  if (input.viewerToken) reasons.push('runs as the viewer (user authorization): their own grants apply, and the rollup tables (every endpoint) are not read');

  const plan: QueryPlan = {
    query: def.id,
    file: `queries/${file}.sql`,
    requests: requests.mode,
    factsTable: requests.mode === 'raw' ? null : requests.table,
    factsCoverEnd: requests.mode === 'hybrid' ? requests.coversEnd.toISOString() : null,
    aggregates,
    pageKeys,
    endpointUsage: input.usageUnreadable ? 'unreadable' : 'read',
    servedEntities: input.servedEntitiesUnreadable ? 'unreadable' : 'read',
    skippedPayload: input.skippedPayload ?? [],
    identity: 'app',
    relations: [],
    reasons,
    fallbacks: [],
  };
  const render: RenderContext = {
    tables: input.tables,
    endpoint: input.endpoint,
    scope: 'query',
    requests,
    aggregates: aggregates && rollups && wanted ? { catalog: rollups.catalog, split, tables: [...wanted.tables] } : null,
    usage: input.usageUnreadable ? 'none' : 'read',
    servedEntities: input.servedEntitiesUnreadable ? 'none' : 'read',
    pageKeys: pageKeys ?? undefined,
    contextFilter: hasContextFilter(params),
  };
  return { plan, params, render };
}

/** A one-line summary of a plan, for logs and the View SQL panel. */
export function describePlan(plan: QueryPlan): string {
  const parts = [plan.file, `requests: ${plan.requests}${plan.factsTable ? ` (${plan.factsTable})` : ''}`];
  if (plan.aggregates) parts.push(`rollups: ${plan.aggregates.tables.map((t) => t.split('.').pop()).join(', ')}`);
  if (plan.pageKeys) parts.push(`page keys: ${plan.pageKeys}`);
  if (plan.endpointUsage === 'unreadable') parts.push('endpoint_usage unreadable');
  if (plan.servedEntities === 'unreadable') parts.push('served_entities unreadable');
  if (plan.skippedPayload.length) parts.push(`left out: ${plan.skippedPayload.join(', ')}`);
  parts.push(`as ${plan.identity}`);
  if (plan.fallbacks.length) parts.push(`fell back: ${plan.fallbacks.join('; ')}`);
  return parts.join(' · ');
}
