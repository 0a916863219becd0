import 'server-only';
import { ENDPOINT_NAME, TABLE_NAME, type PayloadTable } from '@/lib/config';
import { PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import { getPriceBook } from '@/lib/finance/price-book';
import { priceBookValuesSql } from '@/lib/finance/sql';
import { FACT_COLUMN_LIST, FACT_COLUMNS, TEXT_COLUMN_LIST } from '@/lib/rollups/facts';
import { ROLLUP_TABLE_NAMES } from '@/lib/rollups/catalog';
import { rollupEdgesSql, sharedFiltersSql, usageMapFilterSql } from './filters';
import { COMPUTED_ONCE_MARKER, RELATION_MARKER } from '@/lib/warehouse/compat';
import { hasSql, loadSql, splitLeadingComments } from './sql-files';
import type { ResolvedTables } from './tables';

export { hasSql, loadSql, queriesDir } from './sql-files';

/**
 * Everything a statement's text depends on besides its template: which tables configuration
 * named, and the choices of the query plan (lib/catalogue/plan.ts). Only identifiers from
 * validated configuration enter the text; every value stays a `:name` parameter.
 */
export interface RenderContext {
  tables: ResolvedTables;
  /** One known endpoint: only its payload table is read. */
  endpoint: string | null;
  /** `query`: rows in the window and filters; `build`: every row (building the rollup tables). */
  scope: 'query' | 'build';
  /** Where `{{requests}}` reads: the raw tables, the request facts table, or both split at a time. */
  requests: RequestsSource;
  /** The catalog (or catalog.schema) of the hourly rollup tables answering whole hours; null: computed. */
  /** Rollup tables in force; `split`: an hour cut in two at :lens_agg_split (see QueryDefinition.rollups.splitAt). */
  /** The rollup tables in force: their catalog, whether an hour is split, and the tables the query declared (bare names). */
  aggregates: { catalog: string; split?: boolean; tables?: string[] } | null;
  /** `none`: endpoint_usage cannot be read, tokens and usage_context come from payloads alone. */
  usage: 'read' | 'none';
  /** `none`: served_entities cannot be read: no entity names, and no endpoint for unlogged requests. */
  servedEntities?: 'read' | 'none';
  /** Where the inspector chooses a page of keys: facts (no bodies) or payload rows. */
  pageKeys?: 'facts' | 'payload';
  /** A usage_context filter is bound: the shared filters keep only usage_context_matches. */
  contextFilter?: boolean;
  /** The payload rows given whole, as a table or view name or a parenthesised relation (rollup builds); else built from `tables`. */
  payloadSql?: string;
  /**
   * An incremental build: only payload rows from this day on, and endpoint_usage from a day
   * earlier (a SQL DATE expression the build composed from validated values).
   */
  buildSince?: string;
  /**
   * A build in parts (the embedded build, a few days at a time): payload rows before this day
   * only, and endpoint_usage to a day after it (an exclusive SQL DATE expression).
   */
  buildUntil?: string;
  /** The one reading of the payload rows (payload_facts) given whole: a build reads it once into a table. */
  payloadFactsSql?: string;
}

export type RequestsSource =
  | { mode: 'raw' }
  | { mode: 'facts'; table: string; textTable: string }
  | { mode: 'hybrid'; table: string; textTable: string; coversEnd: Date };

export interface RenderedStatement {
  sql: string;
  /** The shared relations in the statement, in order, with the file (or generator) each came from. */
  relations: { name: string; source: string }[];
  /** What the statement reads: payload-derived data (payload, facts, rollups) or system tables only. */
  readsPayloadData: boolean;
  /**
   * What each part names directly: '' is the query's own text, then every relation; entries are
   * relation names and `table:<placeholder>` for tables (what lib/bench/plan-reads.ts follows).
   */
  reads: Record<string, string[]>;
}

const ALIAS = /^[a-z_][a-z0-9_]*$/;
const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){0,3}$/;
const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*(?:\(([^)]*)\))?\s*\}\}/g;

type Expand = (args: string[], ctx: RenderContext) => string;

