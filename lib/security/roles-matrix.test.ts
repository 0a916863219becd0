import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { captureLogLines, closeServer, resetServerEnv, setServerEnv } from '@/lib/testing/server-env';
import { PROBE_ENDPOINT, PROBE_NEEDLES, PROBE_PII, plantTrustProbe } from '@/lib/testing/trust-probe';
import { CATALOGUE } from '@/queries';

// Route handlers read the process configuration: a private demo, roles, and a trusted proxy.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-roles-'));
process.env.DEMO_DB = path.join(dir, 'demo.duckdb');
process.env.TRUSTED_PROXY = 'true';
const ALL_ROLES = 'admin:lead@example.com;ops:*@ops.example.com;pm:*@pm.example.com;finance:*@finance.example.com';
process.env.ROLES = ALL_ROLES;
delete process.env.PII_REVEAL;

const END = new Date('2026-11-20T00:00:00Z');
const WINDOW = `from=${encodeURIComponent('2026-11-13T00:00:00Z')}&to=${encodeURIComponent('2026-11-20T00:00:00Z')}`;

const VIEWERS = {
  admin: { 'x-forwarded-email': 'lead@example.com' },
  ops: { 'x-forwarded-email': 'sre@ops.example.com' },
  pm: { 'x-forwarded-preferred-username': 'pat@pm.example.com' },
  finance: { 'x-forwarded-user': 'cfo@finance.example.com' },
  anonymous: {},
} satisfies Record<string, Record<string, string>>;
type Viewer = keyof typeof VIEWERS;
const READS_TEXT: Record<Viewer, boolean> = { admin: true, ops: true, pm: true, finance: false, anonymous: false };

type Ctx = { params: Promise<{ id: string }> };
type Route = { GET: (req: Request, ctx: Ctx) => Promise<Response> };
let queries: Route;
let detail: Route;
let payload: Route;
let exportRoute: { GET: (req: Request) => Promise<Response> };

/** Parameters that make each query show as much text as it can. */
const EXTRA: Record<string, string> = {
  'inspector-requests': `x1=${encodeURIComponent('request:$.metadata')}&x2=${encodeURIComponent('response:$.choices[0].message.tool_calls[0].function.arguments')}`,
  'ops-topic-watch': 'keywords=contract',
  'ops-topic-matches': 'keywords=contract',
  'compare-side-by-side': 'max_messages=20',
};

beforeAll(async () => {
  await generateDemo({ path: process.env.DEMO_DB!, rows: 4_000, seed: 21, end: END });
  await plantTrustProbe(process.env.DEMO_DB!, new Date('2026-11-18T12:00:00Z'));
  queries = await import('@/app/api/queries/[id]/route');
  detail = await import('@/app/api/inspector/requests/[id]/route');
  payload = await import('@/app/api/inspector/requests/[id]/payload/route');
  exportRoute = await import('@/app/api/inspector/export/route');
});

afterAll(() => closeServer(dir));
afterEach(resetServerEnv);

const ctx = (id: string): Ctx => ({ params: Promise.resolve({ id }) });
const query = (id: string, qs: string, viewer: Viewer) =>
  queries.GET(new Request(`http://localhost/api/queries/${id}?${qs}`, { headers: VIEWERS[viewer] }), ctx(id));

function expectNoPersonalData(text: string, where: string) {
  for (const needle of PROBE_NEEDLES) expect(text.includes(needle), `${where} holds "${needle}"`).toBe(false);
}


