import fs from 'node:fs';
import path from 'node:path';
import { SparkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { renderSql } from './render';
import type { ResolvedTables } from './tables';

const dir = path.join(process.cwd(), 'queries');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
const spark = new SparkSQL();

const production: ResolvedTables = {
  payload: [{ endpoint: 'chat', table: 'main.ai_gateway.chat_payload' }, { endpoint: 'agent-x', table: 'main.ai_gateway.agent_payload' }],
  endpointUsage: 'system.serving.endpoint_usage',
  servedEntities: 'system.serving.served_entities',
};
const empty: ResolvedTables = { ...production, payload: [] };
// With rollups built (lib/rollups): the facts table for the whole window, or up to a point.
const withFacts: ResolvedTables = { ...production, facts: { mode: 'facts', table: 'main.lens.gateway_lens_request_facts' }, aggregates: { catalog: 'main.lens' } };
const withHybrid: ResolvedTables = { ...production, facts: { mode: 'hybrid', table: 'main.lens.gateway_lens_request_facts', coversEnd: new Date('2026-11-22T10:00:00Z') }, aggregates: { catalog: 'main.lens' } };

describe('the SQL catalogue', () => {
  it('has a definition for every .sql file and a .sql file for every definition', () => {
    expect(files.filter((f) => !f.endsWith('.rollup.sql')).map((f) => f.replace(/\.sql$/, ''))).toEqual(Object.keys(CATALOGUE).sort());
  });

  it('has rollup variants only for definitions that declare rollups', () => {
    const variants = files.filter((f) => f.endsWith('.rollup.sql')).map((f) => f.replace(/\.rollup\.sql$/, ''));
    const declared = Object.keys(CATALOGUE).filter((id) => CATALOGUE[id]!.rollup).sort();
    expect(declared).toEqual(expect.arrayContaining(variants));
    expect(variants.length).toBeGreaterThanOrEqual(5);
    // A query that declares rollups without a variant reads them through its placeholders.
    for (const id of declared.filter((d) => !variants.includes(d))) expect(fs.readFileSync(path.join(dir, `${id}.sql`), 'utf8')).toMatch(/\{\{\s*(priced_requests|payload_keys)\s*\}\}/);
  });

  describe.each(files)('%s', (file) => {
    const template = fs.readFileSync(path.join(dir, file), 'utf8');

    it.each([
      ['all endpoints', production, null],
      ['one endpoint', production, 'chat'],
      ['no tables yet', empty, null],
      ['built rollups', withFacts, null],
      ['rollups up to a point', withHybrid, 'chat'],
    ] as const)('parses under the Spark SQL grammar (%s)', (_label, tables, endpoint) => {
      const errors = spark.validate(renderSql(template, tables, endpoint));
      expect(errors.map((e) => `${e.startLine}:${e.startColumn} ${e.message}`)).toEqual([]);
    });

    it('avoids constructs that differ or fail on one of the two engines', () => {
      const code = template.replace(/--.*$/gm, '').replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
      expect(code).not.toMatch(/`/); // backtick identifiers
      expect(code).not.toMatch(/::/); // Postgres-style casts
      expect(code).not.toMatch(/\bqualify\b/i);
      expect(code).not.toMatch(/\btimestampadd\b/i);
      expect(code).not.toMatch(/\belement_at\b/i);
      expect(code).not.toMatch(/\w:\w/); // the JSON path operator
      expect(code).not.toMatch(/:(from|to|order|group|select|where|limit|end|start|date|time)\b/i);
      expect(code).not.toMatch(/\/\s*(?!nullif|coalesce)[a-z_(]/i); // divisions guard against zero
    });
  });
});
