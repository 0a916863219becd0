import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { loadConfig, type AppConfig } from '@/lib/config';
import { filterParams } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resetTableDiscovery, resolveTables } from '@/lib/catalogue/tables';
import { interpretPayload, payloadFacts } from '@/lib/payload';
import { prepareEmbeddedRollups } from '@/lib/rollups/prepare';
import { clearRollupState, setRollupState, type RollupState } from '@/lib/rollups/state';
import { maskText } from '@/lib/security/pii';
import { CORPUS_ENDPOINT, corpusRequestId, writeCorpusDemo } from '@/lib/testing/corpus-demo';
import { readCorpus, type CorpusRow } from '@/lib/testing/payload-corpus';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Row, Warehouse } from '@/lib/warehouse/types';
import { tokenFigures } from './prepare-tokens';
import { questionKey } from './question-key';

/**
 * Every view over the payload corpus reads the one interpretation: the list's previews, tools and
 * trace flags, its filters, top questions, the error views and the token counts finance sums are
 * what lib/payload reads for each row (and what the detail page shows) — on the raw tables and on
 * the built facts and text tables alike.
 */
const END = new Date('2026-03-02T12:00:00Z');
const corpus = readCorpus();
const byId = new Map(corpus.map((r) => [corpusRequestId(r.id), r]));
const masked = (s: string | null) => (s === null ? null : maskText(s));
let dir: string;
let config: AppConfig;
let warehouse: Warehouse;
let built: RollupState;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-interpretation-'));
  const demo = path.join(dir, 'corpus.duckdb');
  await writeCorpusDemo({ path: demo, end: END });
  config = loadConfig({ DEMO_DB: demo });
  config.duckdb.rollupPath = path.join(dir, 'corpus.rollups.duckdb');
  resetTableDiscovery();
  const instance = openDuckdb(config.duckdb);
  warehouse = createDuckdbWarehouse(instance);
  const state = await prepareEmbeddedRollups(await instance, warehouse, config);
  if (!state) throw new Error('rollups did not build');
  built = state;
}, 120_000);
afterAll(async () => {
  clearRollupState();
  await warehouse?.close();
  resetTableDiscovery();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query(id: string, qs: string): Promise<Row[]> {
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(`range=24h&endpoint=${CORPUS_ENDPOINT}&${qs}`), END, config), { warehouse, config });
  return r.rows;
}

const idsOf = (rows: Row[]) => new Set(rows.map((r) => String(r.databricks_request_id)));
const expected = (keep: (r: CorpusRow) => boolean) => new Set(corpus.filter(keep).map((r) => corpusRequestId(r.id)));
const sourceOf = { endpoint_usage: 'usage_table', response: 'response', failed: 'estimate', estimate: 'estimate', unknown: 'unknown' } as const;