describe('role × query: text only for roles with conversation text, and always masked', () => {
  it.each(Object.keys(CATALOGUE))('%s', async (id) => {
    const def = CATALOGUE[id]!;
    for (const endpoint of ['', `&endpoint=${PROBE_ENDPOINT}`]) {
      const qs = `${WINDOW}${endpoint}${EXTRA[id] ? `&${EXTRA[id]}` : ''}`;
      for (const viewer of Object.keys(VIEWERS) as Viewer[]) {
        const res = await query(id, qs, viewer);
        const body = await res.text();
        if (def.exposesText && !READS_TEXT[viewer]) {
          expect(res.status, `${id} as ${viewer}`).toBe(403);
          expect(JSON.parse(body).error).toMatch(/does not include conversation text/);
          continue;
        }
        expect(res.status, `${id} as ${viewer}: ${body.slice(0, 300)}`).toBe(200);
        expectNoPersonalData(body, `${id} JSON as ${viewer}`);
      }
      const csv = await query(id, `${qs}&format=csv`, 'ops');
      expect(csv.status).toBe(200);
      expectNoPersonalData(await csv.text(), `${id} CSV`);
    }
  });

  it('the probe really is in the answers, masked: previews, extracted columns, side-by-side and error messages', async () => {
    const list = await (await query('inspector-requests', `${WINDOW}&endpoint=${PROBE_ENDPOINT}&${EXTRA['inspector-requests']}`, 'ops')).json();
    expect(list.rows).toHaveLength(4);
    const first = list.rows.find((r: { databricks_request_id: string }) => r.databricks_request_id === 'probe-a-1');
    expect(first.last_user_message).toBe('Send the contract to [email], call [phone] or charge [card number]. Copy [email].');
    expect(first.x1).toContain('[email]');
    expect(first.x1).toContain('1713229821507930112');
    expect(first.x2).toBe('{"to":"[email]"}');
    const sbs = await (await query('compare-side-by-side', `${WINDOW}&endpoint=${PROBE_ENDPOINT}`, 'pm')).json();
    expect(sbs.rows.map((r: { served_entity_id: string }) => r.served_entity_id).sort()).toEqual(['probe-entity-a', 'probe-entity-b']);
    for (const r of sbs.rows) expect(r.answer_text).toBe('I will write to [email] and call [phone].');
    const errors = await (await query('ops-error-messages', `${WINDOW}&endpoint=${PROBE_ENDPOINT}`, 'ops')).json();
    // (ops-error-messages folds numbers in SQL, so the phone is gone before the masker sees it.)
    expect(errors.rows.map((r: { message_pattern: string }) => r.message_pattern)).toEqual([expect.stringMatching(/^Invalid recipient \[email\] for phone /)]);
  });
});

describe('search cannot test for a masked value', () => {
  it('a finance viewer cannot count keyword matches at all (the email was recovered one character at a time)', async () => {
    for (const keywords of ['oliver.brown@example.co.uk', 'oliver.brown@e', 'contract']) {
      const res = await query('ops-topic-watch', `${WINDOW}&keywords=${encodeURIComponent(keywords)}`, 'finance');
      expect(res.status, keywords).toBe(403);
    }
  });

  it('an ops viewer cannot confirm a masked email, phone or card by searching for it, nor grow one character by character', async () => {
    const cases: [string, string, string][] = [
      ['inspector-requests', 'q', PROBE_PII.email],
      ['inspector-requests', 'q', 'oliver.brown@e'],
      ['inspector-requests', 'q', 'brown＠example'],
      ['inspector-requests', 'q', 'brown\\u0040example'],
      ['inspector-requests', 'q', '7946 0'],
      ['inspector-requests', 'q', '４１１'],
      ['inspector-match-count', 'q', PROBE_PII.email],
      ['inspector-match-count', 'q', 'oliver.brown@e'],
      ['ops-topic-watch', 'keywords', `contract, ${PROBE_PII.email}`],
      ['ops-topic-matches', 'keywords', '+44 20 79'],
    ];
    for (const [id, param, term] of cases) {
      const res = await query(id, `${WINDOW}&${param}=${encodeURIComponent(term)}`, 'ops');
      const body = await res.json();
      expect(res.status, `${id} ${param}=${term}`).toBe(403);
      expect(body.problems[0].path).toBe(param);
      expect(body.problems[0].message).toMatch(/needs permission to reveal/);
      expect(body).not.toHaveProperty('rows');
    }
    // The same viewer may search ordinary words.
    const ok = await query('inspector-requests', `${WINDOW}&endpoint=${PROBE_ENDPOINT}&q=contract`, 'ops');
    expect(ok.status).toBe(200);
    expect((await ok.json()).rows).toHaveLength(4);
    const count = await query('inspector-match-count', `${WINDOW}&endpoint=${PROBE_ENDPOINT}&q=contract`, 'ops');
    expect((await count.json()).rows).toEqual([{ matches: 4 }]);
    // A role without conversation text cannot count keyword matches.
    expect((await query('inspector-match-count', `${WINDOW}&endpoint=${PROBE_ENDPOINT}&q=contract`, 'finance')).status).toBe(403);
  });

  it('refuses the export the same search, and an admin too while PII_REVEAL is off', async () => {
    const res = await exportRoute.GET(new Request(`http://localhost/api/inspector/export?${WINDOW}&q=${encodeURIComponent(PROBE_PII.email)}`, { headers: VIEWERS.ops }));
    expect(res.status).toBe(403);
    expect((await query('inspector-requests', `${WINDOW}&q=${encodeURIComponent(PROBE_PII.email)}`, 'admin')).status).toBe(403);
  });

  it('lets a viewer who may reveal search for personal data, and writes the search to the audit log', async () => {
    setServerEnv({ PII_REVEAL: 'all' });
    const logs = captureLogLines();
    const res = await query('inspector-requests', `${WINDOW}&endpoint=${PROBE_ENDPOINT}&q=${encodeURIComponent(PROBE_PII.email)}`, 'admin');
    expect(res.status).toBe(200);
    expect((await res.json()).rows.length).toBe(4);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'pii.search', who: 'lead@example.com', queryId: 'inspector-requests', params: ['q'] }));
    expect(JSON.stringify(logs)).not.toContain(PROBE_PII.email);
    expect((await query('inspector-requests', `${WINDOW}&q=${encodeURIComponent(PROBE_PII.email)}`, 'ops')).status).toBe(403);
  });
});

