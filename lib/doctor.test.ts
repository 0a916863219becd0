import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { formatChecks, runDoctor } from './doctor';

let demo: DemoFixture;
beforeAll(async () => { demo = await openDemoFixture({ rows: 5_000, seed: 3 }); });
afterAll(async () => { await demo?.close(); });

const doctorCli = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/doctor.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('runDoctor', () => {
  it('passes every check on the demo warehouse', async () => {
    const checks = await runDoctor(demo.config, demo.warehouse);
    expect(checks.map((c) => [c.check.split(' ')[0], c.status])).toEqual([
      ['connect', 'ok'], ['payload', 'ok'], ['payload', 'ok'], ['payload', 'ok'], ['payload', 'ok'], ['endpoint', 'ok'], ['served', 'ok'],
    ]);
    expect(formatChecks(checks)).toMatch(/All checks passed\.$/);
  });

  it('warns, without failing, when a system table is missing', async () => {
    const config = { ...demo.config, endpointUsageTable: 'demo.serving.not_there' };
    const checks = await runDoctor(config, demo.warehouse);
    expect(checks.find((c) => c.check.includes('not_there'))).toMatchObject({ status: 'warn', detail: expect.stringMatching(/not found/) });
    expect(checks.some((c) => c.status === 'fail')).toBe(false);
  });

  it('fails when no payload table is found', async () => {
    const config = loadConfig({ DEMO_DB: demo.demoPath, PAYLOAD_SCHEMA: 'demo.serving' });
    const checks = await runDoctor(config, demo.warehouse);
    expect(checks.find((c) => c.check === 'payload tables')).toMatchObject({ status: 'fail' });
    expect(formatChecks(checks)).toMatch(/1 check\(s\) failed/);
  });
});

describe('npm run doctor', () => {
  it('exits 0 and prints the table on a good configuration', () => {
    const r = doctorCli({ DEMO_DB: demo.demoPath });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok {4}payload demo\.inference\.chat_assistant_payload/);
  });

  it('exits 2 naming the variable when the configuration is bad, including SQL in a table name', () => {
    const r = doctorCli({ DEMO_DB: demo.demoPath, SERVED_ENTITIES_TABLE: 'demo.serving.x; DROP TABLE y' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SERVED_ENTITIES_TABLE: expected the served entities table as catalog\.schema\.table/);
  });

  it('exits 1 naming the folder when DATA_DIR does not exist', () => {
    const r = doctorCli({ DATA_DIR: path.join(demo.dir, 'does-not-exist') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/FAIL {2}connect {2}embedded DuckDB \(DATA_DIR .*does-not-exist\): DATA_DIR does not exist/);
  });
});