describe.each([['raw tables', false], ['built facts and text tables', true]] as const)('views over the payload corpus (%s)', (_label, withRollups) => {
  beforeAll(() => {
    if (withRollups) setRollupState(built);
    else clearRollupState();
  });

  it('the list shows what the interpretation reads: question, answer, tools, trace flag, kind and tokens', async () => {
    const rows = await query('inspector-requests', 'page_size=200');
    expect(idsOf(rows)).toEqual(new Set(byId.keys()));
    for (const row of rows) {
      const r = byId.get(String(row.databricks_request_id))!;
      const facts = payloadFacts(r);
      const tokens = tokenFigures({ status_code: r.status_code }, interpretPayload(r));
      expect({
        last_user_message: row.last_user_message, has_tool_calls: row.has_tool_calls, trace_error: row.trace_error, kind: row.kind,
        input_tokens: row.input_tokens, output_tokens: row.output_tokens, token_source: row.token_source,
      }, r.id).toEqual({
        last_user_message: masked(facts.last_user_text?.slice(0, 300) ?? null), has_tool_calls: facts.has_tool_calls, trace_error: facts.trace_error, kind: facts.kind,
        input_tokens: tokens.input.value, output_tokens: tokens.output.value, token_source: sourceOf[tokens.input.source],
      });
      if (facts.answer_text) expect(row.answer_preview, r.id).toBe(masked(facts.answer_text.slice(0, 300)));
      if (facts.kind === 'guardrail-block') expect(row.answer_preview, r.id).toBe(facts.error_reason);
    }
  });

  it('filters on tool calls and on failed trace spans as the interpretation reads them ("tool_calls": null is no call)', async () => {
    const tools = idsOf(await query('inspector-requests', 'page_size=200&has_tools=yes'));
    expect(tools).toEqual(expected((r) => payloadFacts(r).has_tool_calls));
    expect(tools.has('corpus-chat-tool-calls-null')).toBe(false);
    expect(tools.has('corpus-chat-stream-tool-call-fragments')).toBe(true);
    expect(idsOf(await query('inspector-requests', 'page_size=200&has_tools=no'))).toEqual(expected((r) => !payloadFacts(r).has_tool_calls));
    const failed = idsOf(await query('inspector-requests', 'page_size=200&trace_failed=yes'));
    expect(failed).toEqual(new Set(['corpus-responses-agent-trace-failed-llm-span']));
    expect(idsOf(await query('inspector-requests', 'page_size=200&trace_failed=no')).size).toBe(corpus.length - 1);
  });

  it('searches the text of user and assistant turns, never JSON keys', async () => {
    expect(idsOf(await query('inspector-requests', 'page_size=200&q=Canberra'))).toEqual(new Set(['corpus-chat-gemini-normalised']));
    // A streamed answer is found by its joined text, which no single chunk holds.
    expect(idsOf(await query('inspector-requests', 'page_size=200&q=shipped with DHL'))).toEqual(new Set(['corpus-chat-agent-stream-delta']));
    expect((await query('inspector-requests', 'page_size=200&q=finish_reason')).length).toBe(0);
  });

  it('top questions are the questions requests end with, grouped by their normalised text (questionKey)', async () => {
    const rows = await query('inspector-top-questions', 'min_count=1&top_n=500');
    const want = new Set(corpus.map(payloadFacts).filter((f) => f.asks_question).map((f) => questionKey(f.last_user_text!)).filter((k) => k !== null).map((k) => masked(k)));
    expect(new Set(rows.map((r) => r.question_key))).toEqual(want);
    expect(want.has(masked('what is the capital of australia'))).toBe(true);
  });

  it('the error views name the true reason: the category that is true, the provider\'s own words, an HTML page\'s title, a failed span', async () => {
    const taxonomy = await query('ops-error-taxonomy', '');
    const details = new Set(taxonomy.map((r) => `${r.category}|${r.detail}`));
    for (const d of ['input_guardrail|safety: privacy', 'input_guardrail|personal data (PII)', 'input_guardrail|invalid keywords', 'output_guardrail|personal data (PII)',
      'provider_error|provider: amazon-bedrock', 'server_5xx|HTML error page', 'rate_limited|REQUEST_LIMIT_EXCEEDED', 'trace_error|failed span in the agent trace']) expect(details, d).toContain(d);
    expect([...details].some((d) => d.includes('violent'))).toBe(false);
    const messages = new Set((await query('ops-error-messages', '')).map((r) => String(r.message_pattern)));
    expect(messages).toContain('amazon-bedrock: Input is too long.');
    expect(messages).toContain('<n> Gateway Time-out');
    const overTime = await query('ops-errors-over-time', 'bucket=hour');
    expect(overTime.filter((r) => r.category === 'trace_error').reduce((s, r) => s + Number(r.requests), 0)).toBe(1);
  });
});

describe('finance and the detail page count the same tokens for every request', () => {
  it('request_tokens (what finance sums) equals the detail page\'s token figures, row by row', async () => {
    clearRollupState();
    const tables = await resolveTables(config, warehouse);
    const window = { start: new Date(END.getTime() - 24 * 3_600_000), end: END };
    const { rows } = await warehouse.run(renderSql('SELECT t.databricks_request_id, t.input_tokens, t.output_tokens, t.token_source FROM {{request_tokens}} t', rawContext(tables, CORPUS_ENDPOINT)), filterParams({ endpoint: CORPUS_ENDPOINT }, window));
    expect(rows).toHaveLength(corpus.length);
    for (const row of rows) {
      const r = byId.get(String(row.databricks_request_id))!;
      const t = tokenFigures({ status_code: r.status_code }, interpretPayload(r));
      expect([row.input_tokens, row.output_tokens, row.token_source], r.id).toEqual([t.input.value, t.output.value, sourceOf[t.input.source]]);
    }
    // The final usage of a stream whose chunks repeat it cumulatively, not the first.
    expect(rows.find((r) => r.databricks_request_id === 'corpus-chat-stream-cumulative-usage')!.output_tokens).toBe(1994);
  });
});
