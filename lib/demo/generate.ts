import 'server-only';
/**
 * Demo data generator: writes a DuckDB file shaped like AI Gateway inference tables plus the
 * serving system tables, entirely with set-based SQL inside DuckDB. Every pseudo-random number is
 * `hash(key, salt, seed)`, so a (seed, rows, days, end) tuple always yields the same content no
 * matter how many threads run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbCreateTable, ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS } from '../table-schemas';
import {
  ACCOUNT_ID, CHAT_SPLIT, END_USERS, ENDPOINTS, ENTITIES, GENERATOR_VERSION,
  PEOPLE, PID, PROJECT_OF, planIncidents, WORKSPACE_ID, type PlannedIncident,
} from './catalog';
import { servedEntityRows } from './served-entities';
import { numList, pick, str, strList, ts, withSeed } from './sql';
import * as T from './texts';
import { now } from '../time/clock';
import { floorToMinute } from '@/lib/time/buckets';

export { floorToMinute };

export interface GenerateOptions {
  path: string;
  /** Requests generated across all endpoints (endpoint_usage ∪ payload tables, before sampling and unlogged drops). */
  rows?: number;
  days?: number;
  seed?: number;
  end?: Date;
  onProgress?: (msg: string) => void;
}

export interface GenerateResult {
  path: string;
  rows: number;
  seconds: number;
  end: string;
}

/** Bodies deliberately left truncated or not JSON at all (parsers must survive them): 8 in every demo. */
export const INVALID_JSON_BODIES = { chatTruncatedResponses: 4, chatPlainTextResponses: 2, agentTruncatedRequests: 1, agentTruncatedResponses: 1 } as const;
export const INVALID_JSON_TOTAL = Object.values(INVALID_JSON_BODIES).reduce((a, b) => a + b, 0);

/**
 * Requests planted in every demo large enough to hold them, listed in `meta.planted` by name (the
 * first matching row of its endpoint): find them by name, never by "the first row that matches".
 */
export const PLANTED = [
  { name: 'card_number', endpoint: 'chat', where: `request LIKE '%4111 1111 1111 1111%'`, description: 'PII guardrail block whose request holds the test card number 4111 1111 1111 1111 and an e-mail address' },
  { name: 'hostile_script', endpoint: 'chat', where: `status = 200 AND json_extract_string(request, '$.messages[-1].content') LIKE '%<script>alert(1)</script>%'`, description: 'answered request whose last user message holds a <script> tag, to be shown as text' },
  { name: 'hostile_img', endpoint: 'chat', where: `status = 200 AND json_extract_string(request, '$.messages[-1].content') LIKE '%onerror=alert(1)%'`, description: 'answered request whose last user message holds an <img onerror> tag, to be shown as text' },
  { name: 'keyword_block', endpoint: 'chat', where: `response LIKE '%invalid_keywords%'`, description: 'input guardrail block for the keyword "Project Nightingale"' },
  { name: 'oversize_request', endpoint: 'chat', where: `request IS NULL AND list_contains(log_codes, 'MAX_REQUEST_SIZE_EXCEEDED')`, description: 'request body not logged: MAX_REQUEST_SIZE_EXCEEDED' },
  { name: 'tool_call', endpoint: 'chat', where: `status = 200 AND response LIKE '%"finish_reason":"tool_calls"%'`, description: 'answer that calls a tool' },
] as const satisfies readonly { name: string; endpoint: 'chat' | 'agent'; where: string; description: string }[];