/** The hour a query's split instant (:lens_agg_split) falls in. */
const SPLIT_HOUR = `date_trunc('hour', CAST(:lens_agg_split AS TIMESTAMP))`;

function oneArg(name: string, args: string[], pattern = ALIAS): string {
  if (args.length !== 1 || !pattern.test(args[0]!)) throw new Error(`Unknown placeholder {{${name}(${args.join(', ')})}} in a catalogue query`);
  return args[0]!;
}

/**
 * Macros written in TypeScript: those whose text depends on the plan (scope, edges) or is
 * generated from a list. The others are SQL files in queries/macros/ (see fileMacro).
 */
const TS_MACROS: Record<string, Expand> = {
  /** The shared filters on rows aliased `a`: window (request_date prunes files), endpoint, entity, requester, status. */
  filters: (args, ctx) => sharedFiltersSql(oneArg('filters', args), { usageContext: ctx.contextFilter }),
  /** The shared filters on hourly rollup rows: whole hours in :lens_agg_start … :lens_agg_end. */
  hour_filters: (args, ctx) => {
    const [alias, flag] = args;
    if (!alias || !ALIAS.test(alias) || args.length > 2 || (flag !== undefined && flag !== 'no_requester')) throw new Error(`Unknown placeholder {{hour_filters(${args.join(', ')})}} in a catalogue query`);
    const filters = sharedFiltersSql(alias, { time: 'rollup_hours', requester: flag !== 'no_requester' });
    return ctx.aggregates?.split ? `${filters}\n  AND ${alias}.hour <> ${SPLIT_HOUR}` : filters;
  },
  /** In a query the shared filters; in a rollup build every row. */
  scope: (args, ctx) => (ctx.scope === 'build' ? 'TRUE' : sharedFiltersSql(oneArg('scope', args), { usageContext: ctx.contextFilter })),
  /** Raw rows made into request facts: the window (and, in a hybrid, only after the facts table ends). */
  facts_scope: (args, ctx) => {
    const a = oneArg('facts_scope', args);
    if (ctx.scope === 'build') {
      const bounds = [
        ...(ctx.buildSince ? [`${a}.request_date >= ${ctx.buildSince}`] : []),
        ...(ctx.buildUntil ? [`${a}.request_date < ${ctx.buildUntil}`] : []),
      ];
      return bounds.length ? bounds.join(' AND ') : 'TRUE';
    }
    // No usage_context filter here: it reads these facts (usage_context_matches), and every reader filters again.
    const filters = sharedFiltersSql(a);
    return ctx.requests.mode === 'hybrid' ? `${filters}\n    AND ${a}.request_time >= CAST(:lens_covers_end AS TIMESTAMP)` : filters;
  },
  /** endpoint_usage rows that can join the rows in scope: the window and an hour either side. */
  usage_scope: (args, ctx) => {
    const a = oneArg('usage_scope', args);
    // A day earlier than the payload rows, for requests logged just after midnight.
    if (ctx.scope === 'build') {
      const bounds = [
        ...(ctx.buildSince ? [`${a}.request_time >= CAST(${ctx.buildSince} AS TIMESTAMP) - INTERVAL 1 DAY`] : []),
        ...(ctx.buildUntil ? [`${a}.request_time < CAST(${ctx.buildUntil} AS TIMESTAMP) + INTERVAL 1 DAY`] : []),
      ];
      return bounds.length ? bounds.join(' AND ') : 'TRUE';
    }
    return `${a}.request_time >= CAST(:start_time AS TIMESTAMP) - INTERVAL 1 HOUR\n  AND ${a}.request_time < CAST(:end_time AS TIMESTAMP) + INTERVAL 1 HOUR`;
  },
  /** The usage_context filter on endpoint_usage rows, from their map: TRUE without one. */
  usage_context_filter: (args, ctx) => (ctx.contextFilter ? usageMapFilterSql(oneArg('usage_context_filter', args)) : 'TRUE'),
  /** With rollup tables answering whole hours: only rows of the partial hours at the window's edges. */
  edges: (args, ctx) => {
    const a = oneArg('edges', args);
    if (!ctx.aggregates) return 'TRUE';
    return rollupEdgesSql(a, Boolean(ctx.aggregates.split));
  },
  /**
   * The hour a rollup row computed from requests belongs to. In a query whose split falls inside
   * an hour, rows of that hour from the split on are labelled with the split instant itself, so
   * `hour >= split` tells the two sides apart; otherwise (and in builds) the start of the hour.
   */
  rollup_hour: (args, ctx) => {
    const column = oneArg('rollup_hour', args, COLUMN);
    const hour = `date_trunc('hour', ${column})`;
    if (ctx.scope === 'build' || !ctx.aggregates?.split) return hour;
    return `CASE WHEN ${hour} = ${SPLIT_HOUR} AND ${column} >= CAST(:lens_agg_split AS TIMESTAMP) THEN CAST(:lens_agg_split AS TIMESTAMP) ELSE ${hour} END`;
  },
  /** The start of the column's :bucket (minute, hour or day) at the reporting zone's (:tz) boundaries, as a UTC instant. */
  time_bucket: (args) => timeBucket(oneArg('time_bucket', args, COLUMN)),
  /** The request facts columns, in the order the facts table holds them. */
  fact_columns: (args) => {
    if (args.length) throw new Error('Unknown placeholder {{fact_columns(…)}} in a catalogue query');
    return FACT_COLUMN_LIST;
  },
  /** The request text columns, in the order the text table holds them. */
  text_columns: (args) => {
    if (args.length) throw new Error('Unknown placeholder {{text_columns(…)}} in a catalogue query');
    return TEXT_COLUMN_LIST;
  },
  /**
   * Every request facts column, in order, from alias `a` where it has the column (the names after
   * the alias), a typed NULL where it has not: rows that have no body still line up with the facts.
   */
  fact_columns_from: (args) => {
    const [alias, ...given] = args;
    if (!alias || !ALIAS.test(alias) || given.some((c) => !FACT_COLUMNS.some((f) => f.name === c))) throw new Error(`Unknown placeholder {{fact_columns_from(${args.join(', ')})}} in a catalogue query`);
    return FACT_COLUMNS.map((c) => (given.includes(c.name) ? `${alias}.${c.name}` : `${nullOf(c.databricks)} AS ${c.name}`)).join(',\n  ');
  },
  /**
   * Whether an endpoint name (of a served_entities row) is one whose payload table is read: the
   * configured or discovered endpoints; in a build over a prepared payload relation, those in it.
   */
  configured_endpoint: (args, ctx) => {
    const column = oneArg('configured_endpoint', args, COLUMN);
    if (ctx.payloadSql) return `${column} IN (SELECT DISTINCT endpoint_name FROM {{payload}})`;
    const names = ctx.tables.payload.map((t) => t.endpoint).filter((e) => ENDPOINT_NAME.test(e));
    return names.length ? `${column} IN (${names.map((e) => `'${e}'`).join(', ')})` : 'FALSE';
  },
};

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

