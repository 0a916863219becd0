import 'server-only';
import { WarehouseError } from './types';

export interface ErrorClassification {
  /** Worth another attempt inside the retry budget (cold warehouse, throttling, dropped socket). */
  retry: boolean;
  kind: WarehouseError['kind'];
  /** Safe for the browser: no SQL text, tokens or host names, only error classes and table names. */
  safeMessage: string;
  /** A stopped or starting warehouse: worth the longer start-up budget, not only the transient one. */
  coldStart?: boolean;
}

/** What the driver's error objects carry, read without trusting their class identity. */
interface ErrorFacts {
  name: string;
  text: string;
  code: string | undefined;
  statusCode: number | undefined;
  stateCode: string | undefined;
  sqlState: string | undefined;
  errorClass: string | undefined;
}

const NETWORK_RETRY_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT', 'ECONNABORTED']);
const NETWORK_RETRY_TEXT = /\b(ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|ESOCKETTIMEDOUT)\b|socket hang up|premature close/i;
const SESSION_GONE = /invalid sessionhandle|invalid session handle|INVALID_SESSION_HANDLE|session \[[^\]]*\] is closed|session was closed or has expired|SESSION_(?:NOT_FOUND|EXPIRED)/i;
const WAREHOUSE_STARTING = /TEMPORARILY_UNAVAILABLE|SERVICE_UNAVAILABLE|(?:warehouse|cluster|endpoint)[^.]{0,80}\b(?:is|are) (?:still )?(?:starting|being started|pending)|\bis starting\b|starting up/i;
// A pro/classic warehouse accepts OpenSession while stopped, then answers the statement with an
// ERROR_STATUS inside an HTTP 200 until its nodes are up: these texts are that, not a real failure.
const COLD_START_IN_200 = /Session handle: SessionHandle \[[^\]]*\] has not been initialized or had already closed|Session \S+ is not fully initialized yet|Couldn't create directory \S*\/_resources|not ready to accept connections \(current state: STARTING\)|No API URL found in Unity Scope/i;
const CAPACITY = /max capacity reached|cannot handle query since/i;
const OAUTH_HOST = /OAuth is not supported for /i;
const PERMISSION_CLASSES = /^(PERMISSION_DENIED|INSUFFICIENT_PERMISSIONS|UNAUTHORIZED_ACCESS|UNAUTHENTICATED|INVALID_TOKEN)/;
const NOT_FOUND_CLASSES = /^(TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|VIEW_NOT_FOUND|TABLE_NOT_FOUND|NO_SUCH_CATALOG_EXCEPTION|RESOURCE_DOES_NOT_EXIST)/;
const TIMEOUT_CLASSES = /^(QUERY_EXECUTION_TIMEOUT_EXCEEDED|STATEMENT_TIMEOUT|QUERY_TIMEOUT)/;
const SYNTAX_CLASSES = /^(PARSE_SYNTAX_ERROR|PARSE_EMPTY_STATEMENT|UNRESOLVED_|UNBOUND_SQL_PARAMETER|DATATYPE_MISMATCH|WRONG_NUM_ARGS|MISSING_AGGREGATION|AMBIGUOUS_|INVALID_PARAMETER_MARKER|INVALID_SQL_SYNTAX|INVALID_LIMIT_LIKE_EXPRESSION|GROUP_BY_|NON_LITERAL_PIVOT|UNSUPPORTED_)/;

