import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { accessEnvShape, parseRoles, type IdentitySource, type Role, type RoleRule } from './access';
import { REVEAL_POLICIES, type RevealPolicy } from './security/pii';
import { ENDPOINT_NAME, SCHEMA_NAME, TABLE_NAME } from './identifiers';
import { clockProblem } from './time/clock';

/** WAREHOUSE_FAULTS, parsed by lib/warehouse/faults.ts: `label=mode[:times],…`. */
export const FAULT_SPEC = /^([a-z0-9*_-]+=(fail|unavailable|permission|timeout|slow\d{1,6})(:\d{1,4})?)(,[a-z0-9*_-]+=(fail|unavailable|permission|timeout|slow\d{1,6})(:\d{1,4})?)*$/;

export { ENDPOINT_NAME, SCHEMA_NAME, TABLE_NAME } from './identifiers';

export type PayloadTable = { endpoint: string; table: string };

export interface AppConfig {
  engine: 'duckdb' | 'databricks';
  /** Explicit payload tables, or a `catalog.schema` whose `*_payload` tables are discovered. */
  payloadTables: PayloadTable[] | null;
  payloadSchema: string | null;
  endpointUsageTable: string;
  servedEntitiesTable: string;
  maxRangeDays: number;
  /** Reuse results of identical queries for a time that depends on the range's age. */
  queryCache: boolean;
  /** Most statements running on the warehouse at once; the rest queue. */
  maxConcurrentQueries: number;
  /** Longest a statement may run, on either engine (Databricks: STATEMENT_TIMEOUT). */
  statementTimeoutSeconds: number;
  /** Injected warehouse faults for failure tests (see lib/warehouse/faults.ts); null normally. */
  warehouseFaults: string | null;
  /** Role rules matched against the forwarded identity, first match wins (lib/access.ts). */
  roles: RoleRule[];
  /** The role of anyone no rule matches: admin when ROLES is unset. */
  defaultRole: Role;
  /**
   * Whose word the X-Forwarded-* identity headers are: the Databricks Apps proxy (detected from
   * DATABRICKS_APP_PORT), a proxy the operator vouches for (TRUSTED_PROXY=true), or nobody's —
   * then they are ignored and every viewer is "anonymous".
   */
  identitySource: IdentitySource;
  /** `all`: a viewer allowed to may reveal masked personal data, one request at a time. */
  piiReveal: RevealPolicy;
  /**
   * Pre-built request facts and rollups (lib/rollups): `auto` reads them when they cover a
   * window, `off` always reads the raw tables. Databricks: the tables live in `schema`.
   */
  rollups: { mode: 'auto' | 'off'; schema: string | null };
  duckdb: {
    /** DuckDB database file of the embedded engine's rollups, rebuilt when its source changes. */
    rollupPath: string;
    /** DuckDB database file of the generated demo (used when DATA_DIR is not set). */
    demoPath: string;
    /** The live demo's file of requests appended since the demo ended (lib/demo/live.ts); null when the demo does not live. */
    livePath: string | null;
    dataDir: string | null;
    memoryLimit: string;
    threads: number | null;
  };
  /** Alerts, budgets and saved views (lib/alerts). */
  alerts: {
    /** Databricks: the catalog.schema holding the app's rules, budgets and saved views; null: not configured. */
    stateSchema: string | null;
    /** Embedded: the DuckDB file holding them and the evaluator's history. */
    stateDb: string;
    /** Webhooks the embedded evaluator posts to (Slack-compatible JSON), by name. */
    webhooks: { name: string; url: string }[];
    /** The embedded evaluator runs rules on schedule (never on Databricks, which runs its own alerts). */
    evaluator: boolean;
    /** Workspace folder new Databricks SQL alerts are created in; null: the app identity's home. */
    parentPath: string | null;
  };
  /** The generated demo tops itself up to now at start and a feeder appends requests every minute. */
  demoLive: boolean;
  databricks: {
    host: string;
    httpPath: string;
    auth: { kind: 'pat'; token: string } | { kind: 'oauth-m2m'; clientId: string; clientSecret: string };
    /** Run payload-table queries with the viewer's forwarded token when present. */
    userAuthorization: boolean;
    statementTimeoutSeconds: number;
    retryBudgetMs: number;
    /** How long a statement may wait for a stopped warehouse to start (retries, no slot held). */
    startBudgetMs: number;
  } | null;
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const bool = z.preprocess(
  emptyToUndefined,
  z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).optional(),
).transform((v) => v === 'true' || v === '1' || v === 'yes');
/** Digits only: `0x10`, `1e3` and ` 12` are refused rather than read as numbers. */
const wholeNumber = z.string().trim().regex(/^\d{1,15}$/, 'expected a whole number').transform(Number);
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, wholeNumber.pipe(z.number().positive('expected a number above 0')).default(fallback));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `expected one of ${values.join(', ')} (lowercase)` });
// A host name, an IPv4 address or an IPv6 address, nothing else (no scheme, port or path).
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)$/;

