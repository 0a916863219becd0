import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import { loadConfig } from '@/lib/config';
import type { Warehouse } from '@/lib/warehouse/types';
import { copiedId, copiedIdSql, replicateDemo } from './replicate';

describe('copiedId', () => {
  it('keeps the original and moves the first two hex digits for each copy', () => {
    const id = 'f3a1c2d4-0000-1111-2222-333344445555';
    expect(copiedId(id, 0)).toBe(id);
    expect(copiedId(id, 1)).toBe('f4a1c2d4-0000-1111-2222-333344445555');
    expect(copiedId(id, 13)).toBe('00a1c2d4-0000-1111-2222-333344445555');
    // A hundred copies (the 100M benchmark) stay distinct.
    expect(new Set(Array.from({ length: 100 }, (_, k) => copiedId(id, k))).size).toBe(100);
  });
});

describe('replicateDemo', () => {
  let fixture: DemoFixture;
  let copy: Warehouse;

  beforeAll(async () => {
    fixture = await openDemoFixture({ rows: 5_000, seed: 3 });
    const target = path.join(fixture.dir, 'x3.duckdb');
    await replicateDemo({ source: fixture.demoPath, target, factor: 3, memoryLimit: '1GB' });
    copy = createDuckdbWarehouse(openDuckdb(loadConfig({ DEMO_DB: target, DUCKDB_MEMORY_LIMIT: '1GB' }).duckdb));
  });

  afterAll(async () => {
    await copy?.close();
    await fixture?.close();
  });

  const one = async (wh: Warehouse, sql: string) => (await wh.run(sql, {})).rows[0]!;

  it('holds factor times every request table, with unique ids and the other tables as they were', async () => {
    const counts = `SELECT (SELECT count(*) FROM demo.inference.chat_assistant_payload) AS chat,
      (SELECT count(DISTINCT databricks_request_id) FROM demo.inference.chat_assistant_payload) AS chat_ids,
      (SELECT count(*) FROM demo.serving.endpoint_usage) AS usage,
      (SELECT count(*) FROM demo.serving.served_entities) AS entities,
      (SELECT count(*) FROM demo.meta.incidents) AS incidents`;
    const a = await one(fixture.warehouse, counts);
    const b = await one(copy, counts);
    expect(b).toEqual({ chat: Number(a.chat) * 3, chat_ids: Number(a.chat) * 3, usage: Number(a.usage) * 3, entities: a.entities, incidents: a.incidents });
  });

  it('moves ids in SQL exactly as copiedId does, for a hundred copies', async () => {
    const ids = ['f3a1c2d4-0000-1111-2222-333344445555', '0A9bffff-aaaa-bbbb-cccc-dddddddddddd'];
    for (const id of ids) {
      const { rows } = await fixture.warehouse.run(`SELECT k, ${copiedIdSql('id', 'k')} AS copied FROM (SELECT CAST(:id AS VARCHAR) AS id) i, range(100) AS c(k) ORDER BY k`, { id });
      expect(rows.map((r) => r.copied)).toEqual(Array.from({ length: 100 }, (_, k) => copiedId(id, k)));
    }
  });

  it('keeps every payload row joined to its usage row, on its own date', async () => {
    const sql = `SELECT count(*) AS rows, count(u.databricks_request_id) AS joined, count(*) FILTER (WHERE p.request_date <> CAST(p.request_time AS DATE)) AS wrong_date
      FROM demo.inference.support_agent_payload p LEFT JOIN demo.serving.endpoint_usage u USING (databricks_request_id)`;
    const a = await one(fixture.warehouse, sql);
    const b = await one(copy, sql);
    expect(b).toEqual({ rows: Number(a.rows) * 3, joined: Number(a.joined) * 3, wrong_date: 0 });
  });
});
