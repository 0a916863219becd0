/** Command-line helpers shared by the scripts (bench, rollups, demo generator). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Options only, no positionals; anything parseArgs refuses becomes a UsageError naming it. */
export function parseOptions<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, UsageError: new (message: string) => Error) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--name` as a whole number in [min, max] (`1_000`, `200k`, `10m` allowed); `fallback` when absent. */
export function whole(name: string, value: string | undefined, fallback: number, min: number, max: number, UsageError: new (message: string) => Error): number {
  if (value === undefined) return fallback;
  const v = value.replaceAll('_', '').replace(/^(\d+(?:\.\d+)?)([km])$/i, (_m, n: string, unit: string) => String(Number(n) * (unit.toLowerCase() === 'k' ? 1e3 : 1e6)));
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a whole number, got "${value}"`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}
