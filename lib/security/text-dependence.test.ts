import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { expectSameRows } from '@/lib/testing/same-rows';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import type { AppConfig } from '@/lib/config';
import { CATALOGUE } from '@/queries';

/**
 * A query that is not marked `exposesText` is open to every role, so its answer must not depend on
 * what people wrote. Two demos identical but for the letters of the conversation text (same
 * lengths, same JSON structure, same escapes) must give it the same rows. A query that reads the
 * text (a keyword count, a preview) gives different rows and must be marked.
 */

const END = new Date('2026-11-20T00:00:00Z');
const WINDOW = { from: '2026-10-21T00:00:00Z', to: '2026-11-20T00:00:00Z' };
/** Search-like parameters, so a query that matches text shows it. */
const TEXT_PARAMS: Record<string, string> = { keywords: 'refund, password', q: 'refund' };

/** Shifts every letter of the string values of conversation keys by one (a→b, z→a), leaving escapes alone. */
function rotateConversationText(body: string): string {
  return body.replace(/("(?:content|text|prompt|input)"\s*:\s*")((?:[^"\\]|\\.)*)"/g, (_m, head: string, value: string) => {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (ch === '\\') {
        const len = value[i + 1] === 'u' ? 6 : 2;
        out += value.slice(i, i + len);
        i += len - 1;
      } else if (/[a-y]/i.test(ch)) out += String.fromCharCode(ch.charCodeAt(0) + 1);
      else if (ch === 'z' || ch === 'Z') out += String.fromCharCode(ch.charCodeAt(0) - 25);
      else out += ch;
    }
    return `${head}${out}"`;
  });
}

async function rotateDemo(demoPath: string): Promise<number> {
  const instance = await DuckDBInstance.create(demoPath);
  const c = await instance.connect();
  let changed = 0;
  try {
    const tables = (await c.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'inference' AND table_name LIKE '%_payload'`)).getRowObjectsJS().map((r) => String(r.table_name));
    for (const t of tables) {
      const rows = (await c.runAndReadAll(`SELECT databricks_request_id AS id, request, response FROM inference.${t}`)).getRowObjectsJS();
      await c.run('CREATE OR REPLACE TEMP TABLE rotated (id VARCHAR, request VARCHAR, response VARCHAR)');
      for (let i = 0; i < rows.length; i += 200) {
        const batch = rows.slice(i, i + 200);
        const params: Record<string, string | null> = {};
        const values = batch.map((r, k) => {
          params[`i${k}`] = String(r.id);
          params[`q${k}`] = typeof r.request === 'string' ? rotateConversationText(r.request) : null;
          params[`s${k}`] = typeof r.response === 'string' ? rotateConversationText(r.response) : null;
          if (params[`q${k}`] !== r.request || params[`s${k}`] !== r.response) changed++;
          return `($i${k}, $q${k}, $s${k})`;
        });
        await c.run(`INSERT INTO rotated VALUES ${values.join(', ')}`, params);
      }
      await c.run(`UPDATE inference.${t} SET request = r.request, response = r.response FROM rotated r WHERE inference.${t}.databricks_request_id = r.id`);
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
  return changed;
}

let plain: DemoFixture;
let rotated: DemoFixture;
let changedRows = 0;
const rawOnly = (c: AppConfig): AppConfig => ({ ...c, rollups: { mode: 'off', schema: null } });

beforeAll(async () => {
  plain = await openDemoFixture({ rows: 4_000, seed: 17, end: END });
  rotated = await openDemoFixture({ rows: 4_000, seed: 17, end: END, prepare: async (demoPath) => { changedRows = await rotateDemo(demoPath); } });
});

afterAll(async () => {
  await plain?.close();
  await rotated?.close();
});

async function rowsOf(fixture: DemoFixture, id: string, extra: Record<string, string>) {
  const def = CATALOGUE[id]!;
  const config = rawOnly(fixture.config);
  const parsed = parseQueryInput(def, new URLSearchParams({ ...WINDOW, ...extra }), END, config);
  return (await runQuery(def, parsed, { warehouse: fixture.warehouse, config })).rows;
}

describe('queries open to every role do not depend on conversation text', () => {
  it('the two demos differ in their text only', async () => {
    expect(changedRows).toBeGreaterThan(2_000);
    const a = await plain.warehouse.run('SELECT sum(length(request)) AS q, sum(length(response)) AS s, count(*) AS n FROM demo.inference.chat_assistant_payload', {});
    const b = await rotated.warehouse.run('SELECT sum(length(request)) AS q, sum(length(response)) AS s, count(*) AS n FROM demo.inference.chat_assistant_payload', {});
    expect(b.rows).toEqual(a.rows);
  });

  it.each(Object.keys(CATALOGUE).filter((id) => !CATALOGUE[id]!.exposesText))('%s gives the same rows', async (id) => {
    const def = CATALOGUE[id]!;
    const extra = Object.fromEntries(Object.entries(TEXT_PARAMS).filter(([k]) => k in def.params));
    // The same rows, to the last bits a different order of addition may change in a sum.
    expectSameRows(await rowsOf(rotated, id, extra), await rowsOf(plain, id, extra));
  });

  it('does tell a text query apart: the topic watch counts change with the text', async () => {
    const keywords = { keywords: 'refund, password' };
    expect(await rowsOf(rotated, 'ops-topic-watch', keywords)).not.toEqual(await rowsOf(plain, 'ops-topic-watch', keywords));
  });
});