/** The demo's service principals with their display names (PEOPLE labels them "<name> (service principal)"). */
export const SERVICE_PRINCIPALS = PEOPLE.filter((x) => x.label.endsWith(' (service principal)')).map((x) => ({ requester: x.requester, name: x.label.replace(/ \(service principal\)$/, '') }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function validate(rows: number, days: number, seed: number, end: Date) {
  if (!Number.isInteger(rows) || rows < 1_000 || rows > 50_000_000) throw new RangeError(`rows must be a whole number between 1000 and 50000000 (got ${rows})`);
  if (!Number.isInteger(days) || days < 1 || days > 400) throw new RangeError(`days must be a whole number between 1 and 400 (got ${days})`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2_147_483_647) throw new RangeError(`seed must be a whole number between 0 and 2147483647 (got ${seed})`);
  if (Number.isNaN(end.getTime())) throw new RangeError('end is not a valid date');
}

export async function generateDemo(opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const rows = opts.rows ?? 200_000;
  const days = opts.days ?? 30;
  const seed = opts.seed ?? 42;
  const end = floorToMinute(opts.end ?? now());
  validate(rows, days, seed, end);
  const progress = opts.onProgress ?? (() => {});

  const target = path.resolve(opts.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  removeDb(tmp);

  const start = new Date(end.getTime() - days * DAY);
  const incidents = planIncidents(end).filter((i) => i.start >= start && i.end <= end);
  const plan = makePlan({ rows, days, seed, start, end, incidents });

  // Work happens in memory; only the final tables are written to the attached file. Storage
  // version 1.5 allows ZSTD, which shrinks the repetitive JSON bodies about tenfold.
  const instance = await DuckDBInstance.create(':memory:');
  let ok = false;
  try {
    const con = await instance.connect();
    try {
      await con.run(`ATTACH ${str(tmp)} AS out (STORAGE_VERSION 'v1.5.0')`);
      for (const stage of plan) {
        const s0 = performance.now();
        for (const sql of stage.sql) {
          const q0 = performance.now();
          await con.run(withSeed(sql, seed));
          if (process.env.DEMO_PROFILE) progress(`    ${((performance.now() - q0) / 1000).toFixed(2)}s ${sql.trim().slice(0, 60).replace(/\s+/g, ' ')}`);
        }
        progress(`${stage.label} (${((performance.now() - s0) / 1000).toFixed(1)}s)`);
      }
      const counts = await tableCounts(con);
      progress(`payload rows: ${counts}`);
      await con.run('DETACH out');
    } finally {
      con.closeSync();
    }
    ok = true;
  } finally {
    instance.closeSync();
    if (!ok) removeDb(tmp);
  }
  fs.renameSync(tmp, target);
  removeDb(`${target}.wal`, false);
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  return { path: target, rows, seconds, end: end.toISOString() };
}

/** The JSON bodies repeat a lot: ZSTD stores them in a tenth of the space of the default codecs. */
function zstdBodies(ddl: string): string {
  const out = ddl.replace(/^(\s+(?:request|response) VARCHAR)(,?)$/gm, '$1 USING COMPRESSION zstd$2');
  if ((out.match(/USING COMPRESSION zstd/g) ?? []).length !== 2) throw new Error('payload DDL changed: request/response columns not found');
  return out;
}

function removeDb(file: string, withMain = true) {
  for (const f of withMain ? [file, `${file}.wal`] : [file]) fs.rmSync(f, { force: true });
}

async function tableCounts(con: DuckDBConnection): Promise<string> {
  const r = await con.runAndReadAll(
    Object.values(ENDPOINTS).map((e) => `SELECT ${str(e)} AS t, count(*) AS n FROM out.inference.${e}_payload`).join(' UNION ALL ')
      + ` UNION ALL SELECT 'endpoint_usage', count(*) FROM out.serving.endpoint_usage`,
  );
  return r.getRowObjectsJson().map((x) => `${String(x.t)}=${String(x.n)}`).join(', ');
}

export interface PlanInput {
  rows: number; days: number; seed: number; start: Date; end: Date; incidents: PlannedIncident[];
  /**
   * Rows appended to a live demo (lib/demo/live.ts): `requests` creates the TEMP TABLE req (ep, i,
   * ts, storm) in place of the time grid; no delivery lag, no deliberately broken bodies, no meta tables.
   */
  live?: { requests: string };
}
export interface Stage { label: string; sql: string[] }

/** Relative traffic of an endpoint (`ep`: chat, agent, emb) at an hour of day and ISO weekday. */
export function trafficShapeSql(ep: string, hod: string, dow: string): string {
  return `CASE ${ep}
            WHEN 'chat' THEN (0.08 + exp(-pow(cdist(${hod}, 14.5), 2) / 24.5) + 0.3 * exp(-pow(cdist(${hod}, 2), 2) / 8)) * CASE WHEN ${dow} >= 6 THEN 0.3 ELSE 1 END
            WHEN 'agent' THEN (0.1 + exp(-pow(cdist(${hod}, 15), 2) / 32)) * CASE WHEN ${dow} >= 6 THEN 0.45 ELSE 1 END
            ELSE (0.2 + 0.6 * exp(-pow(cdist(${hod}, 14), 2) / 18) + 3 * exp(-pow(cdist(${hod}, 2), 2) / 1.5)) * CASE WHEN ${dow} >= 6 THEN 0.8 ELSE 1 END
          END`;
}

const incidentWindow = (incidents: PlannedIncident[], name: string) => {
  const i = incidents.find((x) => x.name === name);
  // An incident outside the generated period becomes an empty window.
  return i ? { from: ts(i.start), to: ts(i.end) } : { from: 'TIMESTAMP \'1970-01-01\'', to: 'TIMESTAMP \'1970-01-01\'' };
};

export function makePlan(p: PlanInput): Stage[] {
  const hours = p.days * 24;
  // The storm adds ~0.5 % of all requests inside 30 minutes.
  const stormN = Math.min(Math.floor(p.rows / 10), Math.max(50, Math.round(p.rows * 0.005)));
  const storm = incidentWindow(p.incidents, 'rate_limit_storm');
  const stormLen = p.incidents.some((i) => i.name === 'rate_limit_storm') ? stormN : 0;
  const baseRows = p.rows - stormLen;
  const end = ts(p.end);
  const start = ts(p.start);
  const chatChangeAt = new Date(Math.floor((p.start.getTime() + CHAT_SPLIT.changeAt * p.days * DAY) / HOUR) * HOUR);
  const agentChangeAt = new Date(Math.floor((p.start.getTime() + 0.6 * p.days * DAY) / HOUR) * HOUR);
  const chatChange = ts(chatChangeAt);
  const agentChange = ts(agentChangeAt);
  const latency = incidentWindow(p.incidents, 'latency_spike');
  const burst = incidentWindow(p.incidents, 'provider_5xx_burst');
  const spike = incidentWindow(p.incidents, 'cost_spike');

  const pidList = (k: 'chat' | 'agent') => numList(PEOPLE.flatMap((x) => Array<number>(x.weights[k]).fill(x.pid)));
  const chatPids = PEOPLE.flatMap((x) => Array<number>(x.weights.chat).fill(x.pid));
  const agentPids = PEOPLE.flatMap((x) => Array<number>(x.weights.agent).fill(x.pid));
  const projectOf = (eu: string) => `CASE ${eu} ${Object.entries(PROJECT_OF).map(([k, v]) => `WHEN ${str(k)} THEN ${str(v)}`).join(' ')} END`;
  const systemPromptOf = (project: string) => `CASE ${project} ${Object.entries(T.SYSTEM_PROMPTS).map(([k, v]) => `WHEN ${str(k)} THEN ${str(v)}`).join(' ')} END`;
  const lagCut = p.live ? 'FALSE' : `(ts > ${end} - INTERVAL 1 HOUR AND u(i, 'lag') < (epoch(ts) - epoch(${end}) + 3600) / 3600.0)`;
  const reportDoc = T.REPORT_PARAGRAPHS.join('\n\n');
  const toolsJson = JSON.stringify(T.TOOLS.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: { type: 'object', properties: { [t.arg]: { type: 'string' } }, required: [t.arg] } },
  })));
  const toolQuestions = [...T.TOOL_QUESTIONS_EN, ...T.TOOL_QUESTIONS_JA];
  // Which tool each tool question leads to (parallel to toolQuestions).
  const toolOfQuestion = ['lookup_order', 'lookup_order', 'get_exchange_rate', 'search_knowledge_base', 'lookup_order', 'search_knowledge_base', 'lookup_order', 'get_exchange_rate', 'search_knowledge_base'];
  const nEn = T.TOOL_QUESTIONS_EN.length;
  const nJa = T.TOOL_QUESTIONS_JA.length;
  const replyOf = (pool: 'chat' | 'agent') => {
    const en = pool === 'chat' ? T.REPLIES_EN : T.AGENT_REPLIES_EN;
    const ja = pool === 'chat' ? T.REPLIES_JA : T.AGENT_REPLIES_JA;
    // Each rotation of the pool, repeated past the longest reply, is a constant: a reply is a
    // prefix of one (bytes ≈ 4 × tokens in both scripts) cut back to the last full sentence
    // unless the model hit max_tokens.
    const rotations = (xs: readonly string[], minChars: number) => xs.map((_, o) => {
      const one = [...xs.slice(o), ...xs.slice(0, o)].join(' ');
      return Array<string>(Math.ceil(minChars / one.length) + 1).fill(one).join(' ');
    });
    return `(SELECT CASE WHEN finish = 'length' OR cut = '' THEN body ELSE cut END FROM (SELECT body, regexp_replace(body, '[^.。!?]*$', '') AS cut FROM (
        SELECT CASE WHEN ja THEN left(${pick(rotations(ja, 2500), 'i', 'para')}, ceil(tok * 4 / 3.0)::BIGINT)
                    ELSE left(${pick(rotations(en, 7300), 'i', 'para')}, tok * 4) END AS body)))`;
  };
  const sessions = (src: string, dst: string) => `
    CREATE TEMP TABLE ${dst} AS
    WITH f AS (
      SELECT *, CASE WHEN lag(ts) OVER w IS NULL OR ts - lag(ts) OVER w > INTERVAL 20 MINUTE OR u(i, 'new') < new_conv THEN 1 ELSE 0 END AS nf
      FROM ${src} WINDOW w AS (PARTITION BY pid, slot ORDER BY ts, i)
    ), s AS (
      SELECT *, sum(nf) OVER (PARTITION BY pid, slot ORDER BY ts, i ROWS UNBOUNDED PRECEDING) AS sess FROM f
    )
    SELECT * EXCLUDE (nf), row_number() OVER (PARTITION BY pid, slot, sess ORDER BY ts, i) AS turn, hash(pid, slot, sess, $seed) AS sh
    FROM s`;
  const historyWindow = 'PARTITION BY pid, slot, sess ORDER BY ts, i ROWS BETWEEN 4 PRECEDING AND 1 PRECEDING';
  const usageContextMap = (withConv: boolean) => `CASE WHEN has_uc THEN MAP(
      ['end_user_to_charge', 'project', 'use_case', 'a_b_test_group'${withConv ? ", 'conversation_id'" : ''}],
      [end_user, project, use_case, ab_group${withConv ? ', conv' : ''}]) END`;
  const usageContextJson = (withConv: boolean) => `CASE WHEN has_uc THEN '"usage_context":' || json_object('end_user_to_charge', end_user, 'project', project, 'use_case', use_case, 'a_b_test_group', ab_group${withConv ? ", 'conversation_id', conv" : ''}) END`;
  const rateLimitBody = (limit: string) => `json_object('error_code', 'REQUEST_LIMIT_EXCEEDED', 'message', 'Exceeded rate limit: ' || ${limit} || ' for endpoint ' || ep_name || '. Retry after a short wait.')`;
  const dur = (expr: string) => `greatest(0, round(${expr}))::BIGINT`;

  const setup: Stage = {
    label: 'time grid and request slots',
    sql: [
      `CREATE OR REPLACE TEMP MACRO u(k, s) AS (hash(k, s, $seed) >> 11)::DOUBLE / 9007199254740992.0`,
      `CREATE OR REPLACE TEMP MACRO us(h, s) AS (hash(h, s) >> 11)::DOUBLE / 9007199254740992.0`,
      // Box–Muller from two hashed uniforms: a standard normal per (key, salt).
      `CREATE OR REPLACE TEMP MACRO nz(k, s) AS sqrt(-2 * ln(1 - u(k, s || '.1'))) * cos(2 * pi() * u(k, s || '.2'))`,
      `CREATE OR REPLACE TEMP MACRO cdist(a, b) AS least(abs(a - b), 24 - abs(a - b))`,
      `CREATE OR REPLACE TEMP MACRO rid(k, s) AS CAST(md5(s || '/' || k || '/' || $seed) AS UUID)::VARCHAR`,
      'CREATE SCHEMA IF NOT EXISTS out.inference',
      'CREATE SCHEMA IF NOT EXISTS out.serving',
      'CREATE SCHEMA IF NOT EXISTS out.meta',
      `CREATE TEMP TABLE people AS SELECT * FROM (VALUES ${PEOPLE.map((x) => `(${x.pid}, ${str(x.requester)}, ${x.endUser ? str(x.endUser) : 'NULL'}, ${x.jaShare}, ${x.newConversation}, ${x.slots})`).join(', ')})
        t(pid, requester, end_user, ja_share, new_conv, slots)`,
      ...(p.live ? [p.live.requests] : [
      // Integer weights per (endpoint, hour) so the cumulative split is exact and thread-independent.
      `CREATE TEMP TABLE slot AS
      WITH w AS (
        SELECT ep, epi, h, ${start} + to_hours(h) AS bucket, share FROM range(${hours}) t(h),
          (VALUES ('chat', 0, 0.55), ('agent', 1, 0.25), ('emb', 2, 0.20)) e(ep, epi, share)
      ), w2 AS (
        SELECT *, hour(bucket) + minute(bucket) / 60.0 + 0.5 AS hod, isodow(bucket) AS dow FROM w
      ), w3 AS (
        SELECT *, greatest(1, round(1e6 * share * ${trafficShapeSql('ep', 'hod', 'dow')} * (0.85 + 0.3 * u(h * 3 + epi, 'hour-noise')) * (1 + 0.2 * h / ${hours})))::BIGINT AS wi
        FROM w2
      ), w4 AS (
        SELECT *, sum(wi) OVER (ORDER BY epi, h ROWS UNBOUNDED PRECEDING) AS cum, sum(wi) OVER () AS tot FROM w3
      )
      SELECT ep, bucket, (${baseRows}::HUGEINT * (cum - wi) // tot)::BIGINT AS first_i,
        (${baseRows}::HUGEINT * cum // tot - ${baseRows}::HUGEINT * (cum - wi) // tot)::BIGINT AS n
      FROM w4`,
      `CREATE TEMP TABLE req AS
      SELECT ep, first_i + k AS i, bucket + to_microseconds((u(first_i + k, 't') * 3600e6)::BIGINT) AS ts, false AS storm
      FROM slot, range(slot.n) r(k)
      UNION ALL
      SELECT 'chat', ${baseRows} + k, ${storm.from} + to_microseconds((u(${baseRows} + k, 't') * 1800e6)::BIGINT), true
      FROM range(${stormLen}) r(k)`,
      ]),
    ],
  };

  const chat: Stage = {
    label: 'chat_assistant: requesters, conversations, outcomes',
    sql: [
      `CREATE TEMP TABLE c1 AS
      WITH r AS (
        SELECT i, ts, storm,
          CASE WHEN storm THEN ${PID.storm}
               WHEN ts >= ${spike.from} AND ts < ${spike.to} AND u(i, 'spike') < 0.22 THEN ${PID.acme}
               ELSE (${pidList('chat')})[1 + floor(u(i, 'who') * ${chatPids.length})::BIGINT] END AS pid
        FROM req WHERE ep = 'chat'
      )
      SELECT r.*, p.requester, CASE WHEN r.storm THEN 1 ELSE p.new_conv END AS new_conv, p.ja_share,
        CASE WHEN p.slots > 1 THEN floor(u(i, 'slot') * p.slots)::INT ELSE 0 END AS slot, p.end_user AS fixed_end_user
      FROM r JOIN people p USING (pid)`,
      sessions('c1', 'c2'),
      `CREATE TEMP TABLE c3 AS
      WITH a AS (
        SELECT *,
          coalesce(fixed_end_user, (${strList(END_USERS)})[1 + slot % ${END_USERS.length}]) AS end_user,
          us(sh, 'lang') < ja_share AS ja,
          NOT storm AND pid NOT IN (${PID.acme}, ${PID.storm}) AND us(sh, 'tool') < 0.18 AS tool_sess,
          us(sh, 'stream') < CASE pid WHEN ${PID.frontend} THEN 0.6 WHEN ${PID.acme} THEN 0 WHEN ${PID.storm} THEN 0 ELSE 0.25 END AS stream,
          us(sh, 'parts') < 0.08 AS parts,
          pid <= 7 AND us(sh, 'sys') < 0.3 AS no_system,
          ([NULL, 512, 1024, 4096])[1 + floor(us(sh, 'maxtok') * 4)::BIGINT] AS max_tokens,
          ([0.0, 0.2, 0.7, 1.0])[1 + floor(us(sh, 'temp') * 4)::BIGINT] AS temperature,
          NOT (pid <= 7 AND us(sh, 'nouc') < 0.05) AS has_uc,
          CAST(md5(sh::VARCHAR || '/conv') AS UUID)::VARCHAR AS conv,
          CASE WHEN u(i, 'entity') < ${CHAT_SPLIT.fallback} THEN 2
               WHEN ts < ${chatChange} THEN CASE WHEN u(i, 'entity') < ${CHAT_SPLIT.fallback + CHAT_SPLIT.before.gpt} THEN 0 ELSE 1 END
               ELSE CASE WHEN u(i, 'entity') < ${CHAT_SPLIT.fallback + CHAT_SPLIT.after.gpt} THEN 0 ELSE 1 END END AS ent,
          ts >= ${spike.from} AND ts < ${spike.to} AND pid = ${PID.acme} AS spiking,
          u(i, 'status') AS su
        FROM c2
      ), b AS (
        SELECT *, tool_sess AND turn % 2 = 1 AS tool_call_turn, tool_sess AND turn % 2 = 0 AS tool_follow,
          ${projectOf('end_user')} AS project0,
          CASE
            WHEN storm THEN CASE WHEN su < 0.9 THEN 'rate' ELSE 'ok' END
            WHEN ent = 0 AND ts >= ${burst.from} AND ts < ${burst.to} AND su < 0.8 THEN 'provider'
            WHEN su < 0.003 THEN 'rate'
            WHEN su < 0.005 THEN 'auth'
            WHEN su < 0.0065 THEN CASE WHEN ent = 2 THEN 'unavailable' ELSE 'provider' END
            WHEN su < 0.0075 THEN 'too_long'
            -- Tool sessions skip guardrail blocks so every tool result follows its tool call.
            WHEN tool_sess THEN 'ok'
            WHEN su < 0.0105 THEN 'g_pii'
            WHEN su < 0.0125 THEN 'g_kw'
            WHEN su < 0.014 THEN 'g_safety'
            WHEN su < 0.0152 THEN 'g_out'
            ELSE 'ok' END AS kind
        FROM a
      ), c AS (
        SELECT *,
          CASE WHEN pid = ${PID.storm} THEN 'ticket-triage' ELSE project0 END AS project,
          CASE WHEN pid = ${PID.acme} THEN 'weekly-report' WHEN pid = ${PID.storm} THEN 'ticket-triage' WHEN tool_sess THEN 'order-lookup'
               ELSE (['qa', 'drafting', 'summarize', 'translate'])[1 + floor(us(sh, 'usecase') * 4)::BIGINT] END AS use_case,
          (['A', 'B', 'fallback'])[ent + 1] AS ab_group,
          (${strList([ENTITIES.gpt.id, ENTITIES.claude.id, ENTITIES.fallback.id])})[ent + 1] AS entity_id,
          (${strList([ENTITIES.gpt.model, ENTITIES.claude.model, ENTITIES.fallback.model])})[ent + 1] AS model,
          CASE WHEN pid = ${PID.frontend} THEN 'web-' || left(conv, 8) || '-' || turn
               WHEN pid IN (${PID.acme}, ${PID.storm}) THEN 'job-' || strftime(ts, '%Y%m%d') || '-' || lpad(((i // CASE WHEN storm THEN 3 ELSE 1 END) % 1000000)::VARCHAR, 6, '0')
               WHEN us(sh, 'crid') < 0.3 THEN 'nb-' || left(md5(i::VARCHAR || '/crid'), 12) END AS crid,
          CASE
            -- The first English PII block always carries the test card number (meta.planted 'card_number').
            WHEN kind = 'g_pii' AND NOT ja AND i = (SELECT min(i) FROM b WHERE kind = 'g_pii' AND NOT ja) THEN ${str(T.PII_EN[0]!)}
            WHEN kind = 'g_pii' THEN CASE WHEN ja THEN ${pick(T.PII_JA, 'i', 'pii')} ELSE ${pick(T.PII_EN, 'i', 'pii')} END
            WHEN kind = 'g_kw' THEN ${pick(T.KEYWORD_TEXTS, 'i', 'kw')}
            WHEN kind = 'g_safety' THEN ${pick(T.UNSAFE_TEXTS, 'i', 'unsafe')}
            WHEN pid = ${PID.storm} THEN 'Ticket #' || (100000 + i % 900000) || ': ' || ${pick(T.AGENT_QUESTIONS_EN, 'i', 'ticket')}
            WHEN pid = ${PID.acme} THEN ${pick(T.REPORT_QUESTIONS, 'i', 'rq')} || chr(10) || chr(10) || repeat(${str(reportDoc)} || chr(10) || chr(10), CASE WHEN spiking THEN 12 ELSE 1 END)
            WHEN u(i, 'xss') < 0.004 THEN ${pick(T.HOSTILE_TEXTS, 'i', 'xss')}
            WHEN ja THEN ${pick(T.QUESTIONS_JA, 'i', 'q')}
            ELSE ${pick(T.QUESTIONS_EN, 'i', 'q')} END AS prompt0
        FROM b
      )
      SELECT * EXCLUDE (prompt0, project0),
        -- Each user turn of a tool session asks the next question of the session's language.
        CASE WHEN tool_sess THEN CASE WHEN ja THEN ${nEn} + 1 + ((hash(sh, 'toolq') % 1000 + (turn - 1) // 2) % ${nJa})::BIGINT
                                      ELSE 1 + ((hash(sh, 'toolq') % 1000 + (turn - 1) // 2) % ${nEn})::BIGINT END END AS tqi,
        prompt0 AS prompt
      FROM c`,
      // Tool sessions alternate: the user asks (model answers with tool_calls), then the client sends the tool result.
      `CREATE TEMP TABLE c4 AS
      WITH a AS (
        SELECT *, prompt LIKE '%<script>%' OR prompt LIKE '%onerror=%' OR prompt LIKE '%javascript:%' AS hostile
        FROM c3
      ), b AS (
        SELECT *,
          CASE WHEN tool_call_turn THEN (${strList(toolQuestions)})[tqi] ELSE prompt END AS user_text,
          (${strList(toolOfQuestion)})[tqi] AS fn,
          least(1800, greatest(4, round(exp(ln(CASE WHEN pid = ${PID.acme} THEN 260 WHEN pid = ${PID.storm} THEN 25 WHEN tool_follow THEN 50 ELSE 80 END) + 0.75 * nz(i, 'ctok')))))::BIGINT AS tok0
        FROM a
      ), c AS (
        SELECT *,
          CASE WHEN max_tokens IS NOT NULL AND tok0 > max_tokens THEN max_tokens ELSE tok0 END AS tok,
          CASE WHEN tool_call_turn THEN 'tool_calls' WHEN max_tokens IS NOT NULL AND tok0 > max_tokens THEN 'length' ELSE 'stop' END AS finish,
          'call_' || left(md5(sh::VARCHAR || '/' || turn), 24) AS call_id,
          'call_' || left(md5(sh::VARCHAR || '/' || (turn - 1)), 24) AS prev_call_id
        FROM b
      )
      SELECT *,
        CASE WHEN kind IN ('ok', 'g_out') AND NOT tool_call_turn THEN
          CASE WHEN hostile THEN 'I cannot run or render markup, but here is your text quoted back: ' || user_text || ' ' ELSE '' END
          || CASE WHEN pid = ${PID.storm} THEN 'Label: ' || ${pick(['billing', 'shipping', 'account', 'bug', 'other'], 'i', 'label')} || '. ' ELSE '' END
          || ${replyOf('chat')} END AS reply,
        CASE fn WHEN 'lookup_order' THEN json_object('order_id', coalesce(regexp_extract(user_text, 'ORD-[0-9]+'), 'ORD-00000'))
                WHEN 'get_exchange_rate' THEN json_object('pair', CASE WHEN ja THEN 'USD/JPY' ELSE 'EUR/JPY' END)
                ELSE json_object('query', user_text) END::VARCHAR AS args
      FROM c`,
      `CREATE TEMP TABLE c5 AS
      WITH a AS (
        SELECT *,
          lag(fn) OVER (PARTITION BY pid, slot, sess ORDER BY ts, i) AS prev_fn,
          CASE WHEN parts THEN json_object('role', 'user', 'content',
                 CASE WHEN u(i, 'image') < 0.3 THEN [json_object('type', 'text', 'text', user_text), json_object('type', 'image_url', 'image_url', json_object('url', 'https://files.example.com/uploads/' || left(md5(i::VARCHAR), 10) || '.png'))]
                      ELSE [json_object('type', 'text', 'text', user_text)] END)
               ELSE json_object('role', 'user', 'content', user_text) END AS user_msg,
          CASE WHEN kind = 'ok' THEN CASE WHEN tool_call_turn
              THEN json_object('role', 'assistant', 'content', NULL, 'tool_calls', [json_object('id', call_id, 'type', 'function', 'function', json_object('name', fn, 'arguments', args))])
              ELSE json_object('role', 'assistant', 'content', reply) END END AS out_msg
        FROM c4
      ), b AS (
        SELECT *,
          CASE WHEN tool_follow THEN [json_object('role', 'tool', 'tool_call_id', prev_call_id, 'content',
                 CASE prev_fn WHEN 'get_exchange_rate' THEN ${str(T.TOOL_RESULTS[1]!)} WHEN 'search_knowledge_base' THEN ${str(T.TOOL_RESULTS[2]!)}
                      ELSE ${pick([T.TOOL_RESULTS[0]!, T.TOOL_RESULTS[3]!], 'i', 'toolres')} END)]
               ELSE [user_msg] END AS in_msgs
        FROM a
      ), c AS (
        SELECT *, CASE WHEN out_msg IS NOT NULL THEN list_append(in_msgs, out_msg) END AS turn_msgs FROM b
      ), d AS (
        SELECT *, list(turn_msgs) OVER (${historyWindow}) AS hist FROM c
      )
      SELECT * EXCLUDE (hist, turn_msgs, user_msg, in_msgs),
        to_json(list_concat(
          CASE WHEN no_system THEN []::JSON[] ELSE [json_object('role', 'system', 'content', ${systemPromptOf('project')})] END,
          flatten(list_filter(coalesce(hist, []::JSON[][]), x -> x IS NOT NULL)),
          in_msgs))::VARCHAR AS messages
      FROM d`,
    ],
  };

  const chatBodies: Stage = {
    label: 'chat_assistant: request and response bodies',
    sql: [
      `CREATE TEMP TABLE chat_rows AS
      WITH a AS (
        SELECT *, ${str(ENDPOINTS.chat)} AS ep_name,
          -- Oversize requests carried an inline image: its tokens count, its body is not logged.
          ceil(strlen(messages) / 4.0)::BIGINT + CASE WHEN kind = 'ok' AND u(i, 'big') < 0.0015 THEN 1500 ELSE 0 END AS pt,
          CASE WHEN tool_call_turn THEN ceil(strlen(args) / 4.0)::BIGINT + 10 ELSE ceil(strlen(coalesce(reply, '')) / 4.0)::BIGINT END AS ct,
          CASE WHEN kind = 'rate' THEN 429 WHEN kind = 'auth' THEN CASE WHEN u(i, 'auth') < 0.6 THEN 401 ELSE 403 END
               WHEN kind = 'provider' THEN CASE WHEN u(i, 'prov') < CASE WHEN ent = 0 THEN 0.7 ELSE 0.3 END THEN 502 ELSE 503 END
               WHEN kind = 'unavailable' THEN 503
               WHEN kind IN ('too_long', 'g_pii', 'g_kw', 'g_safety', 'g_out') THEN 400 ELSE 200 END AS status,
          kind = 'ok' AND u(i, 'big') < 0.0015 AS big_request,
          kind = 'ok' AND u(i, 'big') >= 0.0015 AND u(i, 'big') < 0.0018 AS big_response,
          stream AND kind = 'ok' AND NOT tool_call_turn AND u(i, 'chunks') < 0.02 AS chunked,
          epoch(ts)::BIGINT AS created,
          'chatcmpl-' || left(md5(i::VARCHAR || '/cmpl/' || $seed), 24) AS cmpl_id,
          (${strList(T.SAFETY_CATEGORIES)})[1 + (hash(i, 'cat', $seed) % ${T.SAFETY_CATEGORIES.length})::BIGINT] AS category
        FROM c5
      ), b AS (
        SELECT *,
          kind <> 'auth' AND (kind <> 'rate' OR u(i, 'lograte') < 0.3) AND NOT ${lagCut} AS in_payload,
          u(i, 'nousage') >= 0.01 AS in_usage,
          json_object('prompt_tokens', pt, 'completion_tokens', ct, 'total_tokens', pt + ct) AS usage_json,
          3 + (hash(i, 'nchunks') % 4)::BIGINT AS n_chunks,
          ceil(length(reply) / (3 + (hash(i, 'nchunks') % 4))::DOUBLE)::BIGINT AS chunk_len,
          ${dur(`CASE kind
            WHEN 'ok' THEN (CASE ent WHEN 0 THEN 320 WHEN 1 THEN 650 ELSE 140 END * exp(0.45 * nz(i, 'ttft'))
                + CASE ent WHEN 0 THEN 9 WHEN 1 THEN 16 ELSE 5 END * ct * exp(0.15 * nz(i, 'tps')))
              * CASE WHEN u(i, 'tail') < 0.01 THEN 2 + 6 * u(i, 'tail2') ELSE 1 END
              * CASE WHEN ent = 1 AND ts >= ${latency.from} AND ts < ${latency.to} THEN 4 ELSE 1 END
            WHEN 'g_out' THEN 120 + CASE ent WHEN 0 THEN 320 WHEN 1 THEN 650 ELSE 140 END * exp(0.45 * nz(i, 'ttft')) + CASE ent WHEN 0 THEN 9 WHEN 1 THEN 16 ELSE 5 END * ct
            WHEN 'provider' THEN CASE WHEN ts >= ${burst.from} AND ts < ${burst.to} THEN 4000 * exp(0.6 * nz(i, 'perr')) ELSE 600 * exp(0.8 * nz(i, 'perr')) END
            WHEN 'unavailable' THEN 30000
            WHEN 'rate' THEN 1 WHEN 'auth' THEN 0 WHEN 'too_long' THEN 4
            ELSE 25 + 60 * exp(0.4 * nz(i, 'guard')) END`)} AS duration_ms
        FROM a
      )
      SELECT i, ts, status, kind, entity_id, requester, crid, rid(i, 'chat') AS rid, stream, in_payload, in_usage, duration_ms,
        end_user, project, use_case, ab_group, conv, has_uc, storm,
        CASE WHEN kind IN ('ok', 'g_out') THEN pt ELSE 0 END AS in_tokens,
        CASE WHEN kind IN ('ok', 'g_out') THEN ct ELSE 0 END AS out_tokens,
        CASE WHEN kind IN ('rate', 'auth') THEN 0 WHEN big_request THEN 10000000 + (u(i, 'bigsize') * 4000000)::BIGINT ELSE length(messages) END AS in_chars,
        CASE WHEN kind IN ('ok', 'g_out') THEN CASE WHEN tool_call_turn THEN length(args) ELSE length(reply) END ELSE 0 END AS out_chars,
        CASE WHEN big_request THEN ['MAX_REQUEST_SIZE_EXCEEDED'] WHEN big_response THEN ['MAX_RESPONSE_SIZE_EXCEEDED'] ELSE []::VARCHAR[] END AS log_codes,
        CASE WHEN in_payload AND NOT big_request THEN '{' || concat_ws(',',
            '"messages":' || messages,
            CASE WHEN tool_sess THEN '"tools":' || ${str(toolsJson)} || ',"tool_choice":"auto"' END,
            CASE WHEN max_tokens IS NOT NULL THEN '"max_tokens":' || max_tokens END,
            '"temperature":' || temperature,
            CASE WHEN stream THEN '"stream":true' END,
            CASE WHEN crid IS NOT NULL THEN '"client_request_id":' || to_json(crid) END,
            ${usageContextJson(true)}) || '}' END AS request,
        CASE WHEN NOT in_payload OR big_response THEN NULL
          WHEN kind = 'ok' AND chunked THEN to_json(list_concat(
            [json_object('id', cmpl_id, 'object', 'chat.completion.chunk', 'created', created, 'model', model, 'choices', [json_object('index', 0, 'delta', json_object('role', 'assistant', 'content', ''), 'finish_reason', NULL)])],
            list_transform(range(n_chunks), k -> json_object('id', cmpl_id, 'object', 'chat.completion.chunk', 'created', created, 'model', model,
              'choices', [json_object('index', 0, 'delta', json_object('content', substr(reply, 1 + k * chunk_len, chunk_len)), 'finish_reason', NULL)])),
            [json_object('id', cmpl_id, 'object', 'chat.completion.chunk', 'created', created, 'model', model, 'choices', [json_object('index', 0, 'delta', json_object(), 'finish_reason', finish)], 'usage', usage_json)]))::VARCHAR
          WHEN kind = 'ok' THEN json_object('id', cmpl_id, 'object', 'chat.completion', 'created', created, 'model', model,
            'choices', [json_object('index', 0, 'message', out_msg, 'finish_reason', finish)], 'usage', usage_json)::VARCHAR
          WHEN kind = 'rate' THEN ${rateLimitBody(`CASE WHEN storm THEN '600 requests per minute for this service principal' ELSE '60 requests per minute per user' END`)}::VARCHAR
          WHEN kind = 'provider' THEN json_object('error_code', CASE status WHEN 502 THEN 'BAD_GATEWAY' ELSE 'TEMPORARILY_UNAVAILABLE' END, 'message',
            CASE WHEN ent = 0 THEN json_object('external_model_provider', 'openai', 'external_model_error', json_object('error', json_object(
                'message', CASE status WHEN 502 THEN 'The upstream server returned an error while processing your request. Retry the request.' ELSE 'The model is overloaded. Please retry later.' END,
                'type', 'server_error', 'param', NULL, 'code', NULL)))
              ELSE json_object('external_model_provider', 'anthropic', 'external_model_error', json_object('type', 'error', 'error', json_object(
                'type', CASE status WHEN 502 THEN 'api_error' ELSE 'overloaded_error' END, 'message', CASE status WHEN 502 THEN 'Internal server error' ELSE 'Overloaded' END))) END::VARCHAR)::VARCHAR
          WHEN kind = 'unavailable' THEN json_object('error_code', 'TEMPORARILY_UNAVAILABLE', 'message', 'The served entity ${ENTITIES.fallback.name} is scaling up from zero. Retry in a few seconds.')::VARCHAR
          WHEN kind = 'too_long' THEN json_object('error_code', 'BAD_REQUEST', 'message', 'Input length exceeds the context window of the served model.')::VARCHAR
          ELSE json_object('error_code', 'BAD_REQUEST', 'message', CASE kind
            WHEN 'g_pii' THEN json_object('input_guardrail', [json_object('flagged', true, 'pii_detection', true, 'anonymized_input',
                [regexp_replace(regexp_replace(regexp_replace(user_text, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', '<EMAIL_ADDRESS>', 'g'),
                  '[0-9](?:[ -]?[0-9]){12,15}', '<CREDIT_CARD>', 'g'), '[+(]?[0-9][0-9 ()-]{7,}[0-9]', '<PHONE_NUMBER>', 'g')])],
                'finishReason', 'input_guardrail_triggered')
            WHEN 'g_kw' THEN json_object('input_guardrail', [json_object('flagged', true, 'invalid_keywords', true)], 'finishReason', 'input_guardrail_triggered')
            WHEN 'g_safety' THEN json_object('input_guardrail', [json_object('flagged', true, 'categories', json_object(category, true))], 'finishReason', 'input_guardrail_triggered')
            ELSE json_object('output_guardrail', [json_object('flagged', true, 'categories', json_object(category, true))], 'finishReason', 'output_guardrail_triggered') END::VARCHAR)::VARCHAR
        END AS response
      FROM b`,
    ],
  };

  // An MLflow (schema 2) trace as databricks_output.trace: the agent's span, one tool span per call,
  // the LLM call that answered, and before it a refused one where trace_failed. Times in ns.
  const span = (id: string, parent: string | null, name: string, type: string, start: string, end: string, failed = 'false') =>
    `json_object('name', ${name}, 'context', json_object('trace_id', '0x' || left(md5(i::VARCHAR || '/tr'), 32), 'span_id', '0x' || left(md5(i::VARCHAR || ${id}), 16)),
      'parent_id', ${parent === null ? 'NULL' : `'0x' || left(md5(i::VARCHAR || ${parent}), 16)`}, 'start_time', ${start}, 'end_time', ${end},
      'status_code', CASE WHEN ${failed} THEN 'ERROR' ELSE 'OK' END,
      'status_message', CASE WHEN ${failed} THEN 'BadRequestError: The response was filtered due to the prompt triggering content management policy.' ELSE '' END,
      'attributes', json_object('mlflow.spanType', '"' || ${type} || '"'), 'events', [])`;
  const t0 = `(epoch_ms(ts) * 1000000)::BIGINT`;
  const t1 = `(${t0} + duration_ms * 1000000)::BIGINT`;
  const agentTrace = `json_object('info', json_object('request_id', 'tr-' || left(md5(i::VARCHAR || '/tr'), 32), 'timestamp_ms', epoch_ms(ts), 'execution_time_ms', duration_ms, 'status', 'OK',
      'tags', json_object('mlflow.traceName', 'ResponsesAgent.predict')),
    'data', json_object('spans', list_concat(
      [${span(`'/root'`, null, `'ResponsesAgent.predict'`, `'AGENT'`, t0, t1)}],
      CASE WHEN trace_failed THEN [${span(`'/llm0'`, `'/root'`, `'ChatDatabricks'`, `'CHAT_MODEL'`, t0, `${t0} + 350000000`, 'true')}] ELSE [] END,
      list_transform(range(ntools), k -> ${span(`'/tool' || k`, `'/root'`, `tool_names[k + 1]`, `'TOOL'`, `${t0} + (k + 1) * 100000000`, `${t0} + (k + 1) * 100000000 + 50000000`)}),
      [${span(`'/llm'`, `'/root'`, `'ChatDatabricks'`, `'CHAT_MODEL'`, `${t0} + 400000000`, t1)}])))`;

  const agent: Stage = {
    label: 'support_agent: conversations, tool calls, bodies',
    sql: [
      `CREATE TEMP TABLE a1 AS
      WITH r AS (
        SELECT i, ts, (${pidList('agent')})[1 + floor(u(i, 'who') * ${agentPids.length})::BIGINT] AS pid FROM req WHERE ep = 'agent'
      )
      SELECT r.*, false AS storm, p.requester, p.new_conv, p.ja_share,
        CASE WHEN p.slots > 1 THEN floor(u(i, 'slot') * p.slots)::INT ELSE 0 END AS slot, p.end_user AS fixed_end_user
      FROM r JOIN people p USING (pid)`,
      sessions('a1', 'a2'),
      `CREATE TEMP TABLE a3 AS
      WITH a AS (
        SELECT *,
          coalesce(fixed_end_user, (${strList(END_USERS)})[1 + slot % ${END_USERS.length}]) AS end_user,
          us(sh, 'lang') < ja_share AS ja,
          us(sh, 'format') < 0.75 AS responses_api,
          us(sh, 'stream') < 0.2 AS stream,
          NOT (pid <= 7 AND us(sh, 'nouc') < 0.05) AS has_uc,
          CAST(md5(sh::VARCHAR || '/conv') AS UUID)::VARCHAR AS conv,
          u(i, 'status') AS su,
          CASE WHEN u(i, 'tools') < 0.45 THEN 1 + (u(i, 'ntools') < 0.3)::INT ELSE 0 END AS ntools,
          least(1200, greatest(8, round(exp(ln(90) + 0.7 * nz(i, 'ctok')))))::BIGINT AS tok,
          'stop' AS finish
        FROM a2
      ), b AS (
        SELECT *,
          CASE WHEN su < 0.002 THEN 'rate' WHEN su < 0.004 THEN 'auth' WHEN su < 0.008 THEN 'agent_error' WHEN su < 0.009 THEN 'bad_input' ELSE 'ok' END AS kind,
          ${projectOf('end_user')} AS project,
          'customer-support' AS use_case,
          CASE WHEN ts < ${agentChange} THEN 'agent-v3' ELSE 'agent-v4' END AS ab_group,
          CASE WHEN pid = ${PID.portal} THEN 'ticket-' || (10000 + hash(sh, 'ticket') % 90000) || '-' || turn END AS crid,
          CASE WHEN u(i, 'pii') < 0.04 THEN CASE WHEN ja THEN ${pick(T.PII_JA, 'i', 'pii')} ELSE ${pick(T.PII_EN, 'i', 'pii')} END
               WHEN u(i, 'xss') < 0.003 THEN ${pick(T.HOSTILE_TEXTS, 'i', 'xss')}
               WHEN ja THEN ${pick(T.AGENT_QUESTIONS_JA, 'i', 'q')} ELSE ${pick(T.AGENT_QUESTIONS_EN, 'i', 'q')} END AS user_text
        FROM a
      )
      SELECT *, CASE WHEN kind = 'ok' THEN ${replyOf('agent')} END AS reply FROM b`,
      `CREATE TEMP TABLE a4 AS
      WITH a AS (
        SELECT *, json_object('role', 'user', 'content', user_text) AS user_msg,
          CASE WHEN kind = 'ok' THEN [json_object('role', 'user', 'content', user_text), json_object('role', 'assistant', 'content', reply)] END AS turn_msgs
        FROM a3
      ), b AS (
        SELECT *, list(turn_msgs) OVER (${historyWindow}) AS hist FROM a
      )
      SELECT * EXCLUDE (hist, turn_msgs, user_msg),
        to_json(list_append(flatten(list_filter(coalesce(hist, []::JSON[][]), x -> x IS NOT NULL)), user_msg))::VARCHAR AS input_json,
        list_transform(range(ntools), k -> (${strList(T.AGENT_TOOLS)})[1 + (hash(i, k, 'tool', $seed) % ${T.AGENT_TOOLS.length})::BIGINT]) AS tool_names
      FROM b`,
      `CREATE TEMP TABLE agent_rows AS
      WITH a AS (
        SELECT *, ${str(ENDPOINTS.agent)} AS ep_name, epoch(ts)::BIGINT AS created,
          CASE WHEN kind = 'rate' THEN 429 WHEN kind = 'auth' THEN CASE WHEN u(i, 'auth') < 0.6 THEN 401 ELSE 403 END
               WHEN kind = 'agent_error' THEN 500 WHEN kind = 'bad_input' THEN 400 ELSE 200 END AS status,
          kind <> 'auth' AND (kind <> 'rate' OR u(i, 'lograte') < 0.3) AND NOT ${lagCut} AS in_payload,
          u(i, 'nousage') >= 0.01 AS in_usage,
          list_transform(range(ntools), k -> 'call_' || left(md5(i::VARCHAR || '/' || k || '/' || $seed), 24)) AS call_ids,
          list_transform(range(ntools), k -> json_object('customer_ref', 'C-' || (10000 + hash(i, k, 'cust') % 90000))::VARCHAR) AS tool_args,
          'msg_' || left(md5(i::VARCHAR || '/msg/' || $seed), 20) AS msg_id,
          -- Some clients ask the agent for its MLflow trace (databricks_options.return_trace); in one
          -- traced answer in 12 the first LLM call failed (content filter) and a fallback answered.
          responses_api AND u(i, 'trace') < 0.4 AS traced,
          u(i, 'tracefail') < 1.0 / 12 AS trace_failed
        FROM a4
      )
      SELECT i, ts, status, kind, ${str(ENTITIES.agent.id)} AS entity_id, requester, crid, rid(i, 'agent') AS rid, stream, in_payload, in_usage,
        end_user, project, use_case, ab_group, conv, has_uc,
        ${dur(`CASE kind
          WHEN 'ok' THEN (900 * exp(0.5 * nz(i, 'base')) + 22 * length(reply) / 4.0 * exp(0.2 * nz(i, 'tps'))
                          + ntools * 420 * exp(0.6 * nz(i, 'toolms'))) * CASE WHEN u(i, 'tail') < 0.015 THEN 2 + 4 * u(i, 'tail2') ELSE 1 END
          WHEN 'agent_error' THEN CASE WHEN u(i, 'timeout') < 0.3 THEN 30000 ELSE 2500 * exp(0.8 * nz(i, 'err')) END
          WHEN 'bad_input' THEN 3 WHEN 'rate' THEN 1 ELSE 0 END`)} AS duration_ms,
        CASE WHEN kind IN ('rate', 'auth') THEN 0 ELSE (length(input_json) + 1) // 4 END AS in_tokens,
        CASE WHEN kind = 'ok' THEN (length(reply) + 1) // 4 ELSE 0 END AS out_tokens,
        CASE WHEN kind IN ('rate', 'auth') THEN 0 ELSE length(input_json) END AS in_chars,
        CASE WHEN kind = 'ok' THEN length(reply) ELSE 0 END AS out_chars,
        []::VARCHAR[] AS log_codes,
        CASE WHEN in_payload THEN '{' || concat_ws(',',
            CASE WHEN responses_api THEN '"input":' ELSE '"messages":' END || input_json,
            CASE WHEN stream THEN '"stream":true' END,
            '"context":' || json_object('conversation_id', conv, 'user_id', end_user),
            CASE WHEN traced THEN '"databricks_options":{"return_trace":true}' END,
            ${usageContextJson(false)}) || '}' END AS request,
        CASE WHEN NOT in_payload THEN NULL
          WHEN kind = 'ok' AND responses_api THEN json_merge_patch(json_object('object', 'response', 'id', 'resp_' || left(md5(i::VARCHAR || '/resp/' || $seed), 24), 'created_at', created,
            'model', ${str(ENTITIES.agent.model)}, 'status', 'completed', 'output', list_concat(
              flatten(list_transform(range(ntools), k -> [
                json_object('type', 'function_call', 'id', 'fc_' || left(call_ids[k + 1], 16), 'call_id', call_ids[k + 1], 'name', tool_names[k + 1], 'arguments', tool_args[k + 1], 'status', 'completed'),
                json_object('type', 'function_call_output', 'call_id', call_ids[k + 1], 'output', '{"ok":true,"records":' || (1 + hash(i, k, 'recs') % 5) || '}')])),
              [json_object('type', 'message', 'id', msg_id, 'role', 'assistant', 'status', 'completed', 'content', [json_object('type', 'output_text', 'text', reply)])])),
            CASE WHEN traced THEN json_object('databricks_output', json_object('databricks_request_id', rid(i, 'agent'), 'trace', ${agentTrace})) ELSE '{}'::JSON END)::VARCHAR
          WHEN kind = 'ok' THEN json_object('messages', list_concat(
              flatten(list_transform(range(ntools), k -> [
                json_object('role', 'assistant', 'content', '', 'id', msg_id || '-t' || k, 'tool_calls', [json_object('id', call_ids[k + 1], 'type', 'function', 'function', json_object('name', tool_names[k + 1], 'arguments', tool_args[k + 1]))]),
                json_object('role', 'tool', 'content', '{"ok":true}', 'tool_call_id', call_ids[k + 1], 'id', msg_id || '-r' || k)])),
              [json_object('role', 'assistant', 'content', reply, 'id', msg_id)]))::VARCHAR
          WHEN kind = 'rate' THEN ${rateLimitBody(`'20 requests per minute per user'`)}::VARCHAR
          WHEN kind = 'agent_error' THEN json_object('error_code', 'INTERNAL_ERROR', 'message', 'Model server raised an exception: TimeoutError: the order service did not answer within 30 s')::VARCHAR
          ELSE json_object('error_code', 'BAD_REQUEST', 'message', 'Invalid input: expected a non-empty "input" or "messages" list.')::VARCHAR
        END AS response
      FROM a`,
    ],
  };

  const embeddings: Stage = {
    label: 'doc_embeddings: batches and queries (sampled 1 in 5)',
    sql: [
      `CREATE TEMP TABLE e1 AS
      WITH r AS (
        SELECT i, ts, CASE WHEN u(i, 'who') < CASE WHEN hour(ts) < 5 THEN 0.92 ELSE 0.3 END THEN ${PID.indexer} ELSE ${PID.search} END AS pid
        FROM req WHERE ep = 'emb'
      )
      SELECT r.*, p.requester, CASE WHEN p.slots > 1 THEN floor(u(i, 'slot') * p.slots)::INT ELSE 0 END AS slot, p.end_user AS fixed_end_user,
        u(i, 'lang') < p.ja_share AS ja, u(i, 'status') AS su
      FROM r JOIN people p USING (pid)`,
      `CREATE TEMP TABLE emb_rows AS
      WITH a AS (
        SELECT *, ${str(ENDPOINTS.embeddings)} AS ep_name,
          coalesce(fixed_end_user, (${strList(END_USERS)})[1 + slot % ${END_USERS.length}]) AS end_user,
          'knowledge-base' AS project, CASE WHEN pid = ${PID.indexer} THEN 'rag-indexing' ELSE 'semantic-search' END AS use_case,
          'none' AS ab_group, true AS has_uc,
          CASE WHEN pid = ${PID.indexer} THEN 4 + floor(u(i, 'batch') * 13)::BIGINT ELSE 1 END AS n_in,
          CASE WHEN pid = ${PID.indexer} AND su < 0.006 THEN 'rate' WHEN su < 0.007 THEN 'auth' ELSE 'ok' END AS kind
        FROM e1
      ), b AS (
        SELECT *,
          CASE WHEN pid = ${PID.indexer} THEN list_transform(range(n_in), k ->
              CASE WHEN ja THEN (${strList(T.EMBED_CHUNKS_JA)})[1 + (hash(i, k, 'chunk', $seed) % ${T.EMBED_CHUNKS_JA.length})::BIGINT]
                   ELSE (${strList(T.EMBED_CHUNKS_EN)})[1 + (hash(i, k, 'chunk', $seed) % ${T.EMBED_CHUNKS_EN.length})::BIGINT] END
              || ' [doc ' || (hash(i, k, 'doc', $seed) % 5000) || '#' || k || ']')
            ELSE [${pick(T.SEARCH_QUERIES, 'i', 'query')}] END AS inputs,
          u(i, 'sample') < 0.2 AND kind <> 'auth' AND (kind <> 'rate' OR u(i, 'lograte') < 0.3) AND NOT ${lagCut} AS in_payload,
          kind = 'ok' AND n_in >= 14 AND u(i, 'big') < 0.01 AS big_response,
          CASE WHEN pid = ${PID.indexer} THEN 'idx-' || strftime(ts, '%Y%m%dT%H') || '-' || lpad((i % 100000)::VARCHAR, 5, '0') END AS crid
        FROM a
      ), c AS (
        SELECT *, ceil(strlen(array_to_string(inputs, ' ')) / 4.0)::BIGINT AS pt, length(array_to_string(inputs, '')) AS chars FROM b
      )
      SELECT i, ts, CASE kind WHEN 'rate' THEN 429 WHEN 'auth' THEN CASE WHEN u(i, 'auth') < 0.6 THEN 401 ELSE 403 END ELSE 200 END AS status,
        kind, ${str(ENTITIES.embed.id)} AS entity_id, requester, crid, rid(i, 'emb') AS rid, false AS stream, in_payload,
        u(i, 'nousage') >= 0.01 AS in_usage, end_user, project, use_case, ab_group, NULL::VARCHAR AS conv, has_uc,
        ${dur(`CASE kind WHEN 'ok' THEN (18 * exp(0.35 * nz(i, 'base')) + 0.06 * pt) * CASE WHEN u(i, 'tail') < 0.01 THEN 3 + 5 * u(i, 'tail2') ELSE 1 END WHEN 'rate' THEN 1 ELSE 0 END`)} AS duration_ms,
        CASE WHEN kind = 'ok' THEN pt ELSE 0 END AS in_tokens, 0::BIGINT AS out_tokens,
        CASE WHEN kind = 'ok' THEN chars ELSE 0 END AS in_chars, 0::BIGINT AS out_chars,
        CASE WHEN big_response THEN ['MAX_RESPONSE_SIZE_EXCEEDED'] ELSE []::VARCHAR[] END AS log_codes,
        CASE WHEN in_payload THEN '{' || concat_ws(',',
            '"input":' || CASE WHEN pid = ${PID.indexer} THEN to_json(inputs) ELSE to_json(inputs[1]) END,
            CASE WHEN crid IS NOT NULL THEN '"client_request_id":' || to_json(crid) END,
            ${usageContextJson(false)}) || '}' END AS request,
        CASE WHEN NOT in_payload OR big_response THEN NULL
          WHEN kind = 'ok' THEN json_object('object', 'list', 'model', ${str(ENTITIES.embed.model)},
            'data', list_transform(range(n_in), k -> json_object('object', 'embedding', 'index', k,
              'embedding', list_transform(range(16), d -> round(u(i * 64 + k, d) * 2 - 1, 5)))),
            'usage', json_object('prompt_tokens', pt, 'total_tokens', pt))::VARCHAR
          ELSE ${rateLimitBody(`'2000 requests per minute for this endpoint'`)}::VARCHAR END AS response
      FROM c`,
    ],
  };

  const payloadInsert = (table: string, src: string, sampling: number) => [
    zstdBodies(duckdbCreateTable(`out.inference.${table}_payload`, PAYLOAD_COLUMNS)),
    `INSERT INTO out.inference.${table}_payload
      SELECT CAST(ts AS DATE), rid, crid, ts, status, ${sampling}, duration_ms, request, response, entity_id, log_codes, requester
      FROM ${src} WHERE in_payload ORDER BY ts, rid`,
  ];
  const usageSelect = (src: string, withConv: boolean) => `
    SELECT ${str(ACCOUNT_ID)}, ${str(WORKSPACE_ID)}, crid, rid, requester, status, ts, in_tokens, out_tokens, in_chars, out_chars,
      ${usageContextMap(withConv)}, stream, entity_id
    FROM ${src} WHERE in_usage`;

  // A handful of bodies are broken on purpose; the chosen rows depend only on ids and seed.
  const breakBodies = (src: string, column: 'request' | 'response', n: number, where: string, set: string) => `
    UPDATE ${src} SET ${column} = ${set}
    WHERE rid IN (
      SELECT rid FROM ${src} WHERE in_payload AND ${column} IS NOT NULL AND ${where}
      ORDER BY hash(rid, ${str(column)}, $seed), rid LIMIT ${n})`;

  const write: Stage = {
    label: 'payload tables and endpoint_usage (ZSTD-compressed bodies)',
    sql: [
      breakBodies('chat_rows', 'response', INVALID_JSON_BODIES.chatTruncatedResponses, 'status = 200', 'left(response, length(response) // 2)'),
      breakBodies('chat_rows', 'response', INVALID_JSON_BODIES.chatPlainTextResponses, 'status IN (502, 503)',
        str('upstream connect error or disconnect/reset before headers. reset reason: connection termination')),
      breakBodies('agent_rows', 'request', INVALID_JSON_BODIES.agentTruncatedRequests, 'status = 200', 'left(request, length(request) // 2)'),
      breakBodies('agent_rows', 'response', INVALID_JSON_BODIES.agentTruncatedResponses, 'status = 200', 'left(response, length(response) // 2)'),
      ...payloadInsert(ENDPOINTS.chat, 'chat_rows', 1.0),
      ...payloadInsert(ENDPOINTS.agent, 'agent_rows', 1.0),
      ...payloadInsert(ENDPOINTS.embeddings, 'emb_rows', 0.2),
      duckdbCreateTable('out.serving.endpoint_usage', ENDPOINT_USAGE_COLUMNS),
      `INSERT INTO out.serving.endpoint_usage
        SELECT * FROM (${usageSelect('chat_rows', true)} UNION ALL ${usageSelect('agent_rows', false)} UNION ALL ${usageSelect('emb_rows', false)})
        ORDER BY 7, 4`,
    ],
  };

  // eslint-disable-next-line no-restricted-syntax -- when the file was written, not the moment the demo is pinned to
  const generatedAt = new Date();
  const meta: Stage = {
    label: 'served_entities and meta tables',
    sql: [
      duckdbCreateTable('out.serving.served_entities', SERVED_ENTITIES_COLUMNS),
      `INSERT INTO out.serving.served_entities VALUES ${servedEntityRows({ start: p.start, chatChange: chatChangeAt, agentChange: agentChangeAt, days: p.days }).join(',\n')}`,
      `CREATE OR REPLACE TABLE out.meta.generation (seed INTEGER, rows BIGINT, days INTEGER, start_time TIMESTAMP, end_time TIMESTAMP, generated_at TIMESTAMP, generator_version VARCHAR)`,
      `INSERT INTO out.meta.generation VALUES (${p.seed}, ${p.rows}, ${p.days}, ${start}, ${end}, ${ts(generatedAt)}, ${str(GENERATOR_VERSION)})`,
      `CREATE OR REPLACE TABLE out.meta.incidents (name VARCHAR, endpoint_name VARCHAR, served_entity_id VARCHAR, start_time TIMESTAMP, end_time TIMESTAMP, description VARCHAR)`,
      ...(p.incidents.length
        ? [`INSERT INTO out.meta.incidents VALUES ${p.incidents.map((x) => `(${str(x.name)}, ${str(x.endpointName)}, ${x.servedEntityId ? str(x.servedEntityId) : 'NULL'}, ${ts(x.start)}, ${ts(x.end)}, ${str(x.description)})`).join(', ')}`]
        : []),
      // The display names of the demo's service principals (their requester is an application id),
      // as a workspace's SCIM API would give them.
      `CREATE OR REPLACE TABLE out.meta.principals (requester VARCHAR, display_name VARCHAR, kind VARCHAR)`,
      `INSERT INTO out.meta.principals VALUES ${SERVICE_PRINCIPALS.map((x) => `(${str(x.requester)}, ${str(x.name)}, 'service_principal')`).join(', ')}`,
      // Rows tests and docs can find by name, whatever the demo's size or end time.
      `CREATE OR REPLACE TABLE out.meta.planted (name VARCHAR, endpoint_name VARCHAR, databricks_request_id VARCHAR, description VARCHAR)`,
      `INSERT INTO out.meta.planted ${PLANTED.map((x) => `(SELECT ${str(x.name)}, ${str(ENDPOINTS[x.endpoint])}, rid, ${str(x.description)}
        FROM ${x.endpoint}_rows WHERE in_payload AND ${x.where} ORDER BY i LIMIT 1)`).join('\n        UNION ALL ')}`,
    ],
  };

  // Live rows: the broken bodies (the only UPDATEs) are the base demo's, and so are the meta tables.
  if (p.live) return [setup, chat, chatBodies, agent, embeddings, { ...write, sql: write.sql.filter((sql) => !/^\s*UPDATE\b/.test(sql)) }];
  return [setup, chat, chatBodies, agent, embeddings, write, meta];
}