/** Maps any error from the driver (or from this adapter) to a retry decision and a safe message. */
export function classifyDatabricksError(err: unknown): ErrorClassification {
  if (err instanceof WarehouseError) return { retry: false, kind: err.kind, safeMessage: err.message };
  const f = facts(err);

  if (f.name === 'AbortError' || f.stateCode === 'CANCELED' || f.stateCode === 'CLOSED' || /^(QUERY_CANCELLED|OPERATION_CANCELED)/.test(f.errorClass ?? '')) {
    return { retry: false, kind: 'cancelled', safeMessage: 'The query was cancelled.' };
  }

  if (f.statusCode !== undefined) {
    const byStatus = classifyStatus(f.statusCode);
    if (byStatus) return byStatus;
  }

  if ((f.code && NETWORK_RETRY_CODES.has(f.code)) || NETWORK_RETRY_TEXT.test(f.text)) {
    return { retry: true, kind: 'unavailable', safeMessage: 'The connection to Databricks was interrupted; try again.' };
  }
  const unreachable = connectionProblem(f);
  if (unreachable) return { retry: false, kind: 'engine', safeMessage: unreachable };

  // Error classes first: the server text of a syntax error quotes the SQL, which must not steer the heuristics below.
  const cls = f.errorClass ?? '';
  if (TIMEOUT_CLASSES.test(cls)) return TIMEOUT;
  if (PERMISSION_CLASSES.test(cls)) return permission(f.text);
  if (NOT_FOUND_CLASSES.test(cls)) return notFound(f.text);
  if (SYNTAX_CLASSES.test(cls)) return syntax(cls);

  if (COLD_START_IN_200.test(f.text)) return COLD_START;
  if (CAPACITY.test(f.text)) {
    return { retry: true, kind: 'unavailable', safeMessage: 'The SQL warehouse is at capacity; try again shortly.' };
  }
  if (SESSION_GONE.test(f.text)) {
    return { retry: true, kind: 'unavailable', safeMessage: 'The Databricks session expired; try again.' };
  }
  if (WAREHOUSE_STARTING.test(f.text)) return COLD_START;
  if (f.stateCode === 'TIMEOUT' || /request timed out|statement timeout|timed out/i.test(f.text)) return TIMEOUT;
  if (f.sqlState === '42501' || /does not have [A-Z_ ]+ (?:privilege )?on\b|insufficient privileges/i.test(f.text)) return permission(f.text);
  if (f.sqlState === '42P01' || f.sqlState === '42704' || f.sqlState === '42P08') return notFound(f.text);
  if (f.sqlState?.startsWith('42') || /ParseException|AnalysisException/.test(f.text)) return syntax(cls);
  if (OAUTH_HOST.test(f.text)) return OAUTH_HOST_UNSUPPORTED;
  if (f.name === 'OPError' || /invalid_client|unauthorized_client/.test(f.text)) {
    return { retry: false, kind: 'permission', safeMessage: "The workspace refused the app's OAuth client id or secret (DATABRICKS_CLIENT_ID / DATABRICKS_CLIENT_SECRET)." };
  }
  if (f.name === 'AuthenticationError') {
    return { retry: false, kind: 'permission', safeMessage: 'Signing in to Databricks failed; check the credentials.' };
  }
  return { retry: false, kind: 'engine', safeMessage: `The query failed on Databricks${cls ? ` (${cls})` : ''}.` };
}

const COLD_START: ErrorClassification = {
  retry: true,
  kind: 'unavailable',
  safeMessage: 'The SQL warehouse is still starting; try again in a minute.',
  coldStart: true,
};

/** Host suffixes for which the driver's OAuth M2M (Databricks OAuth, also on Azure) works. */
export const OAUTH_HOST_SUFFIXES = ['.cloud.databricks.com', '.dev.databricks.com', '.gcp.databricks.com', '.azuredatabricks.net', '.databricks.azure.cn'] as const;

const OAUTH_HOST_UNSUPPORTED: ErrorClassification = {
  retry: false,
  kind: 'permission',
  safeMessage: `The Databricks driver signs in with OAuth only on workspace hosts ending in ${OAUTH_HOST_SUFFIXES.join(', ')}: `
    + 'set DATABRICKS_HOST to the workspace URL itself (not a proxy or custom domain), or use DATABRICKS_TOKEN.',
};

/** Null when the driver can sign in to `host` with OAuth M2M; else the reason, before any connection is tried. */
export function oauthHostProblem(host: string): string | null {
  const h = host.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/:]/)[0] ?? '';
  return OAUTH_HOST_SUFFIXES.some((suffix) => h.endsWith(suffix)) ? null : OAUTH_HOST_UNSUPPORTED.safeMessage;
}

const UNREACHABLE_CODES = /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EADDRNOTAVAIL)$/;
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/;

