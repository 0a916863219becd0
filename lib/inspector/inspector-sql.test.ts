import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { CATALOGUE } from '@/queries';
import { loadConfig, type AppConfig } from '@/lib/config';
import { filterParams } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { InvalidParams, parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resetTableDiscovery, resolveTables, type ResolvedTables } from '@/lib/catalogue/tables';
import { interpretPayload } from '@/lib/payload';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';
import { DETAIL_SQL, EXPORT_BODIES_SQL, PAYLOAD_SQL } from './detail-sql';
import { questionTrend } from './question-key';
import { parseLookup } from './server';

let demo: DemoFixture;
let lake: { config: AppConfig; warehouse: Warehouse };
const MIB = 1024 * 1024;
const bigAnswer = `${'All work and no play. '.repeat(Math.ceil(MIB / 22))}`.slice(0, MIB);

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 8_000, seed: 5 });
  // A copy of the demo as Parquet plus three crafted rows: a 1 MiB answer, hostile text, personal data.
  const dir = path.join(demo.dir, 'lake');
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`ATTACH '${demo.demoPath}' AS demo (READ_ONLY)`);
  const crafted = (id: string, minutesAgo: number, request: string, response: string) => `SELECT CAST(ts AS DATE), '${id}', NULL, ts, 200, 1.0, 1234, ${sq(request)}, ${sq(response)}, '15f7781221323ee7da8375bf972599b4', []::VARCHAR[], 'tester@example.com'
    FROM (SELECT TIMESTAMP '${demo.end.toISOString().replace('T', ' ').replace('Z', '')}' - INTERVAL ${minutesAgo} MINUTE AS ts)`;
  const chat = (text: string) => JSON.stringify({ messages: [{ role: 'user', content: text }] });
  const answer = (text: string) => JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
  const folders: Record<string, string> = {
    chat_assistant_payload: `SELECT * FROM demo.inference.chat_assistant_payload UNION ALL ${crafted('big-1', 5, chat('Write me a very long story'), answer(bigAnswer))}
      UNION ALL ${crafted('xss-1', 6, chat('<img src=x onerror=alert(1)> and [x](javascript:alert(1))'), answer('<script>alert(1)</script>'))}
      UNION ALL ${crafted('pii-1', 7, chat('Mail jane.doe@example.org or call +1 415-555-0134'), answer('Noted.'))}
      UNION ALL ${crafted('snip-1', 8, chat(`${'Some words before the question. '.repeat(6)}Mail me at jane.doe@example.org about my Quokkaphone refund please. ${'And a long tail after it. '.repeat(8)}`), answer('The Quokkaphone refund is on its way.'))}
      UNION ALL ${crafted('trend-1', 50, chat('Can I return my Quokkaphone?'), answer('Yes.'))}
      UNION ALL ${crafted('trend-2', 14, chat('can i return my quokkaphone'), answer('Yes.'))}
      UNION ALL ${crafted('trend-3', 12, chat('CAN I RETURN MY QUOKKAPHONE ?!'), answer('Yes.'))}
      UNION ALL ${crafted('trend-4', 10, chat('Can I return  my Quokkaphone.'), answer('Yes.'))}`,
    endpoint_usage: 'SELECT * FROM demo.serving.endpoint_usage',
    served_entities: 'SELECT * FROM demo.serving.served_entities',
  };
  for (const [folder, sql] of Object.entries(folders)) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    await c.run(`COPY (${sql}) TO '${path.join(dir, folder, 'part-0.parquet')}' (FORMAT parquet)`);
  }
  c.closeSync();
  instance.closeSync();
  const config = loadConfig({ DATA_DIR: dir });
  resetTableDiscovery();
  lake = { config, warehouse: createDuckdbWarehouse(openDuckdb(config.duckdb)) };
});
afterAll(async () => {
  await lake?.warehouse.close();
  resetTableDiscovery();
  await demo?.close();
});

