import 'server-only';
/**
 * The catalogue is written once, in Databricks SQL. This module lets the embedded DuckDB engine
 * run it unchanged: it rewrites `:name` parameter markers to DuckDB's `$name` and defines
 * macros for the Databricks functions DuckDB lacks or treats differently.
 */

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

export interface RewrittenSql {
  sql: string;
  /** Parameter names in order of first use. */
  params: string[];
}

/** The comment that marks a shared relation's CTE: `name AS /* relation *\/ (`. */
export const RELATION_MARKER = '/* relation */';
/**
 * The comment that marks a shared relation's CTE the embedded engine computes once however often
 * the statement reads it: `name AS /* relation, computed once *\/ (` (lib/catalogue/render.ts).
 */
export const COMPUTED_ONCE_MARKER = '/* relation, computed once */';

/**
 * Functions taking a lambda, named as Databricks names them, and DuckDB's name for each. A macro
 * cannot take a lambda in DuckDB, so the call is renamed instead (same arguments, same order).
 */
const LAMBDA_FUNCTIONS: Record<string, string> = { transform: 'list_transform' };

/**
 * Rewrites `:name` → `$name`, Databricks' lambda functions to DuckDB's (`transform(` →
 * `list_transform(`) and shared relations' CTEs to `AS NOT MATERIALIZED` (`AS MATERIALIZED` where
 * marked computed once), leaving `::` casts, string literals ('…', "…" — Spark's quoting
 * rules, with backslash and doubled-quote escapes), backtick identifiers and comments untouched.
 */
export function rewriteParams(sql: string): RewrittenSql {
  const params: string[] = [];
  const out = scanSql(sql, {
    param: (name) => {
      if (!params.includes(name)) params.push(name);
      return `$${name}`;
    },
    // A shared relation's CTE (lib/catalogue/render.ts): inlined where it is read, as the
    // warehouse does, instead of materialised whole when it is read twice; the payload reading,
    // where a statement reads it more than once, computed once (DuckDB would plan every copy).
    comment: (comment, before) => {
      if (!/\bAS\s+$/i.test(before)) return comment;
      if (comment === RELATION_MARKER) return 'NOT MATERIALIZED';
      if (comment === COMPUTED_ONCE_MARKER) return 'MATERIALIZED';
      return comment;
    },
  });
  return { sql: out, params };
}

/**
 * Replaces every `:name` parameter marker with the text `replace` gives for it, with the same
 * reading of strings, identifiers, comments and `::` casts as rewriteParams (lib/catalogue/unattended.ts
 * inlines values this way).
 */
export function replaceParams(sql: string, replace: (name: string) => string): string {
  return scanSql(sql, { param: replace });
}

