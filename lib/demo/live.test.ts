import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { CATALOGUE } from '@/queries';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { openEmbeddedWarehouse } from '@/lib/engine/embedded-snapshot';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';
import { ENTITIES } from './catalog';
import { LiveDemo, attachLiveDemo } from './live';

const MINUTE = 60_000;

/** A live engine over a copy of the fixture's demo (its own live file beside it). */
async function liveEngine(demo: DemoFixture, name: string): Promise<{ warehouse: Warehouse; live: LiveDemo; livePath: string }> {
  const copy = path.join(demo.dir, `${name}.duckdb`);
  fs.copyFileSync(demo.demoPath, copy);
  const config = loadConfig({ DEMO_DB: copy, DEMO_LIVE: 'on', DUCKDB_MEMORY_LIMIT: '1GB' });
  const warehouse = createDuckdbWarehouse(openDuckdb(config.duckdb, { attachDemo: (conn) => attachLiveDemo(conn, copy, config.duckdb.livePath!) }));
  return { warehouse, live: new LiveDemo(warehouse), livePath: config.duckdb.livePath! };
}

const liveRows = async (w: Warehouse, from: Date, to: Date) => (await w.run(
  `SELECT databricks_request_id, request_time, status_code, execution_duration_ms, served_entity_id, requester, request, response
   FROM demo_live.inference.chat_assistant_payload WHERE request_time >= CAST(:a AS TIMESTAMP) AND request_time < CAST(:b AS TIMESTAMP) ORDER BY databricks_request_id`,
  { a: from.toISOString().replace('T', ' ').replace('Z', ''), b: to.toISOString().replace('T', ' ').replace('Z', '') },
)).rows;

describe('the live demo', () => {
  let demo: DemoFixture;
  const engines: Warehouse[] = [];
  beforeAll(async () => {
    demo = await openDemoFixture({ rows: 20_000, seed: 3 });
  });
  afterAll(async () => {
    for (const w of engines) await w.close();
    await demo?.close();
  });

  it('tops up from the demo\'s end, keeps generated tables under their names and counts both', async () => {
    const { warehouse, live, livePath } = await liveEngine(demo, 'a');
    engines.push(warehouse);
    const until = new Date(demo.end.getTime() + 90 * MINUTE);
    const fed = await live.feedUntil(until);
    expect(fed).toMatchObject({ from: demo.end.toISOString(), to: until.toISOString(), batches: 1 });
    expect(fed!.rows).toBeGreaterThan(20);
    expect(fs.existsSync(livePath)).toBe(true);
    const { rows: [c] } = await warehouse.run(`SELECT
      (SELECT count(*) FROM demo.inference.chat_assistant_payload) AS all_rows,
      (SELECT count(*) FROM demo_base.inference.chat_assistant_payload) AS base_rows,
      (SELECT count(*) FROM demo_live.inference.chat_assistant_payload) AS live_rows,
      (SELECT min(request_time) FROM demo_live.inference.chat_assistant_payload) AS first_live,
      (SELECT count(*) FROM demo.serving.endpoint_usage WHERE request_time >= CAST(:end AS TIMESTAMP)) AS live_usage`, { end: demo.end.toISOString().replace('T', ' ').replace('Z', '') });
    expect(Number(c!.all_rows)).toBe(Number(c!.base_rows) + Number(c!.live_rows));
    expect(Number(c!.live_rows)).toBeGreaterThan(5);
    expect(Date.parse(String(c!.first_live))).toBeGreaterThanOrEqual(demo.end.getTime());
    expect(Number(c!.live_usage)).toBeGreaterThan(Number(c!.live_rows) / 2);
    // Nothing more to do until the next whole minute; the feed remembers where it stopped.
    expect(await live.feedUntil(new Date(until.getTime() + 30_000))).toBeNull();
    expect((await live.fedUntil()).toISOString()).toBe(until.toISOString());
  });

  it('gives a minute the same rows whether it was fed in one batch or minute by minute', async () => {
    const one = await liveEngine(demo, 'one');
    const steps = await liveEngine(demo, 'steps');
    engines.push(one.warehouse, steps.warehouse);
    const until = new Date(demo.end.getTime() + 60 * MINUTE);
    await one.live.feedUntil(until);
    for (const m of [7, 8, 31, 60]) await steps.live.feedUntil(new Date(demo.end.getTime() + m * MINUTE));
    const a = await liveRows(one.warehouse, demo.end, until);
    const b = await liveRows(steps.warehouse, demo.end, until);
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('replays a latency spike from now on: claude-sonnet runs about four times slower in it', async () => {
    const { warehouse, live } = await liveEngine(demo, 'spike');
    engines.push(warehouse);
    const at = new Date(demo.end.getTime() + 120 * MINUTE);
    await live.feedUntil(at);
    const incident = await live.replay('latency_spike', at, 120);
    expect(incident).toMatchObject({ name: 'latency_spike', servedEntityId: ENTITIES.claude.id, end: new Date(at.getTime() + 120 * MINUTE) });
    await live.feedUntil(new Date(at.getTime() + 120 * MINUTE));
    const median = async (from: Date, to: Date) => Number((await warehouse.run(
      `SELECT median(execution_duration_ms) AS m, count(*) AS n FROM demo.inference.chat_assistant_payload
       WHERE served_entity_id = :e AND status_code = 200 AND request_time >= CAST(:a AS TIMESTAMP) AND request_time < CAST(:b AS TIMESTAMP)`,
      { e: ENTITIES.claude.id, a: from.toISOString().replace('T', ' ').replace('Z', ''), b: to.toISOString().replace('T', ' ').replace('Z', '') },
    )).rows[0]!.m);
    const before = await median(demo.end, at);
    const during = await median(at, incident.end);
    expect(during / before).toBeGreaterThan(2.5);
    const { rows } = await warehouse.run(`SELECT name, start_time FROM demo.meta.incidents WHERE name = 'latency_spike' ORDER BY start_time`, {});
    expect(rows.map((r) => Date.parse(String(r.start_time)))).toContain(at.getTime());
  });

  it('shows fed rows on the charts past the rollups, which cover up to their last fact', async () => {
    const copy = path.join(demo.dir, 'rolled.duckdb');
    fs.copyFileSync(demo.demoPath, copy);
    const config = loadConfig({ DEMO_DB: copy, DEMO_LIVE: 'on', DUCKDB_MEMORY_LIMIT: '1GB', CLOCK_NOW: process.env.CLOCK_NOW });
    const engine = await openEmbeddedWarehouse(config);
    engines.push(engine);
    const live = new LiveDemo(engine);
    const until = new Date(demo.end.getTime() + 120 * MINUTE);
    await live.feedUntil(until);
    const def = CATALOGUE['requests-over-time']!;
    const parsed = parseQueryInput(def, new URLSearchParams({ from: new Date(demo.end.getTime() - 120 * MINUTE).toISOString(), to: until.toISOString(), split: 'none', bucket: 'hour' }), until, config);
    const result = await runQuery(def, parsed, { warehouse: engine, config });
    expect(result.plan.requests).toBe('hybrid');
    expect(Date.parse(result.plan.factsCoverEnd!)).toBeLessThanOrEqual(demo.end.getTime());
    const after = result.rows.filter((r) => Date.parse(String(r.bucket)) >= demo.end.getTime() + 60 * MINUTE);
    expect(after.reduce((a, r) => a + Number(r.requests), 0)).toBeGreaterThan(5);
  });
});