describe('role × inspector routes', () => {
  const get = (route: Route, id: string, qs: string, viewer: Viewer) =>
    route.GET(new Request(`http://localhost/api/inspector/requests/${id}?${qs}`, { headers: VIEWERS[viewer] }), ctx(id));

  it('gives detail and bodies to roles with conversation text only, masked, with every number intact', async () => {
    for (const viewer of Object.keys(VIEWERS) as Viewer[]) {
      const meta = await get(detail, 'probe-a-1', `endpoint=${PROBE_ENDPOINT}&${WINDOW}`, viewer);
      const bodies = await get(payload, 'probe-a-1', `endpoint=${PROBE_ENDPOINT}&${WINDOW}`, viewer);
      const download = await get(payload, 'probe-a-1', `endpoint=${PROBE_ENDPOINT}&${WINDOW}&download=request`, viewer);
      if (!READS_TEXT[viewer]) {
        for (const r of [meta, bodies, download]) expect(r.status, viewer).toBe(403);
        continue;
      }
      expect([meta.status, bodies.status, download.status], viewer).toEqual([200, 200, 200]);
      const b = await bodies.json();
      expectNoPersonalData(`${b.request}${b.response}`, `bodies as ${viewer}`);
      const file = await download.text();
      expectNoPersonalData(file, `download as ${viewer}`);
      expect(file).toContain('"trace_ns":1713229821507930112');
      expect(JSON.parse(file).metadata).toEqual({ '[email]': '[card number]', trace_ns: expect.any(Number) });
    }
  });

  it('logs a reveal under the identity the role came from, whichever header carried it', async () => {
    setServerEnv({ PII_REVEAL: 'all', ROLES: 'admin:lead@example.com;ops:*@ops.example.com' });
    try {
      const logs = captureLogLines();
      // Only X-Forwarded-User: once, the role was read from it but the audit log said "anonymous".
      const res = await payload.GET(new Request(`http://localhost/api/inspector/requests/probe-a-1?endpoint=${PROBE_ENDPOINT}&${WINDOW}&reveal=1`, { headers: { 'x-forwarded-user': 'lead@example.com' } }), ctx('probe-a-1'));
      expect(res.status).toBe(200);
      expect((await res.json()).request).toContain(PROBE_PII.email);
      expect(logs).toContainEqual(expect.objectContaining({ event: 'pii.reveal', who: 'lead@example.com' }));
      const denied = await payload.GET(new Request(`http://localhost/api/inspector/requests/probe-a-1?endpoint=${PROBE_ENDPOINT}&${WINDOW}&reveal=1`, { headers: { 'x-forwarded-user': 'sre@ops.example.com' } }), ctx('probe-a-1'));
      expect(denied.status).toBe(403);
      expect(logs).toContainEqual(expect.objectContaining({ event: 'pii.reveal_denied', who: 'sre@ops.example.com', role: 'ops' }));
    } finally {
      setServerEnv({ ROLES: ALL_ROLES });
    }
  });

  it('exports JSONL to roles with conversation text only, masked', async () => {
    for (const viewer of Object.keys(VIEWERS) as Viewer[]) {
      const res = await exportRoute.GET(new Request(`http://localhost/api/inspector/export?${WINDOW}&endpoint=${PROBE_ENDPOINT}`, { headers: VIEWERS[viewer] }));
      if (!READS_TEXT[viewer]) {
        expect(res.status, viewer).toBe(403);
        continue;
      }
      expect(res.status, viewer).toBe(200);
      const text = await res.text();
      expect(text.trim().split('\n')).toHaveLength(3);
      expectNoPersonalData(text, `export as ${viewer}`);
      expect(text).toContain('[email]');
    }
  });
});
