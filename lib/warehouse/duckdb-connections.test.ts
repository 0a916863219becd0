import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDuckdbWarehouse } from './duckdb';

const warehouse = createDuckdbWarehouse(DuckDBInstance.create(':memory:'), { statementTimeoutMs: 2_000 });
afterAll(() => warehouse.close());

// A session variable lives on one connection: it tells whether the next statement got the same one.
const probe = async () => (await warehouse.run(`SELECT getvariable('lens_probe') AS v`, {})).rows[0]!.v;

describe('the embedded engine keeps connections between statements', () => {
  it('runs the next statement on the connection the last one finished on', async () => {
    await warehouse.run(`SET VARIABLE lens_probe = 42`, {});
    expect(await probe()).toBe(42);
  });

  it('drops a connection whose statement failed, so no state of it reaches the next call', async () => {
    await warehouse.run(`SET VARIABLE lens_probe = 7`, {});
    expect(await probe()).toBe(7);
    await expect(warehouse.run(`SELECT * FROM no_such_table`, {})).rejects.toThrow('does not exist');
    expect(await probe()).toBeNull();
  });

  it('drops a connection a timeout interrupted, and answers the next statement', async () => {
    await warehouse.run(`SET VARIABLE lens_probe = 9`, {});
    await expect(warehouse.run(`SELECT count(*) FROM range(100000000000) a`, {})).rejects.toThrow(/statement timeout|cancelled/);
    expect(await probe()).toBeNull();
    expect((await warehouse.run(`SELECT 1 AS one`, {})).rows).toEqual([{ one: 1 }]);
  });

  it('gives concurrent statements their own connections', async () => {
    const rows = await Promise.all([1, 2, 3].map((n) => warehouse.run(`SELECT :n AS n`, { n })));
    expect(rows.map((r) => r.rows[0]!.n)).toEqual([1, 2, 3]);
  });
});
