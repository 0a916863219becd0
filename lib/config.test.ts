import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parsePayloadTables } from './config';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('loadConfig', () => {
  it('defaults to the embedded demo with its own catalog names', () => {
    const c = loadConfig({});
    expect(c.engine).toBe('duckdb');
    expect(c.payloadSchema).toBe('demo.inference');
    expect(c.endpointUsageTable).toBe('demo.serving.endpoint_usage');
    expect(c.servedEntitiesTable).toBe('demo.serving.served_entities');
    expect(c.duckdb.memoryLimit).toBe('4GB');
  });

  it('reads DATA_DIR exports under the lake catalog', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/exports' });
    expect(c.duckdb.dataDir).toBe('/tmp/exports');
    expect(c.payloadSchema).toBe('lake.inference');
    expect(c.endpointUsageTable).toBe('lake.serving.endpoint_usage');
  });

  it('switches to Databricks with a warehouse, normalising the host and building the HTTP path', () => {
    const c = loadConfig({ DATABRICKS_HOST: 'https://adb-1.2.azuredatabricks.net/', DATABRICKS_TOKEN: 'dapi123', DATABRICKS_WAREHOUSE_ID: 'abc123', PAYLOAD_SCHEMA: 'main.gateway' });
    expect(c.engine).toBe('databricks');
    expect(c.databricks).toMatchObject({ host: 'adb-1.2.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc123', auth: { kind: 'pat', token: 'dapi123' }, statementTimeoutSeconds: 120, userAuthorization: false });
    expect(c.endpointUsageTable).toBe('system.serving.endpoint_usage');
    expect(c.servedEntitiesTable).toBe('system.serving.served_entities');
  });

  it('uses OAuth M2M when a client id and secret are given, as Databricks Apps inject them', () => {
    const c = loadConfig({ DATABRICKS_HOST: 'h.cloud.databricks.com', DATABRICKS_CLIENT_ID: 'id', DATABRICKS_CLIENT_SECRET: 'secret', DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/x1', PAYLOAD_TABLES: 'main.gw.chat_payload', DATABRICKS_USER_AUTHORIZATION: 'true', DATABRICKS_APP_PORT: '8000' });
    expect(c.databricks?.auth).toEqual({ kind: 'oauth-m2m', clientId: 'id', clientSecret: 'secret' });
    expect(c.databricks?.userAuthorization).toBe(true);
    expect(c.payloadTables).toEqual([{ endpoint: 'chat', table: 'main.gw.chat_payload' }]);
  });

  it('names each missing Databricks setting', () => {
    const problems = problemsOf({ WAREHOUSE_ENGINE: 'databricks' });
    expect(problems.join('\n')).toMatch(/DATABRICKS_HOST/);
    expect(problems.join('\n')).toMatch(/DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH/);
    expect(problems.join('\n')).toMatch(/DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID/);
    expect(problems.join('\n')).toMatch(/PAYLOAD_TABLES or PAYLOAD_SCHEMA/);
  });

  it('refuses a token without a warehouse rather than silently showing demo data', () => {
    expect(problemsOf({ DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't' }).join()).toMatch(/DATABRICKS_TOKEN is set but neither/);
  });

  it.each([
    ['ENDPOINT_USAGE_TABLE', 'system.serving.endpoint_usage; DROP TABLE x'],
    ['ENDPOINT_USAGE_TABLE', '`system`.`serving`.`endpoint_usage`'],
    ['SERVED_ENTITIES_TABLE', 'served_entities'],
    ['PAYLOAD_SCHEMA', "main.gw' OR 1=1 --"],
  ])('refuses table config with SQL or the wrong shape: %s=%s', (name, value) => {
    const problems = problemsOf({ DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't', DATABRICKS_WAREHOUSE_ID: 'w', PAYLOAD_SCHEMA: 'main.gw', [name]: value });
    expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
  });

  it('rejects malformed numbers, booleans and sizes with the variable named', () => {
    const problems = problemsOf({ DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't', PAYLOAD_SCHEMA: 'main.gw', DATABRICKS_STATEMENT_TIMEOUT_SECONDS: 'soon', DATABRICKS_USER_AUTHORIZATION: 'maybe', DUCKDB_MEMORY_LIMIT: 'lots', DATABRICKS_WAREHOUSE_ID: 'a/b' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABRICKS_STATEMENT_TIMEOUT_SECONDS', 'DATABRICKS_USER_AUTHORIZATION', 'DATABRICKS_WAREHOUSE_ID', 'DUCKDB_MEMORY_LIMIT']);
  });

  it('refuses the system catalog on the embedded engine', () => {
    expect(problemsOf({ ENDPOINT_USAGE_TABLE: 'system.serving.endpoint_usage' }).join()).toMatch(/cannot use the catalog name "system"/);
  });

  it('produces one readable message listing every problem', () => {
    try {
      loadConfig({ WAREHOUSE_ENGINE: 'databricks', DUCKDB_MEMORY_LIMIT: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/^Invalid configuration:\n {2}- /);
      expect((err as Error).message).toMatch(/\.env\.example/);
    }
  });
});

describe('one pass over the configuration', () => {
  it('lists every problem at once: malformed values beside ROLES and PAYLOAD_TABLES problems', () => {
    // Once, a malformed number hid the ROLES and PAYLOAD_TABLES problems until it was fixed.
    const problems = problemsOf({ MAX_RANGE_DAYS: 'soon', ROLES: 'root:me@example.com', PAYLOAD_TABLES: 'not a table', TRUSTED_PROXY: 'true' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['MAX_RANGE_DAYS', 'PAYLOAD_TABLES', 'ROLES']);
  });

  it('does not report a setting as missing when it is only malformed', () => {
    const problems = problemsOf({ DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't', DATABRICKS_WAREHOUSE_ID: 'a/b', PAYLOAD_SCHEMA: 'main.gw' });
    expect(problems).toEqual([expect.stringMatching(/^DATABRICKS_WAREHOUSE_ID: expected the warehouse id/)]);
  });

  it.each([
    ['PII_REVEAL', 'ALL'],
    ['PII_REVEAL', 'yes'],
    ['LOG_LEVEL', 'verbose'],
    ['LOG_LEVEL', 'INFO'],
    ['HOST', 'http://0.0.0.0'],
    ['HOST', '0.0.0.0:3000'],
    ['HOST', 'local host'],
    ['PORT', '0x50'],
    ['PORT', '70000'],
    ['TRUSTED_PROXY', 'sure'],
    ['MAX_RANGE_DAYS', '1e3'],
    ['MAX_RANGE_DAYS', '0x10'],
    ['MAX_CONCURRENT_QUERIES', ' 4 4'],
    ['DUCKDB_THREADS', '2.5'],
  ])('refuses %s=%s, naming the values it accepts', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: expected`));
  });

  it('accepts the documented values', () => {
    const c = loadConfig({ PII_REVEAL: 'all', LOG_LEVEL: 'debug', HOST: '0.0.0.0', PORT: '8080', MAX_RANGE_DAYS: '90', TRUSTED_PROXY: 'true' });
    expect(c).toMatchObject({ piiReveal: 'all', maxRangeDays: 90, identitySource: 'trusted-proxy' });
    for (const host of ['127.0.0.1', '::1', '::', 'dashboard.internal', 'localhost']) expect(problemsOf({ HOST: host }), host).toEqual([]);
    expect(loadConfig({}).piiReveal).toBe('off');
  });
});

describe('parsePayloadTables', () => {
  it('derives the endpoint from the table prefix or takes an explicit name', () => {
    expect(parsePayloadTables('main.gw.chat_bot_payload, support-bot=main.gw.agent_payload')).toEqual({
      tables: [{ endpoint: 'chat_bot', table: 'main.gw.chat_bot_payload' }, { endpoint: 'support-bot', table: 'main.gw.agent_payload' }],
      problems: [],
    });
  });

  it('reports bad entries and duplicates', () => {
    const r = parsePayloadTables('main.gw.a_payload, main.gw.a_payload, bad name=main.gw.b, x.y');
    expect(r.problems).toHaveLength(3);
  });
});

describe('.env.example', () => {
  it('documents every variable the server reads', async () => {
    const { CONFIG_VARIABLES } = await import('./config');
    const text = (await import('node:fs')).readFileSync('.env.example', 'utf8');
    for (const name of CONFIG_VARIABLES) expect(text, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
