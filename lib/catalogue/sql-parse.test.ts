import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { rawContext, renderSql, type RenderContext } from './render';
import type { ResolvedTables } from './tables';

const dir = path.join(process.cwd(), 'queries');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

const production: ResolvedTables = {
  payload: [{ endpoint: 'chat', table: 'main.ai_gateway.chat_payload' }, { endpoint: 'agent-x', table: 'main.ai_gateway.agent_payload' }],
  endpointUsage: 'system.serving.endpoint_usage',
  servedEntities: 'system.serving.served_entities',
};
const empty: ResolvedTables = { ...production, payload: [] };
// With rollups built (lib/rollups): the facts table for the whole window, or up to a point.
const withFacts: RenderContext = { ...rawContext(production), requests: { mode: 'facts', table: 'main.lens.gateway_lens_request_facts', textTable: 'main.lens.gateway_lens_request_text' }, aggregates: { catalog: 'main.lens' }, pageKeys: 'facts' };
const withHybrid = (endpoint: string): RenderContext => ({ ...rawContext(production, endpoint), requests: { mode: 'hybrid', table: 'main.lens.gateway_lens_request_facts', textTable: 'main.lens.gateway_lens_request_text', coversEnd: new Date('2026-11-22T10:00:00Z') }, aggregates: { catalog: 'main.lens' } });
const usageUnreadable: RenderContext = rawContext(production, null, 'none');

describe('the SQL catalogue', () => {
  it('has a definition for every .sql file and a .sql file for every definition', () => {
    expect(files.filter((f) => !f.endsWith('.rollup.sql') && !f.endsWith('.facts.sql')).map((f) => f.replace(/\.sql$/, ''))).toEqual(Object.keys(CATALOGUE).sort());
  });

  it('has facts variants exactly for definitions that declare one', () => {
    const variants = files.filter((f) => f.endsWith('.facts.sql')).map((f) => f.replace(/\.facts\.sql$/, '')).sort();
    expect(variants).toEqual(Object.keys(CATALOGUE).filter((id) => CATALOGUE[id]!.factsVariant).sort());
    expect(variants).toContain('inspector-requests');
  });

  it('has rollup variants only for definitions that declare rollups', () => {
    const variants = files.filter((f) => f.endsWith('.rollup.sql')).map((f) => f.replace(/\.rollup\.sql$/, ''));
    const declared = Object.keys(CATALOGUE).filter((id) => CATALOGUE[id]!.rollups).sort();
    expect(declared).toEqual(expect.arrayContaining(variants));
    expect(variants.length).toBeGreaterThanOrEqual(3);
    // A query that declares rollups without a variant reads them through its relations (which
    // compute the same aggregate from requests when no table answers).
    for (const id of declared.filter((d) => !variants.includes(d))) expect(fs.readFileSync(path.join(dir, `${id}.sql`), 'utf8')).toMatch(/\{\{\s*(finance_rows|priced_requests|hourly|minutely|latency_hourly|latency_rows|context_tokens_hourly|token_bins|error_messages_hourly|threads_hourly)\s*\}\}/);
  });

  describe.each(files)('%s', (file) => {
    const template = fs.readFileSync(path.join(dir, file), 'utf8');

    it.each([
      ['all endpoints', rawContext(production)],
      ['one endpoint', rawContext(production, 'chat')],
      ['no tables yet', rawContext(empty)],
      ['built rollups', withFacts],
      ['rollups up to a point', withHybrid('chat')],
      ['endpoint_usage unreadable', usageUnreadable],
    ] as const)('parses under the Spark SQL grammar (%s)', (_label, ctx) => {
      expect(statementErrors(renderSql(template, ctx))).toEqual([]);
    });

  });
});

/** Every SQL file of the catalogue: queries, shared relations, SQL macros and single statements. */
const allFiles = [
  ...files,
  ...['relations', 'macros', 'statements'].flatMap((sub) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.sql')).sort().map((f) => `${sub}/${f}`)),
];

describe('shared relations and statements', () => {
  const relationNames = [...new Set(fs.readdirSync(path.join(dir, 'relations')).map((f) => f.split('.')[0]!))].sort();
  it.each(relationNames)('%s parses under the Spark SQL grammar in every plan that can read it', (name) => {
    const contexts = [rawContext(production), withFacts, withHybrid('chat'), usageUnreadable, { ...rawContext(production), pageKeys: 'facts' as const }];
    let parsedContexts = 0;
    for (const ctx of contexts) {
      let sql: string;
      try {
        sql = renderSql(`SELECT * FROM {{${name}}}`, ctx);
      } catch (e) {
        // A relation over the rollup tables only exists in plans that read them.
        expect(String(e)).toMatch(/plan without (rollup tables|request facts)/);
        continue;
      }
      parsedContexts++;
      expect(statementErrors(sql)).toEqual([]);
    }
    expect(parsedContexts).toBeGreaterThan(0);
  });

  it.each(fs.readdirSync(path.join(dir, 'statements')).filter((f) => f.endsWith('.sql')))('statements/%s parses under the Spark SQL grammar', (file) => {
    const sql = renderSql(fs.readFileSync(path.join(dir, 'statements', file), 'utf8'), rawContext(production, 'chat'));
    expect(statementErrors(sql)).toEqual([]);
  });
});

describe.each(allFiles)('%s', (file) => {
  const template = fs.readFileSync(path.join(dir, file), 'utf8');
  it('avoids constructs that differ or fail on one of the two engines', () => {
      const code = template.replace(/--.*$/gm, '').replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
      expect(code).not.toMatch(/`/); // backtick identifiers
      expect(code).not.toMatch(/::/); // Postgres-style casts
      expect(code).not.toMatch(/\bqualify\b/i);
      expect(code).not.toMatch(/\btimestampadd\b/i);
      expect(code).not.toMatch(/\belement_at\b/i);
      expect(code).not.toMatch(/\w:\w/); // the JSON path operator
      expect(code).not.toMatch(/:(from|to|order|group|select|where|limit|end|start|date|time)\b/i);
      expect(code).not.toMatch(/\/\s*(?!nullif|coalesce|greatest)[a-z_(]/i); // divisions guard against zero (greatest(x, 1) included)
  });
});
