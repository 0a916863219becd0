import 'server-only';
import { DBSQLClient, LogLevel, thrift } from '@databricks/sql';
import type IDBSQLLogger from '@databricks/sql/dist/contracts/IDBSQLLogger';
import {
  ClientPool,
  clientDeadlineMs,
  identityLabel,
  viewerIdentity,
  type ConnectFn,
  type DatabricksConfig,
  type DriverOperation,
  type DriverSchema,
  type DriverSession,
  type Identity,
} from './databricks-clients';
import { classifyDatabricksError, needsReconnect } from './databricks-errors';
import { toNamedParameters } from './databricks-params';
import { abortableSleep, withRetry, type RetryInfo } from './databricks-retry';
import { logger as appLogger, redactSecrets } from '../logger';
import { normaliseRow } from './normalise';
import { WarehouseError, type Params, type RunOptions, type RunResult, type Warehouse } from './types';

export type { ConnectFn, DatabricksConfig } from './databricks-clients';
export type { RetryInfo } from './databricks-retry';

type LogFields = Record<string, unknown>;
/** Structured server-side logger. Fields never carry tokens or SQL parameter values. */
export interface WarehouseLogger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface DatabricksDeps {
  /** Builds a connected driver client; tests pass a fake. */
  connect?: ConnectFn;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  logger?: WarehouseLogger;
  /** Told before each retry wait, e.g. so the UI can say "warehouse starting". */
  onRetry?: (info: RetryInfo & { label?: string }) => void;
}

const DECIMAL_TYPE = thrift.TCLIService_types.TTypeId.DECIMAL_TYPE as number;

export function createDatabricksWarehouse(config: DatabricksConfig, deps: DatabricksDeps = {}): Warehouse {
  const logger: WarehouseLogger = deps.logger ?? appLogger;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? abortableSleep;
  const connect = deps.connect ?? defaultConnect(logger);
  const pool = new ClientPool({
    connect,
    config,
    now,
    onCloseError: (identity, err) => logger.warn('databricks.client_close_failed', { identity, error: describeError(err) }),
  });
  const sessionConfiguration = { STATEMENT_TIMEOUT: String(config.statementTimeoutSeconds), TIMEZONE: 'UTC' };
  const deadlineMs = clientDeadlineMs(config);

  async function attempt(identity: Identity, sql: string, namedParameters: ReturnType<typeof toNamedParameters>, options: RunOptions) {
    const lease = pool.acquire(identity);
    const stop = stopper(options.signal, deadlineMs);
    let session: DriverSession | undefined;
    let operation: DriverOperation | undefined;
    try {
      const client = await stop.race(lease.client);
      session = await stop.race(client.openSession({ configuration: sessionConfiguration }), (late) => void closeQuietly('session', late, options.label));
      operation = await stop.race(
        session.executeStatement(sql, { namedParameters, queryTimeout: config.statementTimeoutSeconds }),
        (late) => void cancelAndClose(late, options.label),
      );
      const rows = await stop.race(operation.fetchAll());
      // Without the schema DECIMAL values stay exact strings: worse for charts, not wrong.
      const schema = operation.getSchema
        ? await stop.race(operation.getSchema().catch((err: unknown) => {
          logger.warn('databricks.schema_failed', { label: options.label, error: describeError(err) });
          return null;
        }))
        : null;
      const decimalColumns = decimalColumnsOf(schema);
      return rows.map((row) => normaliseRow(row as Record<string, unknown>, { decimalColumns }));
    } catch (err) {
      if (operation && stop.fired()) await cancelQuietly(operation, options.label);
      if (needsReconnect(err)) {
        logger.info('databricks.reconnect', { identity: identityLabel(identity), label: options.label });
        lease.retire();
      }
      throw err;
    } finally {
      stop.dispose();
      if (operation) await closeQuietly('operation', operation, options.label);
      if (session) await closeQuietly('session', session, options.label);
      lease.release();
    }
  }

  async function cancelQuietly(operation: DriverOperation, label?: string) {
    try {
      await operation.cancel();
    } catch (err) {
      logger.warn('databricks.cancel_failed', { label, error: describeError(err) });
    }
  }

  async function cancelAndClose(operation: DriverOperation, label?: string) {
    await cancelQuietly(operation, label);
    await closeQuietly('operation', operation, label);
  }

  async function closeQuietly(what: 'operation' | 'session', target: { close(): Promise<unknown> }, label?: string) {
    try {
      await target.close();
    } catch (err) {
      logger.warn(`databricks.${what}_close_failed`, { label, error: describeError(err) });
    }
  }

  return {
    engine: 'databricks',

    async run(sql: string, params: Params, options: RunOptions = {}): Promise<RunResult> {
      const namedParameters = toNamedParameters(params);
      const identity: Identity = config.userAuthorization && options.userAccessToken
        ? viewerIdentity(options.userAccessToken)
        : { kind: 'app' };
      const started = now();
      try {
        const rows = await withRetry(() => attempt(identity, sql, namedParameters, options), {
          budgetMs: config.retryBudgetMs,
          startBudgetMs: config.startBudgetMs,
          now,
          // A statement waiting for the warehouse holds no place under the concurrency cap meanwhile.
          sleep: async (ms, signal) => {
            options.slot?.release();
            await sleep(ms, signal);
            await options.slot?.reacquire(signal);
          },
          random: deps.random,
          signal: options.signal,
          onRetry: (info, err) => {
            logger.info('databricks.retry', {
              label: options.label,
              identity: identityLabel(identity),
              attempt: info.attempt,
              delayMs: info.delayMs,
              kind: info.kind,
              reason: info.reason,
              error: describeError(err),
            });
            deps.onRetry?.({ ...info, label: options.label });
          },
        });
        const durationMs = now() - started;
        logger.debug('databricks.run', { label: options.label, identity: identityLabel(identity), rows: rows.length, durationMs });
        return { rows, durationMs };
      } catch (err) {
        const c = err instanceof WarehouseError ? null : classifyDatabricksError(err);
        const error = c ? new WarehouseError(c.safeMessage, c.kind, err) : (err as WarehouseError);
        const level = error.kind === 'cancelled' ? 'debug' : 'warn';
        logger[level]('databricks.run_failed', {
          label: options.label,
          identity: identityLabel(identity),
          kind: error.kind,
          durationMs: now() - started,
          error: describeError(error.detail ?? error),
        });
        throw error;
      }
    },

    async close() {
      await pool.closeAll();
    },
  };
}

