import { thrift } from '@databricks/sql';
import AuthenticationError from '@databricks/sql/dist/errors/AuthenticationError';
import HiveDriverError from '@databricks/sql/dist/errors/HiveDriverError';
import OperationStateError, { OperationStateErrorCode } from '@databricks/sql/dist/errors/OperationStateError';
import StatusError from '@databricks/sql/dist/errors/StatusError';
import { THTTPException } from '@databricks/sql/dist/connection/connections/ThriftHttpConnection';
import { describe, expect, it } from 'vitest';
import { classifyDatabricksError, needsReconnect } from './databricks-errors';
import { WarehouseError } from './types';

const { TOperationState, TStatus, TStatusCode, TGetOperationStatusResp } = thrift.TCLIService_types;

/** What the Thrift backend throws when polling finds the statement in ERROR_STATE. */
function failedStatement(message: string, sqlState?: string) {
  return new OperationStateError(
    OperationStateErrorCode.Error,
    new TGetOperationStatusResp({
      status: new TStatus({ statusCode: TStatusCode.SUCCESS_STATUS }),
      operationState: TOperationState.ERROR_STATE,
      errorMessage: message,
      displayMessage: message,
      sqlState,
    }),
  );
}

/** What `Status.assert` throws when a Thrift call itself answers ERROR_STATUS. */
function statusError(message: string) {
  return new StatusError(new TStatus({ statusCode: TStatusCode.ERROR_STATUS, errorMessage: message }));
}

/** What the HTTP transport throws for a non-200 answer on OpenSession / ExecuteStatement / FetchResults. */
function httpError(status: number) {
  return new THTTPException({ status } as ConstructorParameters<typeof THTTPException>[0]);
}

/** node-fetch's FetchError for a dropped socket (type "system", errno code). */
function socketError(code: string) {
  return Object.assign(
    new Error(`request to https://adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/abc123 failed, reason: read ${code}`),
    { name: 'FetchError', type: 'system', code, errno: code },
  );
}

const PARSE_ERROR = "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601 (line 1, pos 9)\n\n== SQL ==\nSELECT 1 FORM main.secret.table WHERE token = 'dapi0123456789abcdef0123456789abcdef'\n---------^^^\n";
const TABLE_NOT_FOUND = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`ai_gateway`.`chat_payload` cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog. SQLSTATE: 42P01; line 1 pos 14;\n'Project [*]\n+- 'UnresolvedRelation [main, ai_gateway, chat_payload], [], false\n";
const NO_SELECT = "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have SELECT on Table 'main.ai_gateway.chat_payload'. SQLSTATE: 42501";
const NO_USE_SCHEMA = "PERMISSION_DENIED: User does not have USE SCHEMA on Schema 'system.serving'.";
const UNRESOLVED_COLUMN = '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `reqeust_time` cannot be resolved. Did you mean one of the following? [`request_time`, `request_date`]. SQLSTATE: 42703; line 1 pos 7';
const STATEMENT_TIMEOUT = '[QUERY_EXECUTION_TIMEOUT_EXCEEDED] Query execution was cancelled due to exceeding the timeout (120s). You can increase the limit in seconds by setting SET STATEMENT_TIMEOUT = value. SQLSTATE: 57KD0';