const tableName = (what: string) =>
  z.string().trim().regex(TABLE_NAME, `expected ${what} as catalog.schema.table (letters, digits and _ only, no quotes)`);

const envSchema = z.object({
  WAREHOUSE_ENGINE: z.preprocess(emptyToUndefined, z.enum(['auto', 'duckdb', 'databricks']).default('auto')),
  DATABRICKS_HOST: optionalString,
  DATABRICKS_TOKEN: optionalString,
  DATABRICKS_CLIENT_ID: optionalString,
  DATABRICKS_CLIENT_SECRET: optionalString,
  DATABRICKS_WAREHOUSE_ID: z.preprocess(emptyToUndefined, z.string().trim().regex(/^[A-Za-z0-9]+$/, 'expected the warehouse id (letters and digits), e.g. 1234567890abcdef').optional()),
  DATABRICKS_HTTP_PATH: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\/sql\/[\w./-]+$/, 'expected an HTTP path like /sql/1.0/warehouses/<id>').optional()),
  DATABRICKS_USER_AUTHORIZATION: bool,
  DATABRICKS_STATEMENT_TIMEOUT_SECONDS: positiveInt(120),
  DATABRICKS_RETRY_BUDGET_MS: positiveInt(90_000),
  DATABRICKS_START_BUDGET_SECONDS: positiveInt(600),
  PAYLOAD_TABLES: optionalString,
  PAYLOAD_SCHEMA: z.preprocess(emptyToUndefined, z.string().trim().regex(SCHEMA_NAME, 'expected catalog.schema (letters, digits and _ only)').optional()),
  ENDPOINT_USAGE_TABLE: z.preprocess(emptyToUndefined, tableName('the endpoint usage table').optional()),
  SERVED_ENTITIES_TABLE: z.preprocess(emptyToUndefined, tableName('the served entities table').optional()),
  MAX_RANGE_DAYS: positiveInt(400),
  QUERY_CACHE: z.preprocess(emptyToUndefined, z.enum(['on', 'off'], { message: 'expected on or off' }).default('on')),
  MAX_CONCURRENT_QUERIES: z.preprocess(emptyToUndefined, wholeNumber.pipe(z.number().min(1, 'expected at least 1').max(64, 'expected at most 64')).optional()),
  DEMO_DB: optionalString,
  ...accessEnvShape,
  WAREHOUSE_FAULTS: z.preprocess(emptyToUndefined, z.string().regex(FAULT_SPEC, 'expected label=mode[:times],… (modes: fail, unavailable, permission, timeout, slow<ms>)').optional()),
  DATA_DIR: optionalString,
  DUCKDB_MEMORY_LIMIT: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)$/i, 'expected a size such as 4GB or 75%').default('4GB')),
  DUCKDB_THREADS: z.preprocess(emptyToUndefined, wholeNumber.pipe(z.number().positive('expected a number above 0')).optional()),
  ROLLUPS: z.preprocess(emptyToUndefined, z.enum(['auto', 'off'], { message: 'expected auto or off' }).default('auto')),
  ROLLUP_SCHEMA: z.preprocess(emptyToUndefined, z.string().trim().regex(SCHEMA_NAME, 'expected catalog.schema (letters, digits and _ only, no quotes)').optional()),
  ROLLUP_DB: optionalString,
  PII_REVEAL: z.preprocess(emptyToUndefined, oneOf(REVEAL_POLICIES).default('off')),
  TRUSTED_PROXY: bool,
  LOG_LEVEL: z.preprocess(emptyToUndefined, oneOf(['debug', 'info', 'warn', 'error']).optional()),
  LENS_STATE_SCHEMA: z.preprocess(emptyToUndefined, z.string().trim().regex(SCHEMA_NAME, 'expected catalog.schema (letters, digits and _ only, no quotes)').optional()),
  LENS_STATE_DB: optionalString,
  ALERT_WEBHOOKS: optionalString,
  ALERTS_EVALUATOR: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off'], { message: 'expected auto, on or off' }).default('auto')),
  ALERTS_PARENT_PATH: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\/[^\u0000-\u001f]{0,500}$/, 'expected a workspace folder such as /Shared/gateway-lens').optional()),
  DEMO_LIVE: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off'], { message: 'expected auto, on or off' }).default('auto')),
  HOST: z.preprocess(emptyToUndefined, z.string().trim().regex(HOST, 'expected a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0').optional()),
  PORT: z.preprocess(emptyToUndefined, wholeNumber.pipe(z.number().min(1, 'expected a port from 1 to 65535').max(65_535, 'expected a port from 1 to 65535')).optional()),
});
type Env = z.infer<typeof envSchema>;

