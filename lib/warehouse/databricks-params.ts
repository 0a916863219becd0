import 'server-only';
import { DBSQLParameter, DBSQLParameterType } from '@databricks/sql';
import { WarehouseError, type Params } from './types';

/** Databricks accepts at most 256 parameters in one statement. */
export const MAX_PARAMS = 256;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * Binds every value with an explicit type so the server never guesses.
 * Integers that fit INT bind as INT (LIMIT accepts only INT); larger ones as BIGINT.
 * NULL binds as VOID: the driver then sends neither type nor value, which the server reads as an
 * untyped NULL that coerces to the other operand's type in `(:p IS NULL OR col = :p)`.
 */
export function toNamedParameters(params: Params): Record<string, DBSQLParameter> {
  const entries = Object.entries(params);
  if (entries.length > MAX_PARAMS) {
    throw new WarehouseError(`A query may bind at most ${MAX_PARAMS} parameters.`, 'engine', { count: entries.length });
  }
  const out: Record<string, DBSQLParameter> = {};
  for (const [name, value] of entries) {
    if (!PARAM_NAME.test(name)) {
      throw new WarehouseError('A query parameter has an invalid name.', 'engine', { name: name.slice(0, 64) });
    }
    out[name] = toParameter(name, value);
  }
  return out;
}

function toParameter(name: string, value: unknown): DBSQLParameter {
  if (value === null || value === undefined) return new DBSQLParameter({ type: DBSQLParameterType.VOID, value: null });
  if (typeof value === 'string') return new DBSQLParameter({ type: DBSQLParameterType.STRING, value });
  if (typeof value === 'boolean') return new DBSQLParameter({ type: DBSQLParameterType.BOOLEAN, value });
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new WarehouseError(`Query parameter "${name}" is not a finite number.`, 'engine', { name });
    }
    if (Number.isInteger(value)) {
      if (value >= INT32_MIN && value <= INT32_MAX) return new DBSQLParameter({ type: DBSQLParameterType.INTEGER, value });
      if (Number.isSafeInteger(value)) return new DBSQLParameter({ type: DBSQLParameterType.BIGINT, value });
    }
    return new DBSQLParameter({ type: DBSQLParameterType.DOUBLE, value });
  }
  throw new WarehouseError(`Query parameter "${name}" has an unsupported type.`, 'engine', { name, type: typeof value });
}