/** Why the workspace could not be reached at all (name, network, TLS), naming the error code only. */
function connectionProblem(f: ErrorFacts): string | null {
  const code = f.code ?? /\b(ENOTFOUND|EAI_NONAME|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/.exec(f.text)?.[1];
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME') return 'The Databricks workspace host could not be resolved; check DATABRICKS_HOST.';
  if (code && UNREACHABLE_CODES.test(code)) return `Could not reach the Databricks workspace (${code}): check DATABRICKS_HOST, and that this machine may connect to it on port 443 (firewall, proxy, private link).`;
  if (code && TLS_CODES.test(code)) return `The TLS connection to the Databricks workspace failed (${code}): check that DATABRICKS_HOST is the workspace's host name, and any proxy that inspects TLS.`;
  if (f.name === 'FetchError') return `Could not reach the Databricks workspace${code ? ` (${code})` : ''}: check DATABRICKS_HOST and the network between this machine and it.`;
  return null;
}

const TIMEOUT: ErrorClassification = {
  retry: false,
  kind: 'timeout',
  safeMessage: 'The query took too long and was stopped; try a shorter time range.',
};

function permission(text: string): ErrorClassification {
  const object = objectName(text);
  return {
    retry: false,
    kind: 'permission',
    safeMessage: object ? `You don't have access to ${object}.` : "You don't have access to the data this chart reads.",
  };
}

function notFound(text: string): ErrorClassification {
  const object = objectName(text);
  return {
    retry: false,
    kind: 'not_found',
    safeMessage: object ? `${object} was not found, or you can't see it.` : "A table this chart reads was not found, or you can't see it.",
  };
}

function syntax(cls: string): ErrorClassification {
  return { retry: false, kind: 'syntax', safeMessage: `Databricks could not compile the query${cls ? ` (${cls})` : ''}.` };
}

/** An expired or closed session: drop the client and connect again before retrying. */
export function needsReconnect(err: unknown): boolean {
  return !(err instanceof WarehouseError) && SESSION_GONE.test(facts(err).text);
}

function classifyStatus(status: number): ErrorClassification | null {
  if (status === 401) return { retry: false, kind: 'permission', safeMessage: 'Databricks did not accept the credentials (HTTP 401).' };
  if (status === 403) return { retry: false, kind: 'permission', safeMessage: 'Access to the SQL warehouse was denied (HTTP 403); the identity needs CAN USE on it.' };
  if (status === 404) return { retry: false, kind: 'engine', safeMessage: 'The SQL warehouse was not found (HTTP 404); check DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH.' };
  if (status === 429) return { retry: true, kind: 'unavailable', safeMessage: 'Databricks is throttling requests (HTTP 429); try again shortly.' };
  if (status === 502 || status === 503 || status === 504) {
    return { retry: true, kind: 'unavailable', safeMessage: `The SQL warehouse is unavailable or still starting (HTTP ${status}); try again in a minute.`, coldStart: true };
  }
  if (status >= 500) return { retry: false, kind: 'engine', safeMessage: `Databricks answered with an error (HTTP ${status}).` };
  return null;
}

function facts(err: unknown): ErrorFacts {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const response = (typeof e.response === 'object' && e.response !== null ? e.response : {}) as Record<string, unknown>;
  const payload = (typeof e.payload === 'object' && e.payload !== null ? e.payload : {}) as Record<string, unknown>;
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as Record<string, unknown>;
  const texts = [e.message, response.errorMessage, response.displayMessage, cause.message, typeof err === 'string' ? err : undefined]
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
  const text = texts.join('\n');

  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const payloadResponse = (typeof payload.response === 'object' && payload.response !== null ? payload.response : {}) as Record<string, unknown>;
  // THTTPException carries `statusCode`; the driver's own retry gives up with "Hive driver: 503 when connecting…".
  const statusCode = num(e.statusCode) ?? num(payloadResponse.status)
    ?? parseStatus(/bad HTTP status code: (\d{3})/.exec(text)?.[1])
    ?? parseStatus(/Hive driver: (\d{3}) when connecting/.exec(text)?.[1]);

  return {
    name: str(e.name) ?? (err instanceof Error ? err.name : ''),
    text,
    code: str(e.code) ?? str(cause.code),
    statusCode,
    stateCode: str(e.errorCode),
    sqlState: str(response.sqlState) ?? str(e.sqlState) ?? /SQLSTATE:\s*([0-9A-Z]{5})/.exec(text)?.[1],
    errorClass: /\[([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*)\]/.exec(text)?.[1] ?? /(?:^|\n)\s*([A-Z][A-Z0-9_]{3,}):\s/.exec(text)?.[1],
  };
}

function parseStatus(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const BACKTICKED = new RegExp(`\`(${IDENT})\`(?:\\.\`(${IDENT})\`)?(?:\\.\`(${IDENT})\`)?`);
const QUOTED = new RegExp(`'(${IDENT}(?:\\.${IDENT}){1,2})'`);

/** `main`.`gw`.`chat_payload` or 'main.gw.chat_payload' from the server text; identifiers only. */
function objectName(text: string): string | null {
  const quoted = QUOTED.exec(text);
  if (quoted?.[1]) return quoted[1];
  const ticked = BACKTICKED.exec(text);
  if (ticked) return ticked.slice(1).filter(Boolean).join('.');
  return null;
}
