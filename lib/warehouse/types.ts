import 'server-only';
/** A value that can be bound to a named SQL parameter on both engines. */
export type ParamValue = string | number | boolean | null;
export type Params = Readonly<Record<string, ParamValue>>;

/** A result row after normalisation: JSON-safe values only, SQL NULL stays `null`. */
export type Row = Record<string, unknown>;

export type EngineName = 'duckdb' | 'databricks';

export interface RunOptions {
  /** Aborting cancels the running statement on the engine. */
  signal?: AbortSignal;
  /**
   * The viewer's own OAuth token (Databricks Apps `X-Forwarded-Access-Token`). When given and the
   * config allows it, the statement runs as that user so Unity Catalog grants apply per person.
   */
  userAccessToken?: string;
  /** A label for logs (catalogue query id). */
  label?: string;
  /** How long an identical statement's result may be reused; 0 or absent: never cached. */
  cacheTtlMs?: number;
  /**
   * Set by the shared runner: the statement's place under the concurrency cap. An engine that
   * waits between attempts (a warehouse starting) gives it back meanwhile and takes it again after.
   */
  slot?: QuerySlot;
}

export interface QuerySlot {
  release(): void;
  /** Waits for a free place again; rejects when the signal aborts first. */
  reacquire(signal?: AbortSignal): Promise<void>;
}

export interface RunResult {
  rows: Row[];
  /** Wall time spent in the engine call, milliseconds. */
  durationMs: number;
  /** 'cache': an earlier result reused; 'shared': joined an identical statement already running. */
  source?: 'engine' | 'cache' | 'shared';
}

/** One interface over the embedded and the distributed engine. */
export interface Warehouse {
  readonly engine: EngineName;
  /** Runs one statement written in Databricks SQL with `:name` parameters. */
  run(sql: string, params: Params, options?: RunOptions): Promise<RunResult>;
  close(): Promise<void>;
}

// The engine lives on globalThis and can be created by another server bundle (instrumentation)
// than the route that catches its errors, so `instanceof` checks a brand, not the class identity.
const BRAND = Symbol.for('gateway-lens.warehouse-error');

/** An error whose message is safe to show to the viewer; `detail` goes to the server log only. */
export class WarehouseError extends Error {
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    message: string,
    readonly kind: 'timeout' | 'cancelled' | 'permission' | 'unavailable' | 'syntax' | 'not_found' | 'engine',
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'WarehouseError';
  }
}
