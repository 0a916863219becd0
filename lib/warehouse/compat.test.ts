import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { COMPAT_MACROS, rewriteParams } from './compat';
import { createDuckdbWarehouse } from './duckdb';
import type { Warehouse } from './types';

describe('rewriteParams', () => {
  it('rewrites named markers and lists each name once, in order', () => {
    expect(rewriteParams('SELECT :a, :b_2 WHERE x = :a')).toEqual({ sql: 'SELECT $a, $b_2 WHERE x = $a', params: ['a', 'b_2'] });
  });

  it('leaves :: casts alone', () => {
    expect(rewriteParams('SELECT x::INT, :p::DOUBLE').sql).toBe('SELECT x::INT, $p::DOUBLE');
  });

  it('leaves colons inside string literals alone, with both escape styles', () => {
    const sql = `SELECT '10:00 :no', 'it''s :no', 'back\\' :no', "dq :no", \`bt:no\`, :yes`;
    const r = rewriteParams(sql);
    expect(r.params).toEqual(['yes']);
    expect(r.sql).toBe(sql.replace(':yes', '$yes'));
  });

  it('leaves comments alone', () => {
    const sql = 'SELECT 1 -- :line\n/* :block\n:more */ + :real';
    expect(rewriteParams(sql)).toEqual({ sql: 'SELECT 1 -- :line\n/* :block\n:more */ + $real', params: ['real'] });
  });

  it('does not treat identifier:word or a lone colon as a parameter', () => {
    expect(rewriteParams('SELECT a:b, x : y, :1').params).toEqual([]);
  });

  it('handles a parameter at the very end and an unterminated string without looping', () => {
    expect(rewriteParams('WHERE a = :last').sql).toBe('WHERE a = $last');
    expect(rewriteParams("SELECT ':open").params).toEqual([]);
  });
});

