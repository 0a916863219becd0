import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS, type ColumnSpec } from '../table-schemas';
import { COST_SPIKE_END_USER, ENTITIES, PEOPLE, PID } from './catalog';
import { generateDemo, INVALID_JSON_TOTAL, PLANTED } from './generate';

const ROWS = 20_000;
// A Friday evening: every incident falls on a weekday inside the last seven days.
const END = new Date('2025-06-13T18:00:00Z');
const PAYLOADS = ['chat_assistant', 'support_agent', 'doc_embeddings'] as const;
const ALL_PAYLOADS = PAYLOADS.map((e) => `demo.inference.${e}_payload`);
const UNION_PAYLOADS = ALL_PAYLOADS.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL ');

let dir: string;
let instance: DuckDBInstance;
let con: DuckDBConnection;
const progress: string[] = [];

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
async function one(sql: string): Promise<Record<string, unknown>> {
  const r = await rows(sql);
  expect(r.length).toBe(1);
  return r[0]!;
}
const num = (v: unknown) => Number(v);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-gen-'));
  await generateDemo({ path: path.join(dir, 'a.duckdb'), rows: ROWS, seed: 42, end: END, onProgress: (m) => progress.push(m) });
  await generateDemo({ path: path.join(dir, 'b.duckdb'), rows: ROWS, seed: 42, end: END });
  await generateDemo({ path: path.join(dir, 'c.duckdb'), rows: ROWS, seed: 43, end: END });
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  for (const [file, alias] of [['a', 'demo'], ['b', 'same'], ['c', 'other']] as const) {
    await con.run(`ATTACH '${path.join(dir, `${file}.duckdb`)}' AS ${alias} (READ_ONLY)`);
  }
});

afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('file and determinism', () => {
  const tables = [
    ...PAYLOADS.map((e) => `inference.${e}_payload`),
    'serving.endpoint_usage', 'serving.served_entities', 'meta.incidents',
  ];
  const checksum = async (catalog: string, table: string) =>
    String((await one(`SELECT count(*) AS n, md5(string_agg(md5(t::VARCHAR), '' ORDER BY t.rowid)) AS h FROM ${catalog}.${table} t`)).h);

  it('writes no temp file and reports progress', () => {
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(progress.length).toBeGreaterThanOrEqual(6);
  });

  it('same seed gives identical tables, row order included', async () => {
    for (const t of tables) expect(await checksum('same', t), t).toBe(await checksum('demo', t));
    const g = `SELECT seed, rows, days, start_time, end_time, generator_version FROM`;
    expect(await rows(`${g} same.meta.generation`)).toEqual(await rows(`${g} demo.meta.generation`));
  });

  it('another seed gives different data', async () => {
    for (const t of tables.slice(0, 4)) expect(await checksum('other', t), t).not.toBe(await checksum('demo', t));
  });

  it('meta.generation describes the run', async () => {
    const g = await one('SELECT * FROM demo.meta.generation');
    expect(g).toMatchObject({ seed: 42, rows: String(ROWS), days: 30, end_time: '2025-06-13 18:00:00', start_time: '2025-05-14 18:00:00' });
    expect(typeof g.generator_version).toBe('string');
  });
});