/** A SQL-file macro (queries/macros/<name>.sql): its body with each `@arg` replaced. */
function fileMacro(name: string, args: string[]): string | null {
  const file = `macros/${name}`;
  if (!hasSql(file)) return null;
  const { comments, body } = splitLeadingComments(loadSql(file));
  const signature = /^--\s*[a-z_]+\(([^)]*)\)/.exec(comments[0] ?? '');
  const params = signature ? signature[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (params.length !== args.length || !args.every((a) => COLUMN.test(a))) throw new Error(`Unknown placeholder {{${name}(${args.join(', ')})}} in a catalogue query`);
  // `@x` stands for the argument wherever no letter or digit follows (`@x_doc` is `x1_doc` for x1).
  return params.reduce((text, p, i) => text.replace(new RegExp(`@${p}(?![A-Za-z0-9])`, 'g'), args[i]!), body).trim();
}

/** Table placeholders: identifiers from validated configuration (and the plan's rollup tables). */
const TABLES: Record<string, Expand> = {
  endpoint_usage: (_a, ctx) => checked(ctx.tables.endpointUsage),
  served_entities: (_a, ctx) => checked(ctx.tables.servedEntities),
  billing_usage: (_a, ctx) => checked(requireBilling(ctx).usage),
  billing_list_prices: (_a, ctx) => checked(requireBilling(ctx).listPrices),
  facts_table: (_a, ctx) => {
    if (ctx.requests.mode === 'raw') throw new Error('{{facts_table}} in a plan without request facts');
    return ctx.requests.table;
  },
  text_table: (_a, ctx) => {
    if (ctx.requests.mode === 'raw') throw new Error('{{text_table}} in a plan without request facts');
    return ctx.requests.textTable;
  },
  rollup_table: (args, ctx) => {
    const name = oneArg('rollup_table', args);
    if (!ROLLUP_TABLE_NAMES.includes(name)) throw new Error(`Unknown rollup table ${name}`);
    if (!ctx.aggregates) throw new Error(`{{rollup_table(${name})}} in a plan without rollup tables`);
    return `${ctx.aggregates.catalog}.${name}`;
  },
};

