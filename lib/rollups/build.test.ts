import { afterEach, describe, expect, it, vi } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { payloadRelation } from '@/lib/catalogue/tables';
import { ROLLUP_AGGREGATES, type AggregateInput } from './aggregates';
import { ROLLUP_TABLES, databricksStateSql, databricksStatements, rollupVersion } from './build';
import type { FactsSource } from './facts';

const schema = 'main.lens';
const payload = payloadRelation([{ endpoint: 'chat', table: 'main.gw.chat_payload' }, { endpoint: 'agent-x', table: 'main.gw.agent_payload' }], null);
const withUsage: FactsSource = { payload, endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' };
const withoutUsage: FactsSource = { payload, endpointUsage: null, servedEntities: 'system.serving.served_entities' };
const SINCE = '2026-03-01';
const aggregateTables = ROLLUP_AGGREGATES.map((a) => `${schema}.${a.name}`);
const factsTable = `${schema}.${ROLLUP_TABLES.facts}`;
const textTable = `${schema}.${ROLLUP_TABLES.text}`;
const stateTable = `${schema}.${ROLLUP_TABLES.state}`;
const buildTable = `${schema}.${ROLLUP_TABLES.build}`;

/**
 * dt-sql-parser 4.5 has Spark 3's grammar: a statement's target table is at most schema.table and
 * CREATE TABLE has no CLUSTER BY. Databricks has both, so the head is cut back to that grammar
 * (and checked to be exactly one of the forms below); the rest of the statement is parsed as is.
 */
const HEAD = /^(CREATE OR REPLACE TABLE|INSERT INTO) main\.(lens\.\w+)( CLUSTER BY \([\w, ]+\))?(?= AS\n|\n| REPLACE WHERE )/;
function parseErrors(sql: string): string[] {
  expect(sql).toMatch(HEAD);
  const spark3 = sql.replace(HEAD, '$1 $2');
  return statementErrors(spark3);
}

const builds = [
  ['full build with endpoint_usage', withUsage, null],
  ['full build without endpoint_usage', withoutUsage, null],
  ['incremental with endpoint_usage', withUsage, SINCE],
  ['incremental without endpoint_usage', withoutUsage, SINCE],
] as const;

describe('databricksStatements', () => {
  describe.each(builds)('%s', (_label, source, sinceDate) => {
    const statements = databricksStatements({ schema, source, sinceDate });

    it.each(statements.map((sql, i) => [i + 1, sql.split('\n')[0]!.slice(0, 70), sql] as const))('statement %i parses under the Spark SQL grammar (%s)', (_i, _head, sql) => {
      expect(parseErrors(sql)).toEqual([]);
    });

    it('writes the state row last, once', () => {
      const writes = statements.filter((s) => s.includes(`TABLE ${stateTable}`) || s.includes(`INTO ${stateTable}`) || s.includes(`FROM ${stateTable}`));
      expect(writes).toEqual([statements.at(-1)]);
      expect(statements.at(-1)).toMatch(new RegExp(`^CREATE OR REPLACE TABLE ${stateTable} AS\\n`));
      expect(statements.at(-1)).toContain(`'${rollupVersion()}' AS version`);
    });

    it('reads endpoint_usage only when the source has it', () => {
      const facts = statements[1]!;
      if (source.endpointUsage) expect(facts).toContain(`FROM ${source.endpointUsage}`);
      // (Comments may name the table; the code must not read it.)
      else expect(statements.join('\n').replace(/--.*$/gm, '')).not.toMatch(/(?<!with_)endpoint_usage\b(?! does not)/);
      expect(facts).toContain('FROM main.gw.chat_payload');
      expect(facts).toContain('FROM main.gw.agent_payload');
    });

    it('writes the facts before the aggregates that read them', () => {
      const firstAggregate = statements.findIndex((s) => aggregateTables.some((t) => s.includes(` ${t}\n`) || s.includes(` ${t} `)));
      const lastFacts = statements.findLastIndex((s) => s.startsWith('CREATE OR REPLACE TABLE main.lens.gateway_lens_request_facts') || s.startsWith(`INSERT INTO ${factsTable}`));
      expect(lastFacts).toBeGreaterThanOrEqual(0);
      expect(firstAggregate).toBeGreaterThan(lastFacts);
    });
  });

  it('full build: replaces every table once, then the state', () => {
    const statements = databricksStatements({ schema, source: withUsage });
    const targets = statements.map((s) => /^CREATE OR REPLACE TABLE ([\w.]+)/.exec(s)?.[1]);
    expect(targets).toEqual([buildTable, factsTable, textTable, ...aggregateTables, stateTable]);
    expect(statements.join('\n')).not.toMatch(/^(DELETE|INSERT)/m);
    expect(databricksStatements({ schema, source: withUsage, sinceDate: null })).toEqual(statements);
  });

  it('incremental: replaces each table from the given date only, atomically, then the state', () => {
    const statements = databricksStatements({ schema, source: withUsage, sinceDate: SINCE });
    const since = `CAST('${SINCE}' AS DATE)`;
    const tables = [
      { table: factsTable, dateColumn: 'request_date', from: '' },
      { table: textTable, dateColumn: 'request_date', from: '' },
      ...ROLLUP_AGGREGATES.map((a) => ({ table: `${schema}.${a.name}`, dateColumn: a.dateColumn, from: a.source === 'text' ? textTable : factsTable })),
    ];
    expect(statements).toHaveLength(tables.length + 2);
    expect(statements[0]).toMatch(new RegExp(`^CREATE OR REPLACE TABLE ${buildTable} AS\\n`));
    tables.forEach(({ table, dateColumn, from }, i) => {
      const insert = statements[i + 1]!;
      expect(insert.startsWith(`INSERT INTO ${table} REPLACE WHERE ${dateColumn} >= ${since}\n`)).toBe(true);
      // The inserted rows are cut at the same date: the facts and texts from the raw rows, the
      // aggregates from the facts (the questions from the texts).
      if (!from) expect(insert).toMatch(new RegExp(`\\) f WHERE f\\.request_date >= CAST\\('${SINCE}' AS DATE\\)$`));
      else {
        expect(insert).toContain(`(SELECT * FROM ${from} WHERE request_date >= ${since})`);
        expect(insert).toMatch(new RegExp(`\\) a WHERE a\\.${dateColumn} >= CAST\\('${SINCE}' AS DATE\\)$`));
      }
    });
    expect(statements.join('\n')).not.toMatch(/^DELETE/m);
    expect(statements.join('\n').match(/'\d{4}-\d{2}-\d{2}'/g)!.every((d) => d === `'${SINCE}'`)).toBe(true);
  });

  it('measures coverage from the start of the build and records whether endpoint_usage was read', () => {
    const state = databricksStatements({ schema, source: withUsage }).at(-1)!;
    expect(state).toContain(`(SELECT max(started_at) FROM ${buildTable}) - INTERVAL 2 HOURS`);
    expect(state).toContain('true AS with_endpoint_usage');
    expect(databricksStatements({ schema, source: withoutUsage }).at(-1)).toContain('false AS with_endpoint_usage');
  });

  it.each(['main', 'main.lens.extra', 'main.lens; DROP TABLE x', 'main.`lens`', "main.lens'", ''])('refuses the schema %j', (bad) => {
    expect(() => databricksStatements({ schema: bad, source: withUsage })).toThrow('ROLLUP_SCHEMA is not catalog.schema');
    expect(() => databricksStateSql(bad)).toThrow('ROLLUP_SCHEMA is not catalog.schema');
  });

  it.each(['2026-3-1', '01/03/2026', "2026-03-01' OR '1'='1", '2026-03-01T00:00:00Z', ''])('refuses the date %j', (bad) => {
    expect(() => databricksStatements({ schema, source: withUsage, sinceDate: bad })).toThrow('sinceDate is not YYYY-MM-DD');
  });

  it('refuses an endpoint_usage name that is not catalog.schema.table', () => {
    expect(() => databricksStatements({ schema, source: { payload, endpointUsage: 'usage; DROP TABLE x', servedEntities: 'system.serving.served_entities' } })).toThrow('catalog.schema.table');
  });

  it('reads the state with a statement that parses', () => {
    const sql = databricksStateSql(schema);
    expect(sql).toBe(`SELECT version, built_at, covers_end, fact_rows FROM ${stateTable}`);
    expect(statementErrors(sql)).toEqual([]);
  });
});

describe('rollupVersion', () => {
  afterEach(() => {
    vi.doUnmock('./aggregates');
    vi.resetModules();
  });

  it('is 16 hex characters and stable', () => {
    expect(rollupVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(rollupVersion()).toBe(rollupVersion());
  });

  /** rollupVersion of a fresh copy of build.ts whose aggregates module exports `aggregates`. */
  async function versionWith(change: (aggregates: typeof ROLLUP_AGGREGATES) => typeof ROLLUP_AGGREGATES): Promise<string> {
    vi.resetModules();
    vi.doMock('./aggregates', async (importOriginal) => {
      const original = await importOriginal<typeof import('./aggregates')>();
      return { ...original, ROLLUP_AGGREGATES: change(original.ROLLUP_AGGREGATES) };
    });
    return (await import('./build')).rollupVersion();
  }

  it('changes when an aggregate definition changes, and only then', async () => {
    const current = rollupVersion();
    expect(await versionWith((list) => list)).toBe(current);
    expect(await versionWith((list) => list.slice(0, -1))).not.toBe(current);
    const changed = await versionWith((list) => list.map((a, i) => (i === 0 ? { ...a, select: (from: AggregateInput) => a.select(from).replace('sum(f.weight) AS requests', 'sum(f.weight * 1) AS requests') } : a)));
    expect(changed).toMatch(/^[0-9a-f]{16}$/);
    expect(changed).not.toBe(current);
  });
});