/** Every variable the server reads. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** `chat=main.gw.chat_payload, main.gw.agent_payload` → endpoint/table pairs. */
export function parsePayloadTables(value: string): { tables: PayloadTable[]; problems: string[] } {
  const tables: PayloadTable[] = [];
  const problems: string[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = raw.indexOf('=');
    const table = (eq >= 0 ? raw.slice(eq + 1) : raw).trim();
    if (!TABLE_NAME.test(table)) {
      problems.push(`PAYLOAD_TABLES: "${raw}" is not catalog.schema.table (letters, digits and _ only, no quotes)`);
      continue;
    }
    const endpoint = eq >= 0 ? raw.slice(0, eq).trim() : endpointFromTable(table);
    if (!ENDPOINT_NAME.test(endpoint)) {
      problems.push(`PAYLOAD_TABLES: endpoint name "${endpoint}" must be letters, digits, - and _`);
      continue;
    }
    if (tables.some((t) => t.endpoint === endpoint)) {
      problems.push(`PAYLOAD_TABLES: endpoint "${endpoint}" is listed twice`);
      continue;
    }
    tables.push({ endpoint, table });
  }
  if (tables.length === 0 && problems.length === 0) problems.push('PAYLOAD_TABLES: lists no table');
  return { tables, problems };
}

/** `https://hooks.example/a` or `ops=https://…, finance=https://…`: webhooks by name ("default" when unnamed). */
export function parseWebhooks(value: string): { webhooks: { name: string; url: string }[]; problems: string[] } {
  const webhooks: { name: string; url: string }[] = [];
  const problems: string[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z0-9][a-z0-9_-]{0,31})=(.+)$/.exec(raw);
    const [name, url] = m ? [m[1]!, m[2]!.trim()] : ['default', raw];
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) problems.push(`ALERT_WEBHOOKS: "${raw.slice(0, 80)}" is not name=http(s)://… or an http(s) URL`);
    else if (webhooks.some((w) => w.name === name)) problems.push(`ALERT_WEBHOOKS: the name "${name}" is given twice`);
    else webhooks.push({ name, url: parsed.toString() });
  }
  return { webhooks, problems };
}

/** The inference table is `<prefix>_payload`; the prefix is the endpoint's name unless told otherwise. */
export function endpointFromTable(table: string): string {
  const name = table.split('.').pop() ?? table;
  return name.replace(/_payload$/, '');
}

