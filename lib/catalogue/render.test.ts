import { describe, expect, it } from 'vitest';
import { rewriteParams } from '@/lib/warehouse/compat';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateSpan } from '@/lib/rollups/aggregates';
import { createDuckdbWarehouse } from '@/lib/warehouse/duckdb';
import { sqlTimestamp } from './filters';
import { splitHourWithin } from './plan';
import { rawContext, renderSql, renderStatement, type RenderContext } from './render';

const tables = { payload: [{ endpoint: 'chat', table: 'main.gw.chat_payload' }], endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' };
const raw = rawContext(tables);

describe('renderStatement', () => {
  it('fills table placeholders from validated config, prepends shared relations as named CTEs and leaves parameters alone', () => {
    const { sql, relations } = renderStatement('-- what it is\nSELECT * FROM {{payload}} p JOIN {{served_entities_latest}} se ON TRUE WHERE {{filters(p)}} AND x = :x', raw);
    expect(sql.startsWith('-- what it is\nWITH\n')).toBe(true);
    expect(sql).toContain("SELECT 'chat' AS endpoint_name");
    expect(sql).toContain('FROM main.gw.chat_payload');
    expect(sql).toContain('payload AS /* relation */ (');
    expect(sql).toContain('served_entities_latest AS /* relation */ (');
    expect(sql).toContain('row_number() OVER (PARTITION BY se_all.served_entity_id ORDER BY se_all.change_time DESC)');
    expect(sql).toMatch(/\)\nSELECT \* FROM payload p JOIN served_entities_latest se ON TRUE WHERE p\.request_date BETWEEN/);
    expect(sql).toContain('AND x = :x');
    expect(sql).not.toContain('{{');
    expect(relations).toEqual([
      { name: 'payload', source: expect.stringContaining('*_payload') },
      { name: 'served_entities_latest', source: 'queries/relations/served_entities_latest.sql' },
    ]);
  });

  it('puts each relation after the relations it reads, once, and splices them into a query that has its own CTEs', () => {
    const { sql, relations } = renderStatement('WITH mine AS (SELECT * FROM {{request_tokens}} t) SELECT * FROM mine JOIN {{requests}} r ON TRUE', raw);
    expect(relations.map((r) => r.name)).toEqual(['payload', 'payload_facts', 'usage_rows', 'request_facts', 'served_entities_latest', 'unlogged_requests', 'requests', 'request_tokens']);
    expect(sql).toMatch(/request_tokens AS \/\* relation \*\/ \([\s\S]*\),\nmine AS \(SELECT \* FROM request_tokens t\) SELECT \* FROM mine JOIN requests r ON TRUE$/);
  });

  it('picks each relation file the plan calls for', () => {
    const facts: RenderContext = { ...raw, requests: { mode: 'facts', table: 'main.lens.gateway_lens_request_facts', textTable: 'main.lens.gateway_lens_request_text' }, aggregates: { catalog: 'main.lens' } };
    const { sql, relations } = renderStatement('SELECT * FROM {{hourly}} a, {{pricing_rows}} r', facts);
    expect(relations.find((r) => r.name === 'requests')!.source).toBe('queries/relations/requests.facts.sql');
    expect(relations.find((r) => r.name === 'pricing_rows')!.source).toBe('queries/relations/pricing_rows.groups.sql');
    expect(relations.find((r) => r.name === 'hourly')!.source).toBe('queries/relations/hourly.sql');
    expect(sql).toContain('FROM main.lens.gateway_lens_hourly a');
    expect(sql).toContain('FROM main.lens.gateway_lens_request_facts');
    expect(sql).not.toContain('chat_payload');
    const none = renderStatement('SELECT * FROM {{requests}}', { ...raw, usage: 'none' });
    expect(none.relations.find((r) => r.name === 'usage_rows')!.source).toBe('queries/relations/usage_rows.none.sql');
    expect(none.sql).not.toContain('system.serving.endpoint_usage');
  });

  it('refuses an unknown placeholder, a malformed macro argument and a relation name reused by the query', () => {
    expect(() => renderSql('SELECT * FROM {{secrets}}', raw)).toThrow(/Unknown placeholder/);
    expect(() => renderSql('SELECT {{weight(p; DROP)}} FROM t', raw)).toThrow(/Unknown placeholder/);
    expect(() => renderSql('SELECT {{weight(p, q)}} FROM t', raw)).toThrow(/Unknown placeholder/);
    expect(() => renderSql('WITH payload AS (SELECT 1) SELECT * FROM {{payload}}', raw)).toThrow(/name of a shared relation/);
  });

  it('expands SQL-file macros with their arguments, and macros inside macros', () => {
    expect(renderSql('SELECT {{weight(x)}} FROM t x', raw)).toBe('SELECT 1.0 / coalesce(nullif(x.sampling_fraction, 0), 1.0) FROM t x');
    const series = renderSql('SELECT {{series(a, se)}} FROM t a', raw);
    expect(series).toContain("WHEN 'served_entity' THEN coalesce(se.served_entity_name, a.served_entity_id, '(none)')");
    expect(series).toContain("WHEN a.status_code = 429 THEN '429'");
  });

  it('tells statements over payload data (run as the viewer) from system-table-only ones (run as the app)', () => {
    expect(renderStatement('SELECT * FROM {{payload}} p JOIN {{served_entities_latest}} s ON TRUE', raw).readsPayloadData).toBe(true);
    expect(renderStatement('SELECT * FROM {{served_entities}}', raw).readsPayloadData).toBe(false);
    expect(renderStatement('SELECT * FROM {{ endpoint_usage }} u', raw).readsPayloadData).toBe(false);
    expect(renderStatement('SELECT * FROM {{request_tokens}} t', raw).readsPayloadData).toBe(true);
  });

  it('marks relation CTEs so the embedded engine inlines them', () => {
    const duck = rewriteParams(renderSql('SELECT * FROM {{payload}} p WHERE p.status_code = :s', raw)).sql;
    expect(duck).toContain('payload AS NOT MATERIALIZED (');
    expect(duck).toContain('p.status_code = $s');
  });

  it('has the embedded engine compute the payload reading once where a statement reads it twice, and inline it where once', () => {
    const twice = renderStatement('SELECT * FROM {{request_facts}} f JOIN {{request_text}} t ON t.databricks_request_id = f.databricks_request_id', raw);
    expect(twice.reads.request_facts).toContain('payload_facts');
    expect(twice.sql).toContain('payload_facts AS /* relation, computed once */ (');
    const duck = rewriteParams(twice.sql).sql;
    expect(duck).toContain('payload_facts AS MATERIALIZED (');
    // Every other relation stays inlined where it is read.
    expect(duck).toContain('request_facts AS NOT MATERIALIZED (');
    expect(duck.match(/ AS MATERIALIZED \(/g)).toHaveLength(1);
    const once = rewriteParams(renderSql('SELECT * FROM {{request_facts}} f', raw)).sql;
    expect(once).toContain('payload_facts AS NOT MATERIALIZED (');
    expect(once).not.toContain(' AS MATERIALIZED (');
  });
});

describe('time_bucket', () => {
  it('expands to the zoned bucket of the given column, and only accepts alias.column', () => {
    const sql = renderSql('SELECT {{time_bucket(u.request_time)}} AS bucket FROM {{endpoint_usage}} u', raw);
    expect(sql).toContain("CASE WHEN :tz = 'UTC' THEN CASE :bucket");
    expect(sql).toContain("date_trunc('hour', from_utc_timestamp(u.request_time, :tz))");
    expect(sql).not.toContain('{{');
    expect(() => renderSql('SELECT {{time_bucket(now())}}', raw)).toThrow(/Unknown placeholder/);
  });
});

describe('{{edges}} with a split hour', () => {
  // The rows an hourly query computes from requests: the partial hours at the window's edges and
  // the hour its two periods meet in. The macro writes that set as comparisons DuckDB prunes by;
  // evaluated here on a grid of instants against its plain definition.
  const warehouse = createDuckdbWarehouse(DuckDBInstance.create(':memory:'));
  const split: RenderContext = { ...raw, requests: { mode: 'facts', table: 'main.lens.gateway_lens_request_facts', textTable: 'main.lens.gateway_lens_request_text' }, aggregates: { catalog: 'main.lens', split: true } };
  const grid = "WITH grid AS (SELECT range AS request_time FROM range(TIMESTAMP '2026-10-31 20:00:00', TIMESTAMP '2026-11-03 04:00:00', INTERVAL 7 MINUTE))";
  const definition = "(p.request_time < CAST(:lens_agg_start AS TIMESTAMP) OR p.request_time >= CAST(:lens_agg_end AS TIMESTAMP) OR date_trunc('hour', p.request_time) = date_trunc('hour', CAST(:lens_agg_split AS TIMESTAMP)))";
  const instants = async (where: string, params: Record<string, string>) => {
    const { rows } = await warehouse.run(`${grid} SELECT CAST(p.request_time AS VARCHAR) AS t FROM grid p WHERE ${where} ORDER BY 1`, params);
    return rows.map((r) => String(r.t));
  };

  it.each([
    ['inside the whole hours', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-01 18:25:00'],
    ['in the first partial hour', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-01 10:40:00'],
    ['in the first whole hour', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-01 11:05:00'],
    ['in the last whole hour', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-02 11:59:00'],
    ['in the last partial hour', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-02 12:10:00'],
    ['before the window', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-01 02:30:00'],
    ['after the window', '2026-11-01 10:13:00', '2026-11-02 12:34:00', '2026-11-02 20:30:00'],
    ['in a window without a whole hour', '2026-11-01 10:13:00', '2026-11-01 10:50:00', '2026-11-01 10:30:00'],
  ])('keeps exactly the edge hours and the split hour when the split is %s', async (_, start, end, at) => {
    const span = aggregateSpan({ start: new Date(`${start}Z`), end: new Date(`${end}Z`) }, null);
    const hour = splitHourWithin(span, new Date(`${at}Z`));
    const params = { lens_agg_start: sqlTimestamp(span.start), lens_agg_end: sqlTimestamp(span.end), lens_agg_split: at, lens_agg_split_from: sqlTimestamp(hour.from), lens_agg_split_to: sqlTimestamp(hour.to) };
    const edges = renderSql('{{edges(p)}}', split);
    expect(edges).not.toContain('date_trunc');
    const got = await instants(edges, params);
    const want = await instants(definition, params);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(577);
    expect(got).toEqual(want);
  });
});
