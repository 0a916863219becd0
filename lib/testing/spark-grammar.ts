import { SparkSQL } from 'dt-sql-parser';
import { COMPUTED_ONCE_MARKER, RELATION_MARKER } from '@/lib/warehouse/compat';

const spark = new SparkSQL();

/** Where the parenthesis opened at `open` closes, skipping string literals and comments. */
function closing(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      for (i++; i < sql.length && sql[i] !== c; i++) if (sql[i] === '\\') i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      i = sql.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && sql[i + 1] === '*') {
      i = sql.indexOf('*/', i) + 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return i;
    }
  }
  throw new Error('unbalanced parentheses');
}

const parsed = new Map<string, string[]>();
/** Spark SQL grammar errors of one text as `line:column message`, parsed once per distinct text. */
export function grammarErrors(sql: string): string[] {
  let errors = parsed.get(sql);
  if (!errors) {
    errors = spark.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
    parsed.set(sql, errors);
  }
  return errors;
}

/**
 * Parse errors of a rendered statement: each shared relation's body (a CTE marked as one) on its
 * own, once per distinct text, then the statement with those bodies as SELECT 1 — the same
 * grammar check as the whole, without parsing a long relation again for every statement that
 * reads it (the payload reading is tens of thousands of characters).
 */
export function statementErrors(sql: string): string[] {
  const marker = new RegExp(`AS (?:${[RELATION_MARKER, COMPUTED_ONCE_MARKER].map((m) => m.replace(/[*/]/g, '\\$&')).join('|')}) \\(`, 'g');
  const errors: string[] = [];
  let skeleton = '';
  let from = 0;
  for (let m = marker.exec(sql); m; m = marker.exec(sql)) {
    const open = m.index + m[0].length - 1;
    const close = closing(sql, open);
    errors.push(...grammarErrors(sql.slice(open + 1, close)).map((e) => `in a relation: ${e}`));
    skeleton += `${sql.slice(from, open + 1)}SELECT 1`;
    from = close;
    marker.lastIndex = close;
  }
  return [...errors, ...grammarErrors(skeleton + sql.slice(from))];
}