/**
 * Ends a wait early on abort or when the client-side deadline passes. A value that arrives after
 * the wait ended is handed to `onLate` so it can be cleaned up (e.g. a session still opening).
 */
function stopper(signal: AbortSignal | undefined, deadlineMs: number) {
  let fired: WarehouseError | null = null;
  const listeners = new Set<(e: WarehouseError) => void>();
  const fire = (e: WarehouseError) => {
    if (fired) return;
    fired = e;
    for (const l of listeners) l(e);
  };
  const onAbort = () => fire(new WarehouseError('The query was cancelled.', 'cancelled', signal?.reason));
  const timer = setTimeout(
    () => fire(new WarehouseError('The query took too long and was stopped; try a shorter time range.', 'timeout', { deadlineMs })),
    deadlineMs,
  );
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  return {
    fired: () => fired !== null,
    race<T>(promise: Promise<T>, onLate?: (value: T) => void): Promise<T> {
      if (fired) {
        promise.then((v) => onLate?.(v), () => undefined);
        return Promise.reject(fired);
      }
      return new Promise<T>((resolve, reject) => {
        let done = false;
        const onFire = (e: WarehouseError) => {
          done = true;
          reject(e);
        };
        listeners.add(onFire);
        promise.then(
          (v) => {
            listeners.delete(onFire);
            if (done) onLate?.(v);
            else resolve(v);
          },
          (err) => {
            listeners.delete(onFire);
            if (!done) reject(err);
          },
        );
      });
    },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      listeners.clear();
    },
  };
}

function decimalColumnsOf(schema: DriverSchema | null): ReadonlySet<string> | undefined {
  if (!schema) return undefined;
  const names = schema.columns
    .filter((c) => c.typeDesc.types[0]?.primitiveEntry?.type === DECIMAL_TYPE)
    .map((c) => c.columnName);
  return names.length ? new Set(names) : undefined;
}

function defaultConnect(logger: WarehouseLogger): ConnectFn {
  // The driver's default logger installs a global uncaught-exception handler; route its output here instead.
  const driverLogger: IDBSQLLogger = {
    log(level: LogLevel, message: string) {
      if (level === LogLevel.error || level === LogLevel.warn) logger.debug('databricks.driver', { level, message: redactSecrets(message) });
    },
  };
  return async (options) => {
    const client = new DBSQLClient({ logger: driverLogger });
    await client.connect(options);
    return client;
  };
}

/** Error text for server logs: name, message and class-specific fields, with bearer tokens masked. */
export function describeError(err: unknown): LogFields | string {
  if (typeof err !== 'object' || err === null) return redactSecrets(String(err));
  const e = err as Record<string, unknown>;
  const response = (e.response ?? {}) as Record<string, unknown>;
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    message: redactSecrets(String(e.message ?? '')).slice(0, 2_000),
    code: e.code ?? e.errorCode,
    statusCode: e.statusCode,
    sqlState: response.sqlState,
  };
}