function sq(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const list = (qs: string) => {
  const def = CATALOGUE['inspector-requests']!;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
};

async function runDetail(template: string, id: string, extra: Record<string, string> = {}) {
  const tables = await resolveTables(lake.config, lake.warehouse);
  const lookup = parseLookup(id, new URLSearchParams('endpoint=chat_assistant'), lake.config, demo.end);
  return lake.warehouse.run(renderSql(template, rawContext(tables, lookup.endpoint)), { ...filterParams({ endpoint: 'chat_assistant' }, lookup.window), request_id: id, ...extra });
}

describe('detail SQL', () => {
  const production: ResolvedTables = { payload: [{ endpoint: 'chat', table: 'main.ai_gateway.chat_payload' }], endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' };
  it.each([['detail', DETAIL_SQL], ['payload', PAYLOAD_SQL], ['export bodies', EXPORT_BODIES_SQL]])('%s parses under the Spark SQL grammar', (_name, sql) => {
    expect(statementErrors(renderSql(sql, rawContext(production)))).toEqual([]);
  });

  it('finds a request by id with its thread, and the thread query lists it', async () => {
    // The demo's planted tool-call answer: a chat turn of a conversation with a conversation_id.
    const planted = await demo.warehouse.run(`SELECT databricks_request_id FROM demo.meta.planted WHERE name = 'tool_call'`, {});
    const target = planted.rows[0]!;
    const { rows } = await runDetail(DETAIL_SQL, String(target.databricks_request_id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ databricks_request_id: target.databricks_request_id, thread_source: 'conversation_id' });
    expect(String(rows[0]!.thread_id)).toMatch(/^[0-9a-f]{32}$/);
    const def = CATALOGUE['inspector-thread']!;
    const thread = await runQuery(def, parseQueryInput(def, new URLSearchParams(`range=30d&endpoint=chat_assistant&thread=${rows[0]!.thread_id}`), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
    expect(thread.rows.map((r) => r.databricks_request_id)).toContain(target.databricks_request_id);
    expect(new Set(thread.rows.map((r) => r.thread_id))).toEqual(new Set([rows[0]!.thread_id]));
    // The conversations list counts the same turns for that thread, with its first and last time.
    const convDef = CATALOGUE['inspector-conversations']!;
    const [first, last] = [Date.parse(String(thread.rows[0]!.request_time)), Date.parse(String(thread.rows.at(-1)!.request_time))];
    const span = `from=${new Date(first - 60_000).toISOString()}&to=${new Date(last + 60_000).toISOString()}`;
    const conv = await runQuery(convDef, parseQueryInput(convDef, new URLSearchParams(`${span}&endpoint=chat_assistant&top_n=500`), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
    const mine = conv.rows.find((r) => r.thread_id === rows[0]!.thread_id)!;
    expect(mine).toMatchObject({ turns: thread.rows.length, thread_source: 'conversation_id', first_seen: thread.rows[0]!.request_time, last_seen: thread.rows.at(-1)!.request_time });
    const dearest = await runQuery(convDef, parseQueryInput(convDef, new URLSearchParams('range=30d&endpoint=chat_assistant&sort=cost&top_n=20&min_turns=2'), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
    const costs = dearest.rows.map((r) => (r.cost as number | null) ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(costs[0]).toBeGreaterThan(0);
    expect(dearest.rows.every((r) => (r.turns as number) >= 2)).toBe(true);
  });

  it('most recent first groups and prices only the shown conversations, to the same rows as a sort that reads them all', async () => {
    const convDef = CATALOGUE['inspector-conversations']!;
    const run = async (qs: string) => (await runQuery(convDef, parseQueryInput(convDef, new URLSearchParams(qs), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config })).rows;
    const recent = await run('range=7d&endpoint=chat_assistant&top_n=40');
    const all = await run('range=7d&endpoint=chat_assistant&sort=tokens&top_n=500');
    expect(recent).toHaveLength(40);
    // More conversations than the recent page shows, so the recent page priced a part of them.
    expect(all.length).toBeGreaterThan(recent.length);
    const byId = new Map(all.map((r) => [r.thread_id, r]));
    const priced = recent.filter((r) => (r.cost as number | null) !== null);
    expect(priced.length).toBeGreaterThan(10);
    for (const r of recent) {
      const full = byId.get(r.thread_id);
      if (!full) continue; // beyond the 500 most tokens
      expect(r).toEqual(full);
    }
    expect(recent.filter((r) => byId.has(r.thread_id)).length).toBeGreaterThan(10);
  });

  it('most tokens or dearest first, chosen from the hourly conversation groups, are the conversations their turns rank first', async () => {
    const convDef = CATALOGUE['inspector-conversations']!;
    const run = async (qs: string) => (await runQuery(convDef, parseQueryInput(convDef, new URLSearchParams(qs), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config })).rows;
    // Every conversation of the window (fewer than the 500 a page may hold), each summed turn by turn.
    const every = await run('range=7d&endpoint=chat_assistant&min_turns=2&top_n=500');
    expect(every.length).toBeGreaterThan(40);
    expect(every.length).toBeLessThan(500);
    const keys: Record<string, (r: (typeof every)[number]) => number> = {
      tokens: (r) => r.tokens as number,
      cost: (r) => (r.cost === null ? -1 : Math.round((r.cost as number) * 1e9)),
    };
    for (const [sort, key] of Object.entries(keys)) {
      const ranked = [...every].sort((a, b) => key(b) - key(a) || Date.parse(String(b.last_seen)) - Date.parse(String(a.last_seen)) || (String(a.thread_id) < String(b.thread_id) ? -1 : 1));
      const top = await run(`range=7d&endpoint=chat_assistant&min_turns=2&sort=${sort}&top_n=15`);
      expect(top.map((r) => r.thread_id), sort).toEqual(ranked.slice(0, 15).map((r) => r.thread_id));
      expect(top, sort).toEqual(ranked.slice(0, 15));
      // Not the most recent ones: the choice really is by size.
      expect(top.map((r) => r.thread_id), sort).not.toEqual(every.slice(0, 15).map((r) => r.thread_id));
    }
  });

  it('returns nothing for an unknown id and refuses a malformed one', async () => {
    expect((await runDetail(DETAIL_SQL, 'no-such-request')).rows).toEqual([]);
    expect(() => parseLookup("x' OR '1'='1", new URLSearchParams(), lake.config)).toThrow(InvalidParams);
  });
});

describe('large and hostile payloads', () => {
  it('the list carries short previews of a 1 MiB answer, never the body', async () => {
    const page = await list('range=1h&endpoint=chat_assistant&q=very long story');
    const row = page.rows.find((r) => r.databricks_request_id === 'big-1')!;
    expect(row.response_chars).toBeGreaterThan(MIB);
    expect(String(row.answer_preview).length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(page.rows).length).toBeLessThan(20_000);
  });

  it('the payload query returns the whole 1 MiB body and the interpretation reads it', async () => {
    const { rows } = await runDetail(PAYLOAD_SQL, 'big-1');
    const m = interpretPayload({ request: rows[0]!.request as string, response: rows[0]!.response as string });
    expect(m.answers[0]!.text).toHaveLength(MIB);
  });

  it('hostile text comes back verbatim as data, and personal data is masked in previews', async () => {
    const page = await list('range=1h&endpoint=chat_assistant&page_size=10');
    const byId = new Map(page.rows.map((r) => [r.databricks_request_id, r]));
    expect(byId.get('xss-1')).toMatchObject({ last_user_message: '<img src=x onerror=alert(1)> and [x](javascript:alert(1))', answer_preview: '<script>alert(1)</script>' });
    expect(byId.get('pii-1')!.last_user_message).toBe('Mail [email] or call [phone]');
  });
});

describe('keyword matches', () => {
  const count = async (qs: string) => {
    const def = CATALOGUE['inspector-match-count']!;
    const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
    return r.rows[0]!.matches as number;
  };

  it('gives each row a masked snippet around the first match, cut with ellipses', async () => {
    const page = await list('range=1h&endpoint=chat_assistant&q=quokkaphone%20refund');
    expect(page.rows.map((r) => r.databricks_request_id)).toEqual(['snip-1']);
    const snippet = String(page.rows[0]!.match_snippet);
    // 80 characters before the match, the match as written, 120 after; the address inside is masked.
    expect(snippet).toMatch(/^…/);
    expect(snippet).toMatch(/…$/);
    expect(snippet).toContain('[email] about my Quokkaphone refund please.');
    expect(snippet).not.toContain('jane.doe');
    expect(snippet.length).toBeLessThanOrEqual(1 + 80 + 'quokkaphone refund'.length + 120 + 1);
    // Without a keyword there is no snippet.
    const plain = await list('range=1h&endpoint=chat_assistant&page_size=20');
    expect(plain.rows.find((r) => r.databricks_request_id === 'snip-1')!.match_snippet).toBeNull();
  });

  it('counts the requests the keyword matches over the whole window, as the list pages them', async () => {
    expect(await count('range=1h&endpoint=chat_assistant&q=quokkaphone%20refund')).toBe(1);
    expect(await count('range=1h&endpoint=chat_assistant&q=quokkaphone')).toBe(5);
    expect(await count('range=1h&endpoint=chat_assistant&q=no-such-word-anywhere')).toBe(0);
    const all = await list('range=7d&q=refund&page_size=200');
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.length).toBeLessThan(200);
    expect(await count('range=7d&q=refund')).toBe(all.rows.length);
    expect(all.rows.every((r) => String(r.match_snippet).toLowerCase().includes('refund'))).toBe(true);
    // The list's other filters narrow the count the same way.
    const tools = await list('range=7d&q=refund&has_tools=yes&page_size=200');
    expect(await count('range=7d&q=refund&has_tools=yes')).toBe(tools.rows.length);
  });
});

describe('top questions', () => {
  it('groups the forms of one question by its normalised text, with counts per half of the window and a rising trend', async () => {
    const def = CATALOGUE['inspector-top-questions']!;
    const r = await runQuery(def, parseQueryInput(def, new URLSearchParams('range=1h&endpoint=chat_assistant&min_count=1&top_n=500'), demo.end, lake.config), { warehouse: lake.warehouse, config: lake.config });
    const row = r.rows.find((x) => x.question_key === 'can i return my quokkaphone')!;
    // One planted 50 minutes before the end, three in the last quarter hour.
    expect(row).toMatchObject({ requests: 4, sampled_rows: 4, earlier: 1, later: 3, example: 'Can I return my Quokkaphone.', latest_request_id: 'trend-4' });
    expect(questionTrend(row.earlier as number, row.later as number)).toBe('rising');
    expect(r.rows.filter((x) => String(x.question_key).includes('quokkaphone?'))).toEqual([]);
  });
});

describe('list parameters', () => {
  it('matches the keyword as a bound, literal substring: quotes and wildcards are text', async () => {
    const r = await list(`range=30d&q=${encodeURIComponent("100%' OR 1=1 --")}`);
    expect(r.params.q_text).toBe("100%' or 1=1 --");
    expect(r.sql).not.toContain('1=1');
    expect(r.rows).toEqual([]);
    // LIKE's wildcards are plain characters: read as wildcards these would match "refund".
    for (const wild of ['r_fund', 're%nd']) expect((await list(`range=30d&q=${encodeURIComponent(wild)}`)).rows, wild).toEqual([]);
    expect((await list('range=30d&q=refund')).rows.length).toBeGreaterThan(0);
    // The same search path finds a keyword the data has, so the empty answer above is the escape's doing.
    expect((await list('range=30d&q=Nightingale')).rows.length).toBeGreaterThan(0);
  });

  it('refuses JSON paths SQL cannot evaluate the same way on both engines', () => {
    const def = CATALOGUE['inspector-requests']!;
    for (const bad of ['request:$.a[*]', "request:$['x\\'); DROP TABLE t; --']", 'headers:$.a', 'request:messages']) {
      expect(() => parseQueryInput(def, new URLSearchParams(`range=1h&x1=${encodeURIComponent(bad)}`), demo.end, lake.config), bad).toThrow(InvalidParams);
    }
  });

  it('evaluates extraction columns, including the last element, as bound parameters', async () => {
    const r = await list(`range=1h&endpoint=chat_assistant&page_size=10&x1=${encodeURIComponent('request:$.messages[last].content')}&x2=${encodeURIComponent('response:$.choices[0].finish_reason')}&x3=${encodeURIComponent('request:$.messages[-9].content')}`);
    const pii = r.rows.find((x) => x.databricks_request_id === 'pii-1')!;
    expect(pii).toMatchObject({ x1: 'Mail [email] or call [phone]', x2: 'stop', x3: null });
    expect(r.params).toMatchObject({ x1_path: '$.messages', x1_from_end: 1, x1_suffix: '.content', x2_path: '$.choices[0].finish_reason', x2_from_end: null });
    // The paths reach SQL as parameters only: none of them is written into the statement.
    for (const path of ['messages[last]', 'messages[-9]', '$.choices[0].finish_reason']) expect(r.sql).not.toContain(path);
  });

  it.each(['time_desc,duration_desc', 'tokens_desc', 'cost_desc'])('pages by keyset without gaps or repeats (%s)', async (sorts) => {
    for (const sort of sorts.split(',')) {
      const all = await list(`range=30d&endpoint=chat_assistant&sort=${sort}&page_size=60`);
      const first = await list(`range=30d&endpoint=chat_assistant&sort=${sort}&page_size=25`);
      // The next page's parameters as the API hands them out.
      const def = CATALOGUE['inspector-requests']!;
      const { next: cursor } = def.page!(first.rows as never, { page_size: 25 } as never);
      const next = new URLSearchParams(Object.entries(cursor!).map(([k, v]) => [k, String(v)]));
      const second = await list(`range=30d&endpoint=chat_assistant&sort=${sort}&page_size=25&${next}`);
      expect([...first.rows.slice(0, 25), ...second.rows.slice(0, 25)].map((r) => r.databricks_request_id)).toEqual(all.rows.slice(0, 50).map((r) => r.databricks_request_id));
    }
  });

  it('sorts by tokens and by cost, most first, as the rows show them', async () => {
    const num = (v: unknown) => v as number | null;
    const desc = (xs: number[]) => [...xs].sort((a, b) => b - a);
    const tokens = await list('range=1h&endpoint=chat_assistant&sort=tokens_desc&page_size=50');
    // The 1 MiB answer is estimated at about a quarter of a million output tokens: first.
    expect(tokens.rows[0]!.databricks_request_id).toBe('big-1');
    const keys = tokens.rows.map((r) => r.sort_value as number);
    expect(keys).toEqual(tokens.rows.map((r) => (num(r.input_tokens) === null && num(r.output_tokens) === null ? -1 : (num(r.input_tokens) ?? 0) + (num(r.output_tokens) ?? 0))));
    expect(keys).toEqual(desc(keys));
    const cost = await list('range=30d&endpoint=chat_assistant&sort=cost_desc&page_size=200');
    const costs = cost.rows.map((r) => r.sort_value as number);
    expect(costs).toEqual(cost.rows.map((r) => num(r.cost) ?? -1));
    expect(costs).toEqual(desc(costs));
    expect(costs[0]).toBeGreaterThan(0);
    expect(costs.at(-1)!).toBeLessThan(costs[0]!);
  });

  it('filters by usage_context, duration and tool calls', async () => {
    const uc = await list('range=30d&usage_key=a_b_test_group&usage_value=B&page_size=200');
    expect(uc.rows.length).toBeGreaterThan(0);
    expect(new Set(uc.rows.map((r) => r.served_entity_name))).toEqual(new Set(['claude-sonnet']));
    const slow = await list('range=30d&min_duration_ms=5000&max_duration_ms=6000');
    expect(slow.rows.length).toBeGreaterThan(0);
    expect(slow.rows.every((r) => (r.execution_duration_ms as number) >= 5000 && (r.execution_duration_ms as number) <= 6000)).toBe(true);
    const tools = await list('range=30d&has_tools=yes&endpoint=chat_assistant');
    expect(tools.rows.length).toBeGreaterThan(0);
    expect(tools.rows.every((r) => r.has_tool_calls === true)).toBe(true);
  });
});