describe('compatibility macros on DuckDB', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    const instance = DuckDBInstance.create(':memory:').then(async (i) => {
      const c = await i.connect();
      await c.run(`SET GLOBAL TimeZone = 'UTC'`);
      for (const m of COMPAT_MACROS) await c.run(m);
      c.closeSync();
      return i;
    });
    wh = createDuckdbWarehouse(instance);
  });
  afterAll(() => wh.close());

  const one = async (sql: string, params: Record<string, string | number | boolean | null> = {}) => (await wh.run(sql, params)).rows[0]!;

  it('get_json_object returns NULL for invalid JSON, NULL input and missing paths, like Databricks', async () => {
    const r = await one(`SELECT get_json_object('not json', '$.a') AS bad, get_json_object(NULL, '$.a') AS nul, get_json_object('{"a":1}', '$.b') AS missing, get_json_object('{"a":1', '$.a') AS truncated`);
    expect(r).toEqual({ bad: null, nul: null, missing: null, truncated: null });
  });

  it('get_json_object returns scalars as text and objects/arrays as JSON text', async () => {
    const r = await one(`SELECT get_json_object(:j, '$.m[1].content') AS c, get_json_object(:j, '$.n') AS n, get_json_object(:j, '$.o') AS o, get_json_object(:j, '$.t') AS t`, {
      j: '{"m":[{"content":"a"},{"content":"héllo 日本"}],"n":3,"o":{"x":[1,2]},"t":true}',
    });
    expect(r).toEqual({ c: 'héllo 日本', n: '3', o: '{"x":[1,2]}', t: 'true' });
  });

  it('percentile_approx is discrete: it returns a value present in the data', async () => {
    const r = await one(`SELECT percentile_approx(x, 0.5) AS p50, percentile_approx(x, 0.95) AS p95 FROM (SELECT CAST(range AS DOUBLE) * 10 AS x FROM range(1, 101)) t`);
    expect(r.p50).toBe(500);
    expect(r.p95).toBe(950);
  });

  it('explode turns an array into rows and map_keys works on usage_context maps', async () => {
    const { rows } = await wh.run(`SELECT explode(map_keys(MAP(['project', 'end_user_to_charge'], ['a', 'b']))) AS k ORDER BY k`, {});
    expect(rows.map((r) => r.k)).toEqual(['end_user_to_charge', 'project']);
  });

  it('size, unix_timestamp and timestamp_seconds behave like Databricks', async () => {
    const r = await one(`SELECT size(split('a,b', ',')) AS s, unix_timestamp(CAST('2026-01-01 00:00:00' AS TIMESTAMP)) AS u, timestamp_seconds(1767225600) AS t`);
    expect(r).toEqual({ s: 2, u: 1767225600, t: '2026-01-01T00:00:00.000Z' });
  });

  it('json_array_length counts array elements and is NULL for invalid JSON, non-arrays and NULL, like Databricks', async () => {
    const { rows } = await wh.run(`SELECT json_array_length(j) AS n FROM (VALUES (1, '[1,2,[3]]'), (2, '[]'), (3, 'not json'), (4, '{"a":1}'), (5, '"s"'), (6, NULL), (7, '[1,')) t(k, j) ORDER BY k`, {});
    expect(rows.map((r) => r.n)).toEqual([3, 0, null, null, null, null, null]);
  });

  it('json_object_keys lists the outer keys of an object and is NULL otherwise, like Databricks', async () => {
    const r = await one(`SELECT json_object_keys('{"project":"x","end_user_to_charge":{"a":1}}') AS keys, json_object_keys('[1,2]') AS arr,
      json_object_keys('"s"') AS scalar, json_object_keys('{"a":') AS bad, json_object_keys(NULL) AS nul, json_object_keys('{}') AS empty`);
    expect(r).toEqual({ keys: ['project', 'end_user_to_charge'], arr: null, scalar: null, bad: null, nul: null, empty: [] });
  });

  it('map_from_arrays builds a map like Databricks, and a typed NULL map from NULL arrays', async () => {
    const r = await one(`SELECT map_from_arrays(['a', 'b'], ['1', '2'])['b'] AS b, map_from_arrays(split(CAST(NULL AS STRING), ','), split(CAST(NULL AS STRING), ',')) AS nul,
      map_from_arrays(split(CAST(NULL AS STRING), ','), split(CAST(NULL AS STRING), ','))['a'] AS missing`);
    expect(r).toEqual({ b: '2', nul: null, missing: null });
  });

  it('binds NULL parameters so optional filters switch off', async () => {
    const { rows } = await wh.run(`SELECT x FROM (VALUES ('a'), ('b')) t(x) WHERE (:f IS NULL OR x = :f) ORDER BY x`, { f: null });
    expect(rows).toEqual([{ x: 'a' }, { x: 'b' }]);
    const only = await wh.run(`SELECT x FROM (VALUES ('a'), ('b')) t(x) WHERE (:f IS NULL OR x = :f)`, { f: 'b' });
    expect(only.rows).toEqual([{ x: 'b' }]);
  });

  it('treats a hostile parameter value as a literal', async () => {
    const evil = `'; DROP TABLE t; --`;
    const r = await one(`SELECT CAST(:v AS STRING) AS v, length(:v) AS n`, { v: evil });
    expect(r).toEqual({ v: evil, n: evil.length });
  });

  it('normalises values: timestamps to ISO UTC, dates to YYYY-MM-DD, BIGINT to number, NULL stays null', async () => {
    const r = await one(`SELECT CAST('2026-11-15 14:00:00' AS TIMESTAMP) AS ts, DATE '2026-11-15' AS d, CAST(12 AS BIGINT) AS b,
      CAST(9007199254740993 AS BIGINT) AS big, CAST(NULL AS BIGINT) AS n, CAST(1.25 AS DECIMAL(10, 2)) AS dec,
      MAP(['k'], ['v']) AS m, ['x', NULL] AS l, {'a': 1} AS s`);
    expect(r).toEqual({ ts: '2026-11-15T14:00:00.000Z', d: '2026-11-15', b: 12, big: '9007199254740993', n: null, dec: 1.25, m: { k: 'v' }, l: ['x', null], s: { a: 1 } });
  });

  it('reports a missing parameter and a syntax error as safe warehouse errors', async () => {
    await expect(wh.run('SELECT :missing', {})).rejects.toMatchObject({ kind: 'engine', message: 'The query is missing a parameter' });
    await expect(wh.run('SELEC 1', {})).rejects.toMatchObject({ kind: 'syntax' });
  });

  it('regexp_replace replaces every match, like Databricks (DuckDB alone replaces the first)', async () => {
    const r = await one(`SELECT regexp_replace('a1b22c333', '[0-9]+', '#') AS three, regexp_replace('x1y2', '[0-9]', '', 1) AS pos1, regexp_replace(NULL, 'a', 'b') AS nul`);
    expect(r).toEqual({ three: 'a#b#c#', pos1: 'xy', nul: null });
  });

  it('from_utc_timestamp / to_utc_timestamp convert to and from wall-clock time in a zone, DST included', async () => {
    const r = await one(`SELECT from_utc_timestamp(TIMESTAMP '2026-07-01 12:00:00', 'America/New_York') AS summer,
      from_utc_timestamp(TIMESTAMP '2026-01-01 12:00:00', 'America/New_York') AS winter,
      to_utc_timestamp(TIMESTAMP '2026-07-01 08:00:00', 'America/New_York') AS back,
      to_utc_timestamp(date_trunc('day', from_utc_timestamp(TIMESTAMP '2026-07-01 02:00:00', 'Asia/Kolkata')), 'Asia/Kolkata') AS local_midnight,
      from_utc_timestamp(TIMESTAMP '2026-07-01 12:00:00', 'UTC') AS utc`);
    expect(r).toEqual({
      summer: '2026-07-01T08:00:00.000Z',
      winter: '2026-01-01T07:00:00.000Z',
      back: '2026-07-01T12:00:00.000Z',
      local_midnight: '2026-06-30T18:30:00.000Z',
      utc: '2026-07-01T12:00:00.000Z',
    });
  });

  it('cancels a running query when the signal aborts', async () => {
    const controller = new AbortController();
    const running = wh.run('SELECT count(*) AS n FROM range(1000000000) a, range(100) b', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('WarehouseError', () => {
  it('is recognised across separately loaded copies of its module (server bundles)', async () => {
    const { WarehouseError } = await import('./types');
    const foreign = Object.assign(new Error('x'), { [Symbol.for('gateway-lens.warehouse-error')]: true, kind: 'permission' });
    expect(foreign instanceof WarehouseError).toBe(true);
    expect(new Error('plain') instanceof WarehouseError).toBe(false);
    expect(new WarehouseError('y', 'engine') instanceof WarehouseError).toBe(true);
  });
});

describe('statement timeout on the embedded engine', () => {
  it('interrupts a statement that runs past the timeout and says so', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { createDuckdbWarehouse } = await import('./duckdb');
    const wh = createDuckdbWarehouse(DuckDBInstance.create(':memory:'), { statementTimeoutMs: 150 });
    await expect(wh.run('SELECT count(*) AS n FROM range(1000000000) a, range(100) b', {})).rejects.toMatchObject({ kind: 'timeout', message: expect.stringMatching(/statement timeout/) });
    await wh.close();
  });
});
