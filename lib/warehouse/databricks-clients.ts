import 'server-only';
import { createHash } from 'node:crypto';
import type { ConnectionOptions, OpenSessionRequest } from '@databricks/sql/dist/contracts/IDBSQLClient';
import type { ExecuteStatementOptions } from '@databricks/sql/dist/contracts/IDBSQLSession';
import type { AppConfig } from '../config';
import { oauthHostProblem } from './databricks-errors';
import { WarehouseError } from './types';

export type DatabricksConfig = NonNullable<AppConfig['databricks']>;

/** The slice of the driver this adapter uses; tests inject a fake with the same shape. */
export interface DriverOperation {
  fetchAll(): Promise<object[]>;
  cancel(): Promise<unknown>;
  close(): Promise<unknown>;
  /** Column types, used to tell DECIMAL strings from STRING values. */
  getSchema?(): Promise<DriverSchema | null>;
}
export interface DriverSchema {
  columns: Array<{ columnName: string; typeDesc: { types: Array<{ primitiveEntry?: { type: number } }> } }>;
}
export interface DriverSession {
  executeStatement(sql: string, options: ExecuteStatementOptions): Promise<DriverOperation>;
  close(): Promise<unknown>;
}
export interface DriverClient {
  openSession(request: OpenSessionRequest): Promise<DriverSession>;
  close(): Promise<unknown>;
}
export type ConnectFn = (options: ConnectionOptions) => Promise<DriverClient>;

/** Who a statement runs as: the app's own identity, or the viewer's forwarded token. */
export type ViewerIdentity = { kind: 'viewer'; token: string; key: string };
export type Identity = { kind: 'app' } | ViewerIdentity;

export function viewerIdentity(token: string): ViewerIdentity {
  return { kind: 'viewer', token, key: createHash('sha256').update(token).digest('hex') };
}

/** For logs: never the token, only a short prefix of its hash. */
export function identityLabel(identity: Identity): string {
  return identity.kind === 'app' ? 'app' : `viewer:${identity.key.slice(0, 10)}`;
}

export function cleanHost(host: string): string {
  return host.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/, '').replace(/\/+$/, '');
}

export function cleanPath(path: string): string {
  const p = path.trim();
  return p.startsWith('/') ? p : `/${p}`;
}

/** Slack past the server-side STATEMENT_TIMEOUT before the client gives up and cancels. */
export function clientDeadlineMs(config: DatabricksConfig): number {
  return config.statementTimeoutSeconds * 1000 + Math.min(30_000, Math.max(5_000, config.statementTimeoutSeconds * 100));
}

export function buildConnectOptions(config: DatabricksConfig, identity: Identity): ConnectionOptions {
  const base = {
    host: cleanHost(config.host),
    path: cleanPath(config.httpPath),
    telemetryEnabled: false,
    // DECIMAL as exact strings and BIGINT as bigint; normalise.ts decides what may become a number.
    preserveBigNumericPrecision: true,
    userAgentEntry: 'gateway-lens',
    socketTimeout: clientDeadlineMs(config),
    // The driver retries only idempotent calls (status, close, cancel); keep those inside our budget.
    retriesTimeout: config.retryBudgetMs,
    retryDelayMax: 10_000,
  };
  if (identity.kind === 'viewer') {
    // The forwarded user token is an OAuth access token; the driver sends `token` as `Bearer <token>`.
    return { ...base, authType: 'access-token', token: identity.token };
  }
  if (config.auth.kind === 'pat') return { ...base, authType: 'access-token', token: config.auth.token };
  // The driver's own error for another host ("OAuth is not supported for …") reads like bad credentials.
  const hostProblem = oauthHostProblem(config.host);
  if (hostProblem) throw new WarehouseError(hostProblem, 'permission', { host: base.host });
  return {
    ...base,
    authType: 'databricks-oauth',
    oauthClientId: config.auth.clientId,
    oauthClientSecret: config.auth.clientSecret,
    // Databricks-managed service principals (Databricks Apps) use Databricks OAuth on Azure too, not Entra ID.
    useDatabricksOAuthInAzure: true,
  };
}