function normaliseHost(host: string): string {
  return host.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/**
 * The configuration for an entry point (server, scripts): a bad one is printed as its one message
 * (every problem listed) and the process ends with `exitCode`; any other error is thrown.
 */
export function loadConfigOrExit(exitCode: number): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(exitCode);
    }
    throw err;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // One pass: every variable is checked on its own, then the rules across variables run on the
  // ones that parsed, so the error lists every problem at once.
  const problems: string[] = [];
  const failed = new Set<string>();
  const e = {} as Env;
  for (const [name, schema] of Object.entries(envSchema.shape)) {
    const r = (schema as z.ZodType).safeParse(env[name]);
    if (r.success) (e as Record<string, unknown>)[name] = r.data;
    else {
      failed.add(name);
      for (const i of r.error.issues) problems.push(`${name}: ${i.message}`);
    }
  }
  const given = (name: keyof Env) => failed.has(name) || e[name] !== undefined;
  const clock = clockProblem(env.CLOCK_NOW);
  if (clock) problems.push(`CLOCK_NOW: ${clock}`);

  const wantsDatabricks = e.WAREHOUSE_ENGINE === 'databricks'
    || (e.WAREHOUSE_ENGINE === 'auto' && (given('DATABRICKS_WAREHOUSE_ID') || given('DATABRICKS_HTTP_PATH')));
  if (e.WAREHOUSE_ENGINE === 'auto' && !wantsDatabricks && e.DATABRICKS_TOKEN) {
    problems.push('DATABRICKS_TOKEN is set but neither DATABRICKS_WAREHOUSE_ID nor DATABRICKS_HTTP_PATH is: name the SQL warehouse to use, or unset the token to run on the embedded demo');
  }

  let payloadTables: PayloadTable[] | null = null;
  if (e.PAYLOAD_TABLES) {
    const r = parsePayloadTables(e.PAYLOAD_TABLES);
    problems.push(...r.problems);
    payloadTables = r.tables;
  }
  if (e.PAYLOAD_TABLES && e.PAYLOAD_SCHEMA) problems.push('PAYLOAD_TABLES and PAYLOAD_SCHEMA are both set: use one');

  let databricks: AppConfig['databricks'] = null;
  if (wantsDatabricks) {
    if (!given('DATABRICKS_HOST')) problems.push('DATABRICKS_HOST: expected the workspace host, e.g. adb-123.4.azuredatabricks.net');
    if (!given('DATABRICKS_WAREHOUSE_ID') && !given('DATABRICKS_HTTP_PATH')) problems.push('DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH: expected the SQL warehouse to run queries on');
    let auth: NonNullable<AppConfig['databricks']>['auth'] | null = null;
    if (e.DATABRICKS_TOKEN) auth = { kind: 'pat', token: e.DATABRICKS_TOKEN };
    else if (e.DATABRICKS_CLIENT_ID && e.DATABRICKS_CLIENT_SECRET) auth = { kind: 'oauth-m2m', clientId: e.DATABRICKS_CLIENT_ID, clientSecret: e.DATABRICKS_CLIENT_SECRET };
    else problems.push('DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID with DATABRICKS_CLIENT_SECRET: expected credentials for the SQL warehouse');
    if (!given('PAYLOAD_TABLES') && !given('PAYLOAD_SCHEMA')) problems.push('PAYLOAD_TABLES or PAYLOAD_SCHEMA: expected the inference tables to read (e.g. PAYLOAD_SCHEMA=main.ai_gateway)');
    if (e.DATABRICKS_HOST && auth && (e.DATABRICKS_WAREHOUSE_ID || e.DATABRICKS_HTTP_PATH)) {
      databricks = {
        host: normaliseHost(e.DATABRICKS_HOST),
        httpPath: e.DATABRICKS_HTTP_PATH ?? `/sql/1.0/warehouses/${e.DATABRICKS_WAREHOUSE_ID}`,
        auth,
        userAuthorization: e.DATABRICKS_USER_AUTHORIZATION,
        statementTimeoutSeconds: e.DATABRICKS_STATEMENT_TIMEOUT_SECONDS,
        retryBudgetMs: e.DATABRICKS_RETRY_BUDGET_MS,
        startBudgetMs: e.DATABRICKS_START_BUDGET_SECONDS * 1000,
      };
    }
  }

  // The embedded engine reserves the catalog name `system`, so its tables live under the
  // attached database's own catalog: `demo` for the generated demo, `lake` for DATA_DIR.
  const embeddedCatalog = e.DATA_DIR ? 'lake' : 'demo';
  const endpointUsageTable = e.ENDPOINT_USAGE_TABLE ?? (wantsDatabricks ? 'system.serving.endpoint_usage' : `${embeddedCatalog}.serving.endpoint_usage`);
  const servedEntitiesTable = e.SERVED_ENTITIES_TABLE ?? (wantsDatabricks ? 'system.serving.served_entities' : `${embeddedCatalog}.serving.served_entities`);
  if (!wantsDatabricks) {
    for (const [name, value] of [['ENDPOINT_USAGE_TABLE', endpointUsageTable], ['SERVED_ENTITIES_TABLE', servedEntitiesTable]] as const) {
      if (value.startsWith('system.')) problems.push(`${name}: the embedded engine cannot use the catalog name "system"; leave it unset to use ${embeddedCatalog}.serving.*`);
    }
  }

  const hooks = e.ALERT_WEBHOOKS ? parseWebhooks(e.ALERT_WEBHOOKS) : { webhooks: [], problems: [] };
  problems.push(...hooks.problems);
  const pinned = Boolean(env.CLOCK_NOW);
  const demoFile = path.resolve(/*turbopackIgnore: true*/ e.DEMO_DB ?? path.join(process.cwd(), 'data', 'demo.duckdb'));
  if (e.DEMO_LIVE === 'on' && (wantsDatabricks || e.DATA_DIR)) problems.push('DEMO_LIVE: only the generated demo can be fed; unset it with DATA_DIR or Databricks');
  const demoLive = !wantsDatabricks && !e.DATA_DIR && (e.DEMO_LIVE === 'on' || (e.DEMO_LIVE === 'auto' && !pinned));

  const roles = e.ROLES ? parseRoles(e.ROLES) : { rules: [], problems: [] };
  problems.push(...roles.problems);

  const identitySource: IdentitySource = env.DATABRICKS_APP_PORT ? 'databricks-apps' : e.TRUSTED_PROXY ? 'trusted-proxy' : 'none';
  if (identitySource === 'none') {
    const why = 'the X-Forwarded-* headers that carry the viewer are honoured only on Databricks Apps (DATABRICKS_APP_PORT set by the platform) or with TRUSTED_PROXY=true behind a proxy that sets them and drops any a client sends';
    if (e.ROLES) problems.push(`ROLES: roles need a trusted identity, and ${why}`);
    if (e.DATABRICKS_USER_AUTHORIZATION) problems.push(`DATABRICKS_USER_AUTHORIZATION: the viewer's token needs a trusted proxy, and ${why}`);
  }

  if (problems.length) throw new ConfigError(problems);

  return {
    engine: wantsDatabricks ? 'databricks' : 'duckdb',
    payloadTables,
    payloadSchema: e.PAYLOAD_SCHEMA ?? (payloadTables || wantsDatabricks ? null : `${embeddedCatalog}.inference`),
    endpointUsageTable,
    servedEntitiesTable,
    maxRangeDays: e.MAX_RANGE_DAYS,
    queryCache: e.QUERY_CACHE === 'on',
    maxConcurrentQueries: e.MAX_CONCURRENT_QUERIES ?? (wantsDatabricks ? 8 : 4),
    statementTimeoutSeconds: e.DATABRICKS_STATEMENT_TIMEOUT_SECONDS,
    warehouseFaults: e.WAREHOUSE_FAULTS ?? null,
    roles: roles.rules,
    defaultRole: e.DEFAULT_ROLE ?? (e.ROLES ? 'finance' : 'admin'),
    identitySource,
    piiReveal: e.PII_REVEAL,
    rollups: { mode: e.ROLLUPS, schema: e.ROLLUP_SCHEMA ?? null },
    alerts: {
      stateSchema: e.LENS_STATE_SCHEMA ?? null,
      stateDb: path.resolve(/*turbopackIgnore: true*/ e.LENS_STATE_DB ?? (e.DATA_DIR ? path.join(process.cwd(), 'data', `state-${createHash('sha256').update(path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR)).digest('hex').slice(0, 12)}.duckdb`) : demoFile.replace(/(\.duckdb)?$/, '.state.duckdb'))),
      webhooks: hooks.webhooks,
      // On by default where it can run unattended: not in tests (a pinned clock), never on Databricks.
      evaluator: !wantsDatabricks && (e.ALERTS_EVALUATOR === 'on' || (e.ALERTS_EVALUATOR === 'auto' && !pinned)),
      parentPath: e.ALERTS_PARENT_PATH ?? null,
    },
    demoLive,
    duckdb: {
      rollupPath: path.resolve(/*turbopackIgnore: true*/ e.ROLLUP_DB ?? defaultRollupPath(e.DATA_DIR ? path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR) : null, e.DEMO_DB)),
      demoPath: demoFile,
      livePath: demoLive ? demoFile.replace(/(\.duckdb)?$/, '.live.duckdb') : null,
      dataDir: e.DATA_DIR ? path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR) : null,
      memoryLimit: e.DUCKDB_MEMORY_LIMIT,
      threads: e.DUCKDB_THREADS ?? null,
    },
    databricks,
  };
}

/**
 * Where the embedded engine keeps its rollups: beside the demo database, or under ./data for a
 * DATA_DIR (named by a hash of its path, so the user's export folder is never written to).
 */
function defaultRollupPath(dataDir: string | null, demoDb: string | undefined): string {
  if (dataDir) return path.join(process.cwd(), 'data', `rollups-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}.duckdb`);
  const demo = path.resolve(/*turbopackIgnore: true*/ demoDb ?? path.join(process.cwd(), 'data', 'demo.duckdb'));
  return demo.replace(/(\.duckdb)?$/, '.rollups.duckdb');
}

let cached: AppConfig | undefined;

/** The process's configuration, validated once; a bad value throws a ConfigError naming it. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** Forgets the validated configuration, so the next getConfig() reads the environment again (tests). */
export function resetConfig(): void {
  cached = undefined;
}