function scanSql(sql: string, on: { param: (name: string) => string; comment?: (comment: string, before: string) => string }): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      const end = skipQuoted(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      const end = nl === -1 ? n : nl;
      out += sql.slice(i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      const end = close === -1 ? n : close + 2;
      const comment = sql.slice(i, end);
      out += on.comment ? on.comment(comment, out) : comment;
      i = end;
    } else if (c === ':' && next === ':') {
      out += '::';
      i += 2;
    } else if (c === ':' && next !== undefined && IDENT_START.test(next) && !(i > 0 && IDENT_PART.test(sql[i - 1]!))) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(sql[j]!)) j++;
      out += on.param(sql.slice(i + 1, j));
      i = j;
    } else if (IDENT_START.test(c) && !(i > 0 && (IDENT_PART.test(sql[i - 1]!) || sql[i - 1] === '.'))) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(sql[j]!)) j++;
      const word = sql.slice(i, j);
      const renamed = LAMBDA_FUNCTIONS[word.toLowerCase()];
      out += renamed && /^\s*\(/.test(sql.slice(j, j + 20)) ? renamed : word;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\\' && quote !== '`') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2; // doubled quote is an escaped quote
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

/**
 * Macros giving DuckDB the Databricks semantics the catalogue relies on. Each is checked in
 * compat.test.ts against what Databricks documents. JSON functions never throw on text that is not
 * JSON: a cheap look at the first character, then TRY (a guard beside the call is not enough:
 * DuckDB may evaluate both sides of an AND).
 */
export const COMPAT_MACROS: readonly string[] = [
  // Databricks returns NULL for invalid JSON; DuckDB's json_extract_string would throw. TRY
  // parses once (a json_valid guard would parse twice); a failing chunk is redone row by row.
  `CREATE OR REPLACE MACRO get_json_object(j, p) AS try(json_extract_string(j, p))`,
  // Databricks' percentile_approx picks an actual value (discrete); quantile_disc does the same.
  `CREATE OR REPLACE MACRO percentile_approx(x, p) AS quantile_disc(x, p)`,
  `CREATE OR REPLACE MACRO explode(a) AS unnest(a)`,
  `CREATE OR REPLACE MACRO size(a) AS len(a)`,
  `CREATE OR REPLACE MACRO unix_timestamp(ts) AS CAST(epoch(ts) AS BIGINT)`,
  `CREATE OR REPLACE MACRO timestamp_seconds(s) AS CAST(to_timestamp(s) AS TIMESTAMP)`,
  // Databricks map_from_arrays(keys, values); NULL arrays give a NULL map of the same type.
  `CREATE OR REPLACE MACRO map_from_arrays(k, v) AS map(k, v)`,
  // Databricks: keys of the outermost object; NULL for invalid JSON, arrays and scalars.
  `CREATE OR REPLACE MACRO json_object_keys(j) AS CASE WHEN regexp_matches(j, '^\\s*[{]') THEN try(json_keys(j)) END`,
  // Databricks replaces every match; DuckDB's built-in only the first unless told 'g'. The
  // 4-argument form is Databricks' (position), supported from position 1 only.
  `CREATE OR REPLACE MACRO regexp_replace(s, p, r) AS system.main.regexp_replace(s, p, r, 'g'), (s, p, r, pos) AS system.main.regexp_replace(s, p, r, 'g')`,
  // Wall-clock time in a zone and back, for buckets that follow the reporting time zone.
  `CREATE OR REPLACE MACRO from_utc_timestamp(ts, tz) AS CAST(timezone(tz, CAST(ts AS TIMESTAMPTZ)) AS TIMESTAMP)`,
  `CREATE OR REPLACE MACRO to_utc_timestamp(ts, tz) AS CAST(timezone(tz, CAST(ts AS TIMESTAMP)) AS TIMESTAMP)`,
  // Databricks gives NULL for invalid JSON and for anything but an array; DuckDB's built-in throws or counts keys.
  `CREATE OR REPLACE MACRO json_array_length(j) AS CASE WHEN regexp_matches(j, '^\\s*\\[') THEN try(CAST(system.main.json_array_length(j) AS INT)) END`,
  // Databricks from_json(j, 'array<string>'), the only schema the catalogue uses: the items of a
  // JSON array as text (strings unquoted, objects and arrays as JSON), NULL for anything else.
  `CREATE OR REPLACE MACRO from_json(j, schema) AS CASE WHEN regexp_matches(j, '^\\s*\\[') THEN try(json_extract_string(j, '$[*]')) END`,
  // Arrays: Databricks indexes from 0 in get(), from 1 in slice() (a negative start counts from the end).
  `CREATE OR REPLACE MACRO get(a, i) AS CASE WHEN i >= 0 THEN a[i + 1] END`,
  `CREATE OR REPLACE MACRO slice(a, start, n) AS list_slice(a, start, start + n - 1)`,
  `CREATE OR REPLACE MACRO sequence(a, b) AS generate_series(a, b)`,
  `CREATE OR REPLACE MACRO array_join(a, sep) AS array_to_string(a, sep)`,
  `CREATE OR REPLACE MACRO array_min(a) AS list_min(a)`,
  `CREATE OR REPLACE MACRO array_max(a) AS list_max(a)`,
  `CREATE OR REPLACE MACRO arrays_overlap(a, b) AS list_has_any(a, b)`,
];