interface PoolOptions {
  connect: ConnectFn;
  config: DatabricksConfig;
  now: () => number;
  onCloseError: (identity: string, err: unknown) => void;
  /** Idle time after which a viewer's client is closed. */
  viewerTtlMs?: number;
  maxViewers?: number;
}

interface Entry {
  label: string;
  client: Promise<DriverClient>;
  inUse: number;
  lastUsed: number;
  retired: boolean;
}

/** A client borrowed for one statement; `release` always, `retire` when it must not be reused. */
export interface Lease {
  client: Promise<DriverClient>;
  release(): void;
  retire(): void;
}

/**
 * One lazily connected client for the app identity, plus short-lived clients per viewer token
 * (keyed by the token's hash) so a page of charts does not reconnect once per chart. A client is
 * closed only once no statement is using it.
 */
export class ClientPool {
  private app: Entry | null = null;
  private readonly viewers = new Map<string, Entry>();
  private readonly ttl: number;
  private readonly maxViewers: number;

  constructor(private readonly options: PoolOptions) {
    this.ttl = options.viewerTtlMs ?? 5 * 60_000;
    this.maxViewers = options.maxViewers ?? 100;
  }

  acquire(identity: Identity): Lease {
    this.sweep();
    const entry = this.entryFor(identity);
    entry.inUse++;
    let released = false;
    return {
      client: entry.client,
      release: () => {
        if (released) return;
        released = true;
        entry.inUse--;
        entry.lastUsed = this.options.now();
        if (entry.retired && entry.inUse === 0) void this.closeQuietly(entry);
      },
      retire: () => this.retire(entry),
    };
  }

  async closeAll(): Promise<void> {
    const all = [...this.viewers.values()];
    if (this.app) all.push(this.app);
    this.app = null;
    this.viewers.clear();
    await Promise.all(all.map((entry) => {
      entry.retired = true;
      return this.closeQuietly(entry);
    }));
  }

  private entryFor(identity: Identity): Entry {
    if (identity.kind === 'app') {
      this.app ??= this.open(identity);
      return this.app;
    }
    let entry = this.viewers.get(identity.key);
    if (!entry) {
      entry = this.open(identity);
      this.viewers.set(identity.key, entry);
    }
    return entry;
  }

  private open(identity: Identity): Entry {
    const entry: Entry = {
      label: identityLabel(identity),
      client: this.options.connect(buildConnectOptions(this.options.config, identity)),
      inUse: 0,
      lastUsed: this.options.now(),
      retired: false,
    };
    // A failed connect is not kept: the next statement connects again.
    entry.client.catch(() => this.detach(entry));
    return entry;
  }

  private retire(entry: Entry): void {
    this.detach(entry);
    if (!entry.retired) {
      entry.retired = true;
      if (entry.inUse === 0) void this.closeQuietly(entry);
    }
  }

  private detach(entry: Entry): void {
    if (this.app === entry) this.app = null;
    for (const [key, e] of this.viewers) if (e === entry) this.viewers.delete(key);
  }

  private sweep(): void {
    const now = this.options.now();
    for (const entry of [...this.viewers.values()]) {
      if (entry.inUse === 0 && entry.lastUsed + this.ttl <= now) this.retire(entry);
    }
    // Map order is insertion order, so the first idle entries are the oldest.
    for (const entry of [...this.viewers.values()]) {
      if (this.viewers.size < this.maxViewers) break;
      if (entry.inUse === 0) this.retire(entry);
    }
  }

  private async closeQuietly(entry: Entry): Promise<void> {
    let client: DriverClient;
    try {
      client = await entry.client;
    } catch {
      return;
    }
    try {
      await client.close();
    } catch (err) {
      this.options.onCloseError(entry.label, err);
    }
  }
}
