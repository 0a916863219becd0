import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawContext, renderSql } from './render';

/*
 * Percentiles from ~2% latency bins (queries/macros/bin_percentiles.sql), the definition ops-kpis
 * and ops-latency-over-time use on every plan: the k-th smallest value (k = ceil(q × n)), exact
 * where its bin holds one or two values, otherwise within the bin's width (e^(1/50) ≈ 2.02%).
 */
const ctx = rawContext({ payload: [], endpointUsage: 'a.b.c', servedEntities: 'a.b.d' });
const statement = renderSql(`WITH v AS (SELECT g, ms FROM samples),
bins AS (SELECT g, {{latency_bin(ms)}} AS bin, count(*) AS n, min(ms) AS lo, max(ms) AS hi FROM v GROUP BY 1, 2),
ranked AS (
  SELECT b.*,
    sum(b.n) OVER (PARTITION BY b.g ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
    sum(b.n) OVER (PARTITION BY b.g) AS total
  FROM bins b
)
SELECT r.g, {{bin_percentiles(r)}} FROM ranked r GROUP BY r.g ORDER BY r.g`, ctx);

let instance: DuckDBInstance;
let db: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});
afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
});

/** A deterministic stream of numbers in [0, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function percentiles(groups: Record<string, number[]>): Promise<Record<string, { p50_ms: number; p95_ms: number; p99_ms: number }>> {
  await db.run('CREATE OR REPLACE TABLE samples (g VARCHAR, ms BIGINT)');
  const appender = await db.createAppender('samples');
  for (const [g, values] of Object.entries(groups)) for (const v of values) {
    appender.appendVarchar(g);
    appender.appendBigInt(BigInt(v));
    appender.endRow();
  }
  appender.closeSync();
  const rows = (await db.runAndReadAll(statement)).getRowObjectsJson() as { g: string; p50_ms: number; p95_ms: number; p99_ms: number }[];
  return Object.fromEntries(rows.map((r) => [r.g, { p50_ms: Number(r.p50_ms), p95_ms: Number(r.p95_ms), p99_ms: Number(r.p99_ms) }]));
}

const kth = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!;

describe('percentiles from latency bins', () => {
  it('are exact where the bin holds one or two values, and for a single request', async () => {
    const got = await percentiles({
      one: [1234],
      spread: [10, 100, 1000, 10_000, 100_000],
      pairs: [500, 510, 2000, 2030],
      zero: [0, 0, 0, 7],
    });
    expect(got.one).toEqual({ p50_ms: 1234, p95_ms: 1234, p99_ms: 1234 });
    expect(got.spread).toEqual({ p50_ms: 1000, p95_ms: 100_000, p99_ms: 100_000 });
    // 500 and 510 share a bin, as do 2000 and 2030: a bin's two values are its min and max.
    expect(got.pairs).toEqual({ p50_ms: 510, p95_ms: 2030, p99_ms: 2030 });
    expect(got.zero!.p50_ms).toBe(0);
    expect(got.zero!.p99_ms).toBe(7);
  });

  it('are within the ~2% bin of the exact k-th smallest value over skewed latencies', async () => {
    const next = uniform(17);
    // Log-normal-ish latencies from 40 ms to a minute, with a slow tail.
    const skewed = Array.from({ length: 20_000 }, () => Math.round(Math.exp(5 + 2.2 * next() + (next() < 0.03 ? 2.5 * next() : 0))));
    const dense = Array.from({ length: 5_000 }, () => 800 + Math.round(40 * next()));
    const got = await percentiles({ skewed, dense });
    for (const [g, values] of Object.entries({ skewed, dense })) {
      for (const [q, key] of [[0.5, 'p50_ms'], [0.95, 'p95_ms'], [0.99, 'p99_ms']] as const) {
        const exact = kth(values, q);
        const estimate = got[g]![key];
        expect(Math.abs(estimate - exact) / exact, `${g} ${key}: ${estimate} vs ${exact}`).toBeLessThanOrEqual(Math.exp(1 / 50) - 1);
      }
    }
    // Not a trivially exact case: some estimate differs from the k-th value.
    expect(['p50_ms', 'p95_ms', 'p99_ms'].some((k) => got.skewed![k as 'p50_ms'] !== kth(skewed, k === 'p50_ms' ? 0.5 : k === 'p95_ms' ? 0.95 : 0.99))).toBe(true);
  });
});
