import { thrift } from '@databricks/sql';
import type { ConnectionOptions, OpenSessionRequest } from '@databricks/sql/dist/contracts/IDBSQLClient';
import type { ExecuteStatementOptions } from '@databricks/sql/dist/contracts/IDBSQLSession';
import OperationStateError, { OperationStateErrorCode } from '@databricks/sql/dist/errors/OperationStateError';
import StatusError from '@databricks/sql/dist/errors/StatusError';
import { THTTPException } from '@databricks/sql/dist/connection/connections/ThriftHttpConnection';
import { vi } from 'vitest';
import { createDatabricksWarehouse, type DatabricksConfig, type WarehouseLogger } from '@/lib/warehouse/databricks';
import type { DriverClient, DriverOperation, DriverSchema, DriverSession } from '@/lib/warehouse/databricks-clients';

/**
 * A fake @databricks/sql driver for adapter tests: each session follows a scripted plan, and the
 * errors are the driver's own classes (THTTPException, StatusError, OperationStateError) built the
 * way its Thrift backend builds them.
 */
const { TStatus, TStatusCode, TGetOperationStatusResp, TOperationState } = thrift.TCLIService_types;

export const http = (status: number) => new THTTPException({ status } as ConstructorParameters<typeof THTTPException>[0]);
export const statusError = (message: string) => new StatusError(new TStatus({ statusCode: TStatusCode.ERROR_STATUS, errorMessage: message }));
export const failed = (message: string) =>
  new OperationStateError(
    OperationStateErrorCode.Error,
    new TGetOperationStatusResp({ status: new TStatus({ statusCode: TStatusCode.SUCCESS_STATUS }), operationState: TOperationState.ERROR_STATE, errorMessage: message, displayMessage: message }),
  );

/** One attempt's script: where it fails, what it returns, or whether it hangs until cancelled. */
export interface Plan {
  openError?: unknown;
  executeError?: unknown;
  fetchError?: unknown;
  rows?: object[];
  schema?: DriverSchema;
  hang?: boolean;
  closeError?: unknown;
}

export class FakeOperation implements DriverOperation {
  cancelled = 0;
  closed = 0;
  private rejectHang?: (e: unknown) => void;
  constructor(private readonly plan: Plan) {}
  fetchAll(): Promise<object[]> {
    if (this.plan.hang) return new Promise((_, reject) => (this.rejectHang = reject));
    if (this.plan.fetchError) return Promise.reject(this.plan.fetchError);
    return Promise.resolve(this.plan.rows ?? []);
  }
  async cancel() {
    this.cancelled++;
    this.rejectHang?.(new OperationStateError(OperationStateErrorCode.Canceled));
  }
  async close() {
    this.closed++;
    if (this.plan.closeError) throw this.plan.closeError;
  }
  async getSchema() {
    return this.plan.schema ?? null;
  }
}

export class FakeSession implements DriverSession {
  closed = 0;
  executed: Array<{ sql: string; options: ExecuteStatementOptions }> = [];
  operations: FakeOperation[] = [];
  constructor(readonly request: OpenSessionRequest, private readonly plan: Plan) {}
  async executeStatement(sql: string, options: ExecuteStatementOptions) {
    this.executed.push({ sql, options });
    if (this.plan.executeError) throw this.plan.executeError;
    const op = new FakeOperation(this.plan);
    this.operations.push(op);
    return op;
  }
  async close() {
    this.closed++;
    if (this.plan.closeError) throw this.plan.closeError;
  }
}

export class FakeClient implements DriverClient {
  closed = 0;
  sessions: FakeSession[] = [];
  constructor(readonly options: ConnectionOptions, private readonly driver: FakeDriver) {}
  async openSession(request: OpenSessionRequest) {
    const plan = this.driver.plans.shift() ?? { rows: [] };
    if (plan.openError) throw plan.openError;
    const s = new FakeSession(request, plan);
    this.sessions.push(s);
    this.driver.sessions.push(s);
    return s;
  }
  async close() {
    this.closed++;
  }
}

export class FakeDriver {
  plans: Plan[] = [];
  clients: FakeClient[] = [];
  sessions: FakeSession[] = [];
  connect = vi.fn(async (options: ConnectionOptions) => {
    const c = new FakeClient(options, this);
    this.clients.push(c);
    return c;
  });
  get operations() {
    return this.sessions.flatMap((s) => s.operations);
  }
}

export const PAT: DatabricksConfig = {
  host: 'https://adb-1234567890123456.7.azuredatabricks.net/',
  httpPath: 'sql/1.0/warehouses/abc123',
  auth: { kind: 'pat', token: 'dapi-app-secret' },
  userAuthorization: true,
  statementTimeoutSeconds: 10,
  retryBudgetMs: 60_000,
  startBudgetMs: 600_000,
};

export function recordingLogger() {
  const lines: Array<[string, string, unknown]> = [];
  const at = (level: string) => (event: string, fields?: unknown) => void lines.push([level, event, fields]);
  const logger: WarehouseLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

export function setup(config: Partial<DatabricksConfig> = {}, plans: Plan[] = [], deps: { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> } = {}) {
  const driver = new FakeDriver();
  driver.plans.push(...plans);
  const log = recordingLogger();
  let clock = 0;
  const sleeps: number[] = [];
  const sleep = vi.fn(async (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) throw signal.reason;
    sleeps.push(ms);
    await deps.sleep?.(ms, signal);
    clock += ms;
  });
  const onRetry = vi.fn();
  const warehouse = createDatabricksWarehouse({ ...PAT, ...config }, {
    connect: driver.connect,
    sleep,
    now: () => clock,
    random: () => 0.5,
    logger: log.logger,
    onRetry,
  });
  return { driver, warehouse, log, sleeps, sleep, onRetry };
}