describe('classifyDatabricksError', () => {
  const cases: Array<[string, unknown, { retry: boolean; kind: WarehouseError['kind'] }]> = [
    ['HTTP 503 from a cold warehouse', httpError(503), { retry: true, kind: 'unavailable' }],
    ['HTTP 502', httpError(502), { retry: true, kind: 'unavailable' }],
    ['HTTP 504', httpError(504), { retry: true, kind: 'unavailable' }],
    ['HTTP 429', httpError(429), { retry: true, kind: 'unavailable' }],
    ['HTTP 500', httpError(500), { retry: false, kind: 'engine' }],
    ['HTTP 401', httpError(401), { retry: false, kind: 'permission' }],
    ['HTTP 403', httpError(403), { retry: false, kind: 'permission' }],
    ['HTTP 404 (wrong warehouse id)', httpError(404), { retry: false, kind: 'engine' }],
    ["driver's own retry giving up on 503", new HiveDriverError('Hive driver: 503 when connecting to resource. Max retry count exceeded.'), { retry: true, kind: 'unavailable' }],
    ['TEMPORARILY_UNAVAILABLE status', statusError('TEMPORARILY_UNAVAILABLE: The service at /sql/1.0/warehouses/abc123 is temporarily unavailable. Please try again later.'), { retry: true, kind: 'unavailable' }],
    ['warehouse is starting', statusError('The SQL warehouse abc123 is starting. Please retry later.'), { retry: true, kind: 'unavailable' }],
    ['Invalid SessionHandle', statusError('Invalid SessionHandle: SessionHandle [01ef4b5e-1c2d-1a2b-9c8d-0123456789ab]'), { retry: true, kind: 'unavailable' }],
    ['closed session', statusError('BAD_REQUEST: Invalid SessionHandle: Session [01f05276-6147-1fa3-97ce-77356bbde400] is closed.'), { retry: true, kind: 'unavailable' }],
    ['ECONNRESET', socketError('ECONNRESET'), { retry: true, kind: 'unavailable' }],
    ['ETIMEDOUT', socketError('ETIMEDOUT'), { retry: true, kind: 'unavailable' }],
    ['socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { retry: true, kind: 'unavailable' }],
    ['ENOTFOUND (bad host)', socketError('ENOTFOUND'), { retry: false, kind: 'engine' }],
    ['PARSE_SYNTAX_ERROR', failedStatement(PARSE_ERROR, '42601'), { retry: false, kind: 'syntax' }],
    ['UNRESOLVED_COLUMN', failedStatement(UNRESOLVED_COLUMN), { retry: false, kind: 'syntax' }],
    ['UNBOUND_SQL_PARAMETER', statusError('[UNBOUND_SQL_PARAMETER] Found the unbound parameter: endpoint. Please, fix `args` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as `map()`, `array()`, `struct()`. SQLSTATE: 42P02'), { retry: false, kind: 'syntax' }],
    ['TABLE_OR_VIEW_NOT_FOUND', failedStatement(TABLE_NOT_FOUND, '42P01'), { retry: false, kind: 'not_found' }],
    ['INSUFFICIENT_PERMISSIONS', failedStatement(NO_SELECT, '42501'), { retry: false, kind: 'permission' }],
    ['PERMISSION_DENIED', statusError(NO_USE_SCHEMA), { retry: false, kind: 'permission' }],
    ['statement timeout on the server', failedStatement(STATEMENT_TIMEOUT, '57KD0'), { retry: false, kind: 'timeout' }],
    ['TIMEDOUT_STATE', new OperationStateError(OperationStateErrorCode.Timeout), { retry: false, kind: 'timeout' }],
    ['cancelled operation', new OperationStateError(OperationStateErrorCode.Canceled), { retry: false, kind: 'cancelled' }],
    ['DIVIDE_BY_ZERO', failedStatement('[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. SQLSTATE: 22012'), { retry: false, kind: 'engine' }],
    ['OAuth failure', new AuthenticationError('Failed to fetch access token'), { retry: false, kind: 'permission' }],
    ['unknown', new Error('something odd'), { retry: false, kind: 'engine' }],
    ['not an Error at all', 'boom', { retry: false, kind: 'engine' }],
  ];

  it.each(cases)('%s', (_name, err, expected) => {
    const c = classifyDatabricksError(err);
    expect({ retry: c.retry, kind: c.kind }).toEqual(expected);
    expect(c.safeMessage).not.toMatch(/azuredatabricks|warehouses\/|SELECT|FORM|dapi|Bearer|==\s*SQL/);
  });

  it('names the table in permission and not-found messages', () => {
    expect(classifyDatabricksError(failedStatement(NO_SELECT)).safeMessage).toBe("You don't have access to main.ai_gateway.chat_payload.");
    expect(classifyDatabricksError(statusError(NO_USE_SCHEMA)).safeMessage).toBe("You don't have access to system.serving.");
    expect(classifyDatabricksError(failedStatement(TABLE_NOT_FOUND)).safeMessage).toBe("main.ai_gateway.chat_payload was not found, or you can't see it.");
  });

  it('names the error class of a compile error, never the SQL', () => {
    expect(classifyDatabricksError(failedStatement(PARSE_ERROR)).safeMessage).toBe('Databricks could not compile the query (PARSE_SYNTAX_ERROR).');
  });

  it('does not let SQL quoted in a syntax error look like a cold start', () => {
    const c = classifyDatabricksError(failedStatement("[PARSE_SYNTAX_ERROR] Syntax error at or near 'is'.\n== SQL ==\nSELECT 'warehouse is starting' FORM t\n"));
    expect(c).toMatchObject({ retry: false, kind: 'syntax' });
  });

  it('passes WarehouseErrors through', () => {
    expect(classifyDatabricksError(new WarehouseError('The query was cancelled.', 'cancelled'))).toEqual({
      retry: false,
      kind: 'cancelled',
      safeMessage: 'The query was cancelled.',
    });
  });
});

describe('needsReconnect', () => {
  it('is true only for lost sessions', () => {
    expect(needsReconnect(statusError('Invalid SessionHandle: SessionHandle [x]'))).toBe(true);
    expect(needsReconnect(new HiveDriverError('The session was closed or has expired'))).toBe(true);
    expect(needsReconnect(httpError(503))).toBe(false);
    expect(needsReconnect(failedStatement(PARSE_ERROR))).toBe(false);
  });
});