const checked = (table: string) => {
  if (!TABLE_NAME.test(table)) throw new Error('a table name is not catalog.schema.table');
  return table;
};
const requireBilling = (ctx: RenderContext) => {
  if (!ctx.tables.billing) throw new Error('billing tables are not configured');
  return ctx.tables.billing;
};

/** Relations whose text is generated from configuration rather than read from a file. */
const GENERATED: Record<string, { source: string; sql: (ctx: RenderContext) => string }> = {
  payload: { source: 'every configured *_payload table as one relation, with its endpoint_name', sql: (ctx) => (ctx.payloadSql ? `SELECT * FROM ${ctx.payloadSql} payload_source` : payloadUnionSql(ctx.tables.payload, ctx.endpoint)) },
  price_book: { source: 'the price book (config/price-book.json) as rows; names are bound parameters', sql: () => priceBookValuesSql(getPriceBook()) },
};

/** Which file of a shared relation the plan calls for (queries/relations/<name>[.<variant>].sql). */
const VARIANTS: Record<string, (ctx: RenderContext) => string | null> = {
  requests: (ctx) => ctx.requests.mode,
  request_text: (ctx) => ctx.requests.mode,
  usage_rows: (ctx) => (ctx.usage === 'none' ? 'none' : null),
  unlogged_requests: (ctx) => (ctx.usage === 'none' || ctx.servedEntities === 'none' ? 'none' : null),
  served_entities_latest: (ctx) => (ctx.servedEntities === 'none' ? 'none' : null),
  // Hourly token groups only for a query that declared the token rollups (the conversations list reads the
  // thread rollup and prices single requests).
  pricing_rows: (ctx) => (ctx.aggregates && (ctx.aggregates.tables ?? ['gateway_lens_tokens_hourly']).includes('gateway_lens_tokens_hourly') ? 'groups' : null),
  billing_serving_daily: (ctx) => (ctx.tables.billing ? null : 'none'),
  hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  latency_hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  latency_rows: (ctx) => (ctx.aggregates ? null : 'requests'),
  minutely: (ctx) => (ctx.aggregates ? null : 'computed'),
  context_tokens_hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  questions_hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  threads_hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  token_bins: (ctx) => (ctx.aggregates ? null : 'computed'),
  error_messages_hourly: (ctx) => (ctx.aggregates ? null : 'computed'),
  key_rows: (ctx) => ctx.pageKeys ?? 'payload',
};

function relationFile(name: string, ctx: RenderContext): string | null {
  const variant = VARIANTS[name]?.(ctx) ?? null;
  const file = variant ? `relations/${name}.${variant}` : `relations/${name}`;
  return hasSql(file) ? file : null;
}

/** Relations derived from inference-table data; a statement reading none of them reads system tables only. */
const PAYLOAD_DATA = new Set(['payload', 'requests', 'request_text', 'key_rows', 'hourly', 'latency_hourly', 'minutely', 'tokens_hourly', 'context_token_groups', 'context_tokens_hourly', 'token_bins', 'error_messages_hourly', 'questions_hourly', 'threads_hourly']);

