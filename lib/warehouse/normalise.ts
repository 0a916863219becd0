import 'server-only';
/**
 * Turns driver values into JSON-safe ones at the engine boundary. Engine-agnostic and pure.
 * SQL NULL stays `null` (never 0): a zero would silently corrupt sums and averages downstream.
 */

export interface NormaliseRowOptions {
  /**
   * Top-level columns typed DECIMAL. Their string values are exact decimals and become numbers when
   * that loses nothing; every other string is left alone (a STRING column holding "007" stays text).
   */
  decimalColumns?: ReadonlySet<string>;
}

export function normaliseRow(row: Record<string, unknown>, options: NormaliseRowOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = options.decimalColumns?.has(key) ? normaliseDecimal(value) : normaliseValue(value);
  }
  return out;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function normaliseValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
    case 'function':
    case 'symbol':
      return null;
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = normaliseValue(v);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normaliseValue(v);
  return out;
}

/**
 * A DECIMAL arrives as an exact string (or as a number / bigint from lossy driver settings) and
 * becomes the nearest number: row schemas and charts work in doubles, and a DECIMAL(38, 18) average
 * kept as text would fail them. Text that is not a decimal is left as it came.
 */
export function normaliseDecimal(value: unknown): unknown {
  if (typeof value !== 'string') return normaliseValue(value);
  const text = value.trim();
  if (!DECIMAL_TEXT.test(text) || !/\d/.test(text)) return value;
  const asNumber = Number(text);
  return Number.isFinite(asNumber) ? asNumber : value;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
