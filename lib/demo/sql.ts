/** Small helpers for writing the generator's SQL: literals and deterministic picks. */

export const str = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const strList = (xs: readonly string[]) => `[${xs.map(str).join(', ')}]`;
export const numList = (xs: readonly number[]) => `[${xs.join(', ')}]`;

/** `YYYY-MM-DD HH:MM:SS.ffffff` as a DuckDB TIMESTAMP literal (UTC, no zone). */
export const ts = (d: Date) => `TIMESTAMP '${d.toISOString().replace('T', ' ').replace('Z', '')}'`;

/** One element of `xs`, chosen by the hash of `key` and `salt` (uniform, deterministic). */
export const pick = (xs: readonly string[], key: string, salt: string) =>
  `(${strList(xs)})[1 + (hash(${key}, ${str(salt)}, $seed) % ${xs.length})::BIGINT]`;

/** Replaces the `$seed` placeholder; the seed is validated as an integer before. */
export const withSeed = (sql: string, seed: number) => sql.replaceAll('$seed', String(seed));