/**
 * Renders a catalogue template: placeholders become identifiers from configuration, macro
 * expansions, or the names of shared relations, which are prepended as named CTEs (each from its
 * file under queries/relations/, after the relations it reads), so the statement reads top to
 * bottom and can be pasted into the Databricks SQL editor as it is.
 */
export function renderStatement(template: string, ctx: RenderContext): RenderedStatement {
  const relations = new Map<string, { body: string; source: string; comments: string[] }>();
  const reads: Record<string, string[]> = {};
  let readsPayloadData = false;

  const expand = (text: string, stack: string[], named: Set<string>): string => text.replace(PLACEHOLDER, (_m, name: string, rawArgs: string | undefined) => {
    const args = rawArgs === undefined ? [] : rawArgs.split(',').map((a) => a.trim()).filter((a) => a !== '');
    if (TABLES[name]) {
      if (name === 'facts_table' || name === 'text_table' || name === 'rollup_table') readsPayloadData = true;
      named.add(`table:${name}${name === 'rollup_table' ? `:${args[0] ?? ''}` : ''}`);
      return TABLES[name](args, ctx);
    }
    if (TS_MACROS[name]) return expand(TS_MACROS[name](args, ctx), stack, named);
    if (rawArgs !== undefined) {
      const body = fileMacro(name, args);
      if (body === null) throw new Error(`Unknown placeholder {{${name}(${rawArgs})}} in a catalogue query`);
      return expand(body, stack, named);
    }
    if (!GENERATED[name] && !relationFile(name, ctx)) throw new Error(`Unknown placeholder {{${name}}} in a catalogue query`);
    if (PAYLOAD_DATA.has(name)) readsPayloadData = true;
    named.add(name);
    if (!relations.has(name)) {
      if (stack.includes(name)) throw new Error(`Relations read each other in a circle: ${[...stack, name].join(' → ')}`);
      const own = new Set<string>();
      const generated = name === 'payload_facts' && ctx.payloadFactsSql !== undefined
        ? { source: 'the one reading of the payload rows, read once by the build', sql: () => ctx.payloadFactsSql! }
        : GENERATED[name];
      if (generated) {
        relations.set(name, { body: expand(generated.sql(ctx), [...stack, name], own), source: generated.source, comments: [] });
      } else {
        const file = relationFile(name, ctx)!;
        const { comments, body } = splitLeadingComments(loadSql(file));
        const expanded = expand(body, [...stack, name], own);
        relations.set(name, { body: expanded, source: `queries/${file}.sql`, comments });
      }
      reads[name] = [...own];
    }
    return name;
  });

  const { comments, body } = splitLeadingComments(template);
  const top = new Set<string>();
  const expanded = expand(body, [], top);
  reads[''] = [...top];
  const sql = assemble(comments, expanded, relations, computedOnce(reads));
  // Every placeholder must be one this module knows, in its exact form; nothing passes through.
  const left = /\{\{[^}]*\}\}/.exec(sql);
  if (left) throw new Error(`Unknown placeholder ${left[0]} in a catalogue query`);
  return {
    sql,
    relations: [...relations].map(([name, r]) => ({ name, source: r.source })),
    readsPayloadData,
    reads,
  };
}

/** The context of a statement over the raw tables only (no plan: the request detail, tests). */
export function rawContext(tables: ResolvedTables, endpoint: string | null = null, usage: 'read' | 'none' = 'read'): RenderContext {
  return { tables, endpoint, scope: 'query', requests: { mode: 'raw' }, aggregates: null, usage };
}

/** The rendered SQL text alone. */
export function renderSql(template: string, ctx: RenderContext): string {
  return renderStatement(template, ctx).sql;
}

const indent = (text: string) => text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');

/**
 * Relations the embedded engine computes once per statement when the statement reads them more
 * than once: the payload reading (payload_facts) is tens of thousands of characters of SQL, and
 * DuckDB plans each inlined copy of it again (in the inspector list over the raw tables, read by
 * both request_facts and request_text, copying it took more planning than the rest of the
 * statement; computed once, the list ran about twice as fast, and in less memory, at 30k–300k rows).
 */