describe('schemas match lib/table-schemas.ts', () => {
  const check = async (table: string, specs: ColumnSpec[]) => {
    const [schema, name] = table.split('.');
    const cols = await rows(`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_catalog = 'demo' AND table_schema = '${schema}' AND table_name = '${name}' ORDER BY ordinal_position`);
    // DuckDB quotes struct fields that are keywords (`"name"`); the spec writes them bare.
    expect(cols.map((c) => ({ ...c, data_type: String(c.data_type).replaceAll('"', '') })))
      .toEqual(specs.map((c) => ({ column_name: c.name, data_type: c.duckdb })));
  };
  it('payload tables', async () => {
    for (const e of PAYLOADS) await check(`inference.${e}_payload`, PAYLOAD_COLUMNS);
  });
  it('endpoint_usage and served_entities', async () => {
    await check('serving.endpoint_usage', ENDPOINT_USAGE_COLUMNS);
    await check('serving.served_entities', SERVED_ENTITIES_COLUMNS);
  });
  it('exactly the expected tables', async () => {
    const t = await rows(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_catalog = 'demo' ORDER BY 1`);
    expect(t.map((x) => x.t)).toEqual([
      'inference.chat_assistant_payload', 'inference.doc_embeddings_payload', 'inference.support_agent_payload',
      'meta.generation', 'meta.incidents', 'meta.planted', 'meta.principals', 'serving.endpoint_usage', 'serving.served_entities',
    ]);
  });
});

describe('data features', () => {
  it('request_date is the UTC date of request_time; ids are unique', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE request_date <> CAST(request_time AS DATE)) AS bad, count(*) - count(DISTINCT databricks_request_id) AS dup FROM (${UNION_PAYLOADS})`);
    expect(r).toEqual({ bad: '0', dup: '0' });
    const u = await one('SELECT count(*) - count(DISTINCT databricks_request_id) AS dup FROM demo.serving.endpoint_usage');
    expect(u.dup).toBe('0');
  });

  it('every non-NULL body is JSON except the deliberate handful', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE request IS NOT NULL AND NOT json_valid(request)) + count(*) FILTER (WHERE response IS NOT NULL AND NOT json_valid(response)) AS bad FROM (${UNION_PAYLOADS})`);
    expect(num(r.bad)).toBe(INVALID_JSON_TOTAL);
  });

  it('sampling_fraction is 0.2 on every embeddings row and 1 elsewhere', async () => {
    expect(await rows('SELECT DISTINCT sampling_fraction AS f FROM demo.inference.doc_embeddings_payload')).toEqual([{ f: 0.2 }]);
    expect(await rows('SELECT DISTINCT sampling_fraction AS f FROM demo.inference.chat_assistant_payload')).toEqual([{ f: 1 }]);
    // One in five requests logged: usage rows far outnumber payload rows.
    const r = await one(`SELECT (SELECT count(*) FROM demo.inference.doc_embeddings_payload) AS logged,
      (SELECT count(*) FROM demo.serving.endpoint_usage WHERE served_entity_id = '${ENTITIES.embed.id}') AS used`);
    expect(num(r.logged) / num(r.used)).toBeGreaterThan(0.15);
    expect(num(r.logged) / num(r.used)).toBeLessThan(0.25);
  });

  it('guardrail blocks carry a JSON string in message', async () => {
    const bodies = await rows(`SELECT response FROM demo.inference.chat_assistant_payload WHERE status_code = 400 AND response LIKE '%guardrail%'`);
    expect(bodies.length).toBeGreaterThan(20);
    const kinds = new Set<string>();
    for (const { response } of bodies) {
      const outer = JSON.parse(String(response)) as { error_code: string; message: string };
      expect(outer.error_code).toBe('BAD_REQUEST');
      const inner = JSON.parse(outer.message) as Record<string, unknown>;
      const entries = (inner.input_guardrail ?? inner.output_guardrail) as Record<string, unknown>[];
      expect(entries[0]!.flagged).toBe(true);
      expect(['input_guardrail_triggered', 'output_guardrail_triggered']).toContain(inner.finishReason);
      if (entries[0]!.pii_detection) {
        kinds.add('pii');
        expect(JSON.stringify(entries[0]!.anonymized_input)).toMatch(/<(EMAIL_ADDRESS|CREDIT_CARD|PHONE_NUMBER)>/);
      }
      if (entries[0]!.invalid_keywords) kinds.add('keywords');
      if (entries[0]!.categories) kinds.add(inner.output_guardrail ? 'output' : 'safety');
    }
    expect([...kinds].sort()).toEqual(['keywords', 'output', 'pii', 'safety']);
    const kw = await one(`SELECT count(*) AS n FROM demo.inference.chat_assistant_payload WHERE status_code = 400 AND response LIKE '%invalid_keywords%' AND request LIKE '%Project Nightingale%'`);
    expect(num(kw.n)).toBeGreaterThan(0);
  });

  it('429s, provider 5xx bodies and unlogged 401/403', async () => {
    const r429 = await one(`SELECT count(*) AS n FROM demo.inference.chat_assistant_payload WHERE status_code = 429 AND json_extract_string(response, '$.error_code') = 'REQUEST_LIMIT_EXCEEDED'`);
    expect(num(r429.n)).toBeGreaterThan(10);
    const prov = await rows(`SELECT response FROM demo.inference.chat_assistant_payload WHERE status_code IN (502, 503) AND json_valid(response)`);
    const providers = new Set(prov.map((p) => {
      const inner = JSON.parse(String((JSON.parse(String(p.response)) as { message: string }).message)) as Record<string, unknown>;
      expect(inner.external_model_error).toBeTruthy();
      return inner.external_model_provider as string;
    }));
    expect(providers.has('openai')).toBe(true);
    const auth = await one(`SELECT (SELECT count(*) FROM demo.serving.endpoint_usage WHERE status_code IN (401, 403)) AS in_usage,
      (SELECT count(*) FROM (${UNION_PAYLOADS}) WHERE status_code IN (401, 403)) AS in_payload`);
    expect(num(auth.in_usage)).toBeGreaterThan(10);
    expect(num(auth.in_payload)).toBe(0);
  });

  it('usage rows without payload rows and payload rows without usage rows', async () => {
    const r = await one(`SELECT
      (SELECT count(*) FROM demo.serving.endpoint_usage u WHERE NOT EXISTS (SELECT 1 FROM (${UNION_PAYLOADS}) p WHERE p.databricks_request_id = u.databricks_request_id)) AS usage_only,
      (SELECT count(*) FROM (${UNION_PAYLOADS}) p WHERE NOT EXISTS (SELECT 1 FROM demo.serving.endpoint_usage u WHERE p.databricks_request_id = u.databricks_request_id)) AS payload_only`);
    expect(num(r.usage_only)).toBeGreaterThan(100);
    expect(num(r.payload_only)).toBeGreaterThan(20);
  });

  it('oversize payloads are NULL with a logging error code', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE request IS NULL AND list_contains(logging_error_codes, 'MAX_REQUEST_SIZE_EXCEEDED')) AS big_req,
      count(*) FILTER (WHERE response IS NULL AND list_contains(logging_error_codes, 'MAX_RESPONSE_SIZE_EXCEEDED')) AS big_resp,
      count(*) FILTER (WHERE request IS NULL AND len(logging_error_codes) = 0) AS unexplained
      FROM (${UNION_PAYLOADS})`);
    expect(num(r.big_req)).toBeGreaterThan(0);
    expect(num(r.big_resp)).toBeGreaterThan(0);
    expect(num(r.unexplained)).toBe(0);
    const u = await one(`SELECT min(u.input_character_count) AS c FROM demo.serving.endpoint_usage u JOIN demo.inference.chat_assistant_payload p USING (databricks_request_id) WHERE p.request IS NULL`);
    expect(num(u.c)).toBeGreaterThan(10_000_000);
  });

  it('served_entities has history: several rows per id, latest row per id is unique', async () => {
    const r = await rows(`SELECT served_entity_id, count(*) AS n, count(DISTINCT endpoint_config_version) AS v FROM demo.serving.served_entities GROUP BY 1`);
    expect(r.length).toBe(Object.keys(ENTITIES).length);
    for (const x of r) {
      expect(num(x.n)).toBeGreaterThanOrEqual(2);
    }
    const payloadIds = await rows(`SELECT DISTINCT served_entity_id AS id FROM (${UNION_PAYLOADS}) WHERE served_entity_id NOT IN (SELECT served_entity_id FROM demo.serving.served_entities)`);
    expect(payloadIds).toEqual([]);
    const split = await rows(`SELECT (request_time < (SELECT max(change_time) FROM demo.serving.served_entities WHERE endpoint_name = 'chat_assistant')) AS before,
      avg((served_entity_id = '${ENTITIES.gpt.id}')::INT) AS gpt FROM demo.inference.chat_assistant_payload GROUP BY 1 ORDER BY 1`);
    expect(num(split[1]!.gpt)).toBeGreaterThan(0.6); // before the change: 70 %
    expect(num(split[0]!.gpt)).toBeLessThan(0.55); // after: 48.5 %
  });

  it('chat tokens agree between responses and endpoint_usage', async () => {
    const r = await one(`SELECT count(*) AS n,
      count(*) FILTER (WHERE u.input_token_count <> CAST(json_extract(p.response, '$.usage.prompt_tokens') AS BIGINT)
                        OR u.output_token_count <> CAST(json_extract(p.response, '$.usage.completion_tokens') AS BIGINT)) AS bad
      FROM demo.inference.chat_assistant_payload p JOIN demo.serving.endpoint_usage u USING (databricks_request_id)
      WHERE p.status_code = 200 AND json_valid(p.response) AND p.response LIKE '{%'`);
    expect(num(r.n)).toBeGreaterThan(1000);
    expect(r.bad).toBe('0');
  });

  it('usage_context keys, conversations with growing histories, requesters', async () => {
    const keys = await one(`SELECT list_sort(map_keys(usage_context)) AS k FROM demo.serving.endpoint_usage WHERE usage_context['conversation_id'] IS NOT NULL LIMIT 1`);
    expect(keys.k).toEqual(['a_b_test_group', 'conversation_id', 'end_user_to_charge', 'project', 'use_case']);
    const conv = await one(`SELECT max(n) AS longest, count(*) FILTER (WHERE n > 1) AS multi FROM (
      SELECT usage_context['conversation_id'] AS c, count(*) AS n FROM demo.serving.endpoint_usage WHERE usage_context['conversation_id'] IS NOT NULL GROUP BY 1)`);
    expect(num(conv.longest)).toBeGreaterThanOrEqual(5);
    expect(num(conv.multi)).toBeGreaterThan(100);
    const growing = await one(`SELECT corr(turn, msgs) AS c FROM (
      SELECT row_number() OVER (PARTITION BY u.usage_context['conversation_id'] ORDER BY p.request_time) AS turn, json_array_length(p.request, '$.messages') AS msgs
      FROM demo.inference.chat_assistant_payload p JOIN demo.serving.endpoint_usage u USING (databricks_request_id)
      WHERE u.usage_context['conversation_id'] IS NOT NULL AND json_valid(p.request))`);
    expect(num(growing.c)).toBeGreaterThan(0.5);
    const who = await rows(`SELECT DISTINCT requester FROM demo.serving.endpoint_usage`);
    const names = who.map((w) => String(w.requester));
    expect(names.filter((n) => n.includes('@')).length).toBeGreaterThanOrEqual(5);
    expect(names.filter((n) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(n)).length).toBeGreaterThanOrEqual(4);
  });

  it('tool calls, streaming and chunk arrays, agent formats', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE request LIKE '%"tools":%') AS with_tools,
      count(*) FILTER (WHERE response LIKE '%"tool_calls":[%' AND response LIKE '%"finish_reason":"tool_calls"%') AS tool_calls,
      count(*) FILTER (WHERE request LIKE '%"role":"tool"%') AS tool_results,
      count(*) FILTER (WHERE request LIKE '%"stream":true%') AS streamed,
      count(*) FILTER (WHERE CASE WHEN json_valid(response) THEN json_type(response) END = 'ARRAY' AND response LIKE '%chat.completion.chunk%') AS chunk_arrays
      FROM demo.inference.chat_assistant_payload`);
    for (const k of Object.keys(r)) expect(num(r[k]), k).toBeGreaterThan(5);
    const a = await one(`SELECT
      count(*) FILTER (WHERE request LIKE '{"input":[%' AND response LIKE '{"object":"response",%') AS responses_agent,
      count(*) FILTER (WHERE request LIKE '{"messages":[%' AND response LIKE '{"messages":[%') AS chat_agent,
      count(*) FILTER (WHERE response LIKE '%"type":"function_call"%') AS function_calls
      FROM demo.inference.support_agent_payload`);
    for (const k of Object.keys(a)) expect(num(a[k]), k).toBeGreaterThan(20);
    const e = await one(`SELECT max(json_array_length(response, '$.data[0].embedding')) AS dim, max(json_array_length(response, '$.data')) AS batch
      FROM demo.inference.doc_embeddings_payload WHERE status_code = 200 AND response IS NOT NULL`);
    expect(num(e.dim)).toBe(16);
    expect(num(e.batch)).toBeGreaterThan(4);
  });

  it('Japanese text, fake PII and hostile markup are present as data', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE regexp_matches(request, '[ぁ-んァ-ン一-龯]')) AS ja,
      count(*) FILTER (WHERE request LIKE '%4111%1111%') AS card,
      count(*) FILTER (WHERE request LIKE '%<script>alert(1)</script>%') AS script,
      count(*) FILTER (WHERE request LIKE '%onerror=alert(1)%') AS img,
      count(*) FILTER (WHERE request LIKE '%javascript:alert(1)%') AS link
      FROM (${UNION_PAYLOADS})`);
    expect(num(r.ja)).toBeGreaterThan(500);
    expect(num(r.card)).toBeGreaterThan(0);
    expect(num(r.script) + num(r.img) + num(r.link)).toBeGreaterThan(5);
  });

  it('errors stay rare outside incidents', async () => {
    const r = await one(`SELECT avg((status_code >= 400)::INT) AS e FROM demo.serving.endpoint_usage
      WHERE request_time < (SELECT min(start_time) FROM demo.meta.incidents)`);
    expect(num(r.e)).toBeGreaterThan(0.005);
    expect(num(r.e)).toBeLessThan(0.03);
  });

  it('daily and weekly rhythm', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE hour(request_time) BETWEEN 13 AND 16 AND isodow(request_time) < 6) / 4.0 / 22 AS busy,
      count(*) FILTER (WHERE hour(request_time) BETWEEN 5 AND 7 AND isodow(request_time) < 6) / 3.0 / 22 AS quiet,
      count(*) FILTER (WHERE isodow(request_time) >= 6) / 8.0 AS weekend_day,
      count(*) FILTER (WHERE isodow(request_time) < 6) / 22.0 AS weekday
      FROM demo.inference.chat_assistant_payload`);
    expect(num(r.busy)).toBeGreaterThan(3 * num(r.quiet));
    expect(num(r.weekday)).toBeGreaterThan(2 * num(r.weekend_day));
  });
});

describe('principals', () => {
  it('names every service principal that sends requests, by its application id', async () => {
    const names = await rows(`SELECT requester, display_name FROM demo.meta.principals ORDER BY display_name`);
    expect(names.map((r) => r.display_name)).toEqual(['acme-report-builder', 'chat-frontend', 'doc-indexer', 'search-api', 'support-portal', 'ticket-enricher']);
    const unnamed = await one(`SELECT count(DISTINCT requester) AS n FROM demo.serving.endpoint_usage
      WHERE regexp_matches(requester, '^[0-9a-f]{8}-') AND requester NOT IN (SELECT requester FROM demo.meta.principals)`);
    expect(num(unnamed.n)).toBe(0);
  });
});

describe('planted requests', () => {
  it('lists each planted request once, and each is what its name says', async () => {
    const planted = await rows(`SELECT m.name, p.status_code, p.request, p.response, p.logging_error_codes
      FROM demo.meta.planted m JOIN demo.inference.chat_assistant_payload p USING (databricks_request_id) ORDER BY m.name`);
    expect(planted.map((r) => r.name)).toEqual(PLANTED.map((x) => x.name).sort());
    const by = Object.fromEntries(planted.map((r) => [r.name as string, r]));
    expect(by.card_number!.request).toContain('4111 1111 1111 1111');
    expect(by.card_number!.status_code).toBe(400);
    const lastMessage = (r: Record<string, unknown>) => JSON.stringify(JSON.parse(String(r.request)).messages.at(-1).content);
    expect(lastMessage(by.hostile_script!)).toContain('<script>alert(1)</script>');
    expect(lastMessage(by.hostile_img!)).toContain('onerror=alert(1)');
    expect(by.keyword_block!.response).toContain('invalid_keywords');
    expect(by.oversize_request!.request).toBeNull();
    expect(by.tool_call!.response).toContain('"tool_calls":[');
  });

  it('plants the card number at every end hour, so finding it never depends on the time of day', async () => {
    for (const hour of ['00', '06', '12', '18']) {
      const file = path.join(dir, `hour-${hour}.duckdb`);
      await generateDemo({ path: file, rows: 2_000, seed: 5, end: new Date(`2026-11-22T${hour}:17:00Z`) });
      const inst = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
      const c = await inst.connect();
      try {
        const found = (await c.runAndReadAll(`SELECT p.request FROM meta.planted m JOIN inference.chat_assistant_payload p USING (databricks_request_id) WHERE m.name = 'card_number'`)).getRowObjectsJson();
        expect(found, `end ${hour}:17`).toHaveLength(1);
        expect(String(found[0]!.request)).toContain('4111 1111 1111 1111');
      } finally {
        c.closeSync();
        inst.closeSync();
      }
    }
  });
});

describe('planted incidents', () => {
  const incident = async (name: string) => one(`SELECT * FROM demo.meta.incidents WHERE name = '${name}'`);

  it('lists four incidents inside the last seven days', async () => {
    const r = await rows(`SELECT name FROM demo.meta.incidents WHERE start_time >= TIMESTAMP '2025-06-06 18:00:00' - INTERVAL 1 DAY AND end_time <= TIMESTAMP '2025-06-13 18:00:00' ORDER BY 1`);
    expect(r.map((x) => x.name)).toEqual(['cost_spike', 'latency_spike', 'provider_5xx_burst', 'rate_limit_storm']);
  });

  it('latency spike: p95 of the slower model ×4 in its window', async () => {
    const i = await incident('latency_spike');
    expect(i.served_entity_id).toBe(ENTITIES.claude.id);
    const r = await one(`SELECT
      quantile_cont(execution_duration_ms, 0.95) FILTER (WHERE request_time >= TIMESTAMP '${i.start_time}' AND request_time < TIMESTAMP '${i.end_time}') AS inside,
      quantile_cont(execution_duration_ms, 0.95) FILTER (WHERE request_time < TIMESTAMP '${i.start_time}' AND request_time >= TIMESTAMP '${i.start_time}' - INTERVAL 3 DAY) AS before
      FROM demo.inference.chat_assistant_payload WHERE status_code = 200 AND served_entity_id = '${ENTITIES.claude.id}'`);
    expect(num(r.inside)).toBeGreaterThan(2.5 * num(r.before));
  });

  it('5xx burst: ~40% of chat_assistant requests fail in its window', async () => {
    const i = await incident('provider_5xx_burst');
    const r = await one(`SELECT
      avg((status_code >= 500)::INT) FILTER (WHERE request_time >= TIMESTAMP '${i.start_time}' AND request_time < TIMESTAMP '${i.end_time}') AS inside,
      avg((status_code >= 500)::INT) FILTER (WHERE request_time < TIMESTAMP '${i.start_time}') AS before
      FROM demo.inference.chat_assistant_payload`);
    expect(num(r.inside)).toBeGreaterThan(0.25);
    expect(num(r.before)).toBeLessThan(0.02);
  });

  it('rate-limit storm: a flood of 429s in endpoint_usage, most missing from the payload table', async () => {
    const i = await incident('rate_limit_storm');
    const sp = PEOPLE[PID.storm]!.requester;
    expect(String(i.description)).toContain(sp);
    const win = `request_time >= TIMESTAMP '${i.start_time}' AND request_time < TIMESTAMP '${i.end_time}' AND requester = '${sp}' AND status_code = 429`;
    const r = await one(`SELECT (SELECT count(*) FROM demo.serving.endpoint_usage WHERE ${win}) AS usage,
      (SELECT count(*) FROM demo.inference.chat_assistant_payload WHERE ${win}) AS payload,
      (SELECT count(*) FROM demo.serving.endpoint_usage WHERE status_code = 429 AND request_time < TIMESTAMP '${i.start_time}') AS before`);
    expect(num(r.usage)).toBeGreaterThan(50);
    expect(num(r.payload)).toBeLessThan(num(r.usage) / 2);
    expect(num(r.usage)).toBeGreaterThan(num(r.before) / 2);
  });

  it('cost spike: one end user with ~20× its normal daily tokens', async () => {
    const i = await incident('cost_spike');
    expect(String(i.description)).toContain(COST_SPIKE_END_USER);
    const days = await rows(`SELECT CAST(request_time AS DATE) AS d, sum(input_token_count + output_token_count) AS tok
      FROM demo.serving.endpoint_usage WHERE usage_context['end_user_to_charge'] = '${COST_SPIKE_END_USER}' AND isodow(request_time) < 6
      GROUP BY 1 ORDER BY 1`);
    const spikeDay = String(i.start_time).slice(0, 10);
    const spike = num(days.find((d) => d.d === spikeDay)?.tok);
    const others = days.filter((d) => d.d !== spikeDay).map((d) => num(d.tok)).sort((a, b) => a - b);
    const median = others[Math.floor(others.length / 2)]!;
    expect(spike).toBeGreaterThan(10 * median);
  });
});

describe('CLI', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  // As package.json runs it: server modules load with the react-server condition ('server-only').
  const script = path.resolve('scripts/generate-demo.ts');
  it('rejects bad flags with exit code 2', () => {
    const r = spawnSync(tsx, ['--conditions=react-server', script, '--rows', 'lots'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rows expects a whole number/);
    const u = spawnSync(tsx, ['--conditions=react-server', script, '--bogus'], { encoding: 'utf8' });
    expect(u.status).toBe(2);
  });
  it('--if-missing leaves an existing file alone', () => {
    const file = path.join(dir, 'a.duckdb');
    const before = fs.statSync(file).mtimeMs;
    const r = spawnSync(tsx, ['--conditions=react-server', script, '--out', file, '--if-missing'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/nothing to do/);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });
});
