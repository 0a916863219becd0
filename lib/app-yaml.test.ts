import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG_VARIABLES, loadConfig } from './config';
import { listenAddress } from '../scripts/listen-address.mjs';

/**
 * The app.yaml settings Databricks Apps document: `command` (a sequence, run without a shell) and
 * `env` (a list of `name` with either `value` or `valueFrom` naming an app resource).
 */
const appYamlSchema = z.object({
  command: z.array(z.string().min(1)).min(1).optional(),
  env: z.array(z.union([
    z.object({ name: z.string().regex(/^[A-Z_][A-Z0-9_]*$/), value: z.string() }).strict(),
    z.object({ name: z.string().regex(/^[A-Z_][A-Z0-9_]*$/), valueFrom: z.string().min(1) }).strict(),
  ])).optional(),
}).strict();

/** What the platform injects into every app; app.yaml must not override these. */
const PLATFORM = ['DATABRICKS_HOST', 'DATABRICKS_APP_PORT', 'DATABRICKS_APP_NAME', 'DATABRICKS_CLIENT_ID', 'DATABRICKS_CLIENT_SECRET', 'DATABRICKS_WORKSPACE_ID'];

const appYaml = appYamlSchema.parse(parse(fs.readFileSync('app.yaml', 'utf8')));

describe('app.yaml', () => {
  it('matches the documented schema and starts through npm start', () => {
    expect(appYaml.command).toEqual(['npm', 'run', 'start']);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.build).toBeTruthy();
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });

  it('sets only variables the server reads, and takes the warehouse from an app resource', () => {
    for (const e of appYaml.env ?? []) expect([...CONFIG_VARIABLES, 'LOG_LEVEL']).toContain(e.name);
    expect(appYaml.env).toContainEqual({ name: 'DATABRICKS_WAREHOUSE_ID', valueFrom: 'sql-warehouse' });
    expect(JSON.stringify(appYaml)).not.toMatch(/dapi[0-9a-f]{8,}|secret/i);
  });

  it('gives a valid Databricks configuration once the platform injects its variables', () => {
    const env: Record<string, string> = {
      DATABRICKS_HOST: 'https://adb-123.4.azuredatabricks.net',
      DATABRICKS_APP_PORT: '8000',
      DATABRICKS_CLIENT_ID: 'app-sp-id',
      DATABRICKS_CLIENT_SECRET: 'app-sp-secret',
    };
    for (const e of appYaml.env ?? []) env[e.name] = 'value' in e ? e.value : 'abc123def4567890';
    const config = loadConfig(env);
    expect(config.engine).toBe('databricks');
    expect(config.databricks).toMatchObject({ host: 'adb-123.4.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc123def4567890', auth: { kind: 'oauth-m2m' } });
    expect(listenAddress(env)).toEqual({ host: '0.0.0.0', port: '8000' });
    for (const name of PLATFORM) expect(appYaml.env?.some((e) => e.name === name)).toBe(false);
  });
});

describe('listenAddress', () => {
  it('binds every interface on the Databricks Apps port, localhost elsewhere, HOST and PORT when given', () => {
    expect(listenAddress({ DATABRICKS_APP_PORT: '8000', PORT: '3000' })).toEqual({ host: '0.0.0.0', port: '8000' });
    expect(listenAddress({})).toEqual({ host: '127.0.0.1', port: '3000' });
    expect(listenAddress({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ host: '0.0.0.0', port: '8080' });
  });
});