const COMPUTE_ONCE = new Set(['payload_facts']);

/** The COMPUTE_ONCE relations that more than one path of reads reaches from the query. */
function computedOnce(reads: Record<string, string[]>): Set<string> {
  const paths = new Map<string, number>();
  const count = (name: string): number => {
    if (name === '') return 1;
    const known = paths.get(name);
    if (known !== undefined) return known;
    let n = 0;
    for (const [reader, read] of Object.entries(reads)) if (read.includes(name)) n += count(reader);
    paths.set(name, n);
    return n;
  };
  return new Set([...COMPUTE_ONCE].filter((name) => name in reads && count(name) > 1));
}

/**
 * Joins the relations and the query: `WITH <relations>, <the query's own CTEs> SELECT …`.
 * Relation CTEs carry the marker `/* relation *\/`, by which the embedded engine inlines them
 * as the warehouse does (lib/warehouse/compat.ts), instead of materialising a relation read twice;
 * those in `once` carry `/* relation, computed once *\/`, by which it computes them once.
 */
function assemble(comments: string[], body: string, relations: Map<string, { body: string; source: string; comments: string[] }>, once: Set<string>): string {
  const head = comments.length ? `${comments.join('\n')}\n` : '';
  if (relations.size === 0) return `${head}${body}`;
  const own = /^\s*WITH\s+/i.exec(body);
  for (const name of ownCteNames(own ? body : '')) {
    if (relations.has(name)) throw new Error(`A query's own CTE "${name}" has the name of a shared relation`);
  }
  const ctes = [...relations].map(([name, r]) => [
    `-- ${name}: ${r.source}`,
    ...r.comments,
    `${name} AS ${once.has(name) ? COMPUTED_ONCE_MARKER : RELATION_MARKER} (`,
    indent(r.body.trim()),
    ')',
  ].join('\n'));
  return own
    ? `${head}WITH\n${ctes.join(',\n')},\n${body.slice(own[0].length)}`
    : `${head}WITH\n${ctes.join(',\n')}\n${body}`;
}

/** Names of the CTEs a query defines itself (top level of its WITH). */
function ownCteNames(body: string): string[] {
  return [...body.matchAll(/(?:^\s*WITH\s+|\)\s*,\s*)([a-z_][a-z0-9_]*)\s+AS\s*\(/gi)].map((m) => m[1]!.toLowerCase());
}

/**
 * All payload tables as one relation with an `endpoint_name` column. When the query is filtered
 * to one known endpoint only that table is read, so the warehouse never scans the others.
 */
export function payloadUnionSql(tables: PayloadTable[], endpoint: string | null): string {
  const chosen = endpoint && tables.some((t) => t.endpoint === endpoint) ? tables.filter((t) => t.endpoint === endpoint) : tables;
  if (chosen.length === 0) {
    // No table configured or discovered: an empty relation of the right shape keeps queries valid.
    return `SELECT CAST(NULL AS STRING) AS endpoint_name, ${PAYLOAD_COLUMNS.map((c) => `${nullOf(c.databricks)} AS ${c.name}`).join(', ')} WHERE 1 = 0`;
  }
  const columns = PAYLOAD_COLUMNS.map((c) => c.name).join(', ');
  return chosen.map((t) => `SELECT '${t.endpoint}' AS endpoint_name, ${columns} FROM ${checked(t.table)}`).join('\nUNION ALL\n');
}

// `split` gives a typed NULL array (and map_from_arrays of two a typed NULL map) on both engines,
// where the cast syntax for arrays and maps differs.
function nullOf(type: string): string {
  if (type.startsWith('ARRAY')) return `split(CAST(NULL AS STRING), ',')`;
  if (type.startsWith('MAP')) return `map_from_arrays(split(CAST(NULL AS STRING), ','), split(CAST(NULL AS STRING), ','))`;
  return `CAST(NULL AS ${type})`;
}
