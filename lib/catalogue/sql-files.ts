import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The SQL of the catalogue lives in files under queries/: one per query (`<id>.sql`, and
 * `<id>.rollup.sql` when it has a variant over the rollup tables, `<id>.facts.sql` when it has one
 * over the request facts and text tables alone), the shared relations
 * (`relations/<name>[.<variant>].sql`) and the SQL macros (`macros/<name>.sql`). Each is read once
 * per process in production; in development every read sees the file as it is now.
 */
export function queriesDir(): string {
  return path.join(process.cwd(), 'queries');
}

const texts = new Map<string, string>();
const present = new Map<string, boolean>();
const cached = () => process.env.NODE_ENV === 'production';

/** The text of `queries/<file>.sql` (`file` may name a subfolder: `relations/requests.raw`). */
export function loadSql(file: string): string {
  let sql = texts.get(file);
  if (sql === undefined) {
    sql = fs.readFileSync(path.join(queriesDir(), `${file}.sql`), 'utf8');
    if (cached()) texts.set(file, sql);
  }
  return sql;
}

/** Whether `queries/<file>.sql` exists. */
export function hasSql(file: string): boolean {
  let exists = present.get(file);
  if (exists === undefined) {
    exists = fs.existsSync(path.join(queriesDir(), `${file}.sql`));
    if (cached()) present.set(file, exists);
  }
  return exists;
}

/** A SQL file split into its leading comment lines (what it is, in words) and its body. */
export function splitLeadingComments(sql: string): { comments: string[]; body: string } {
  const lines = sql.replace(/\s+$/, '').split('\n');
  let i = 0;
  while (i < lines.length && (/^\s*--/.test(lines[i]!) || lines[i]!.trim() === '')) i++;
  return { comments: lines.slice(0, i).filter((l) => l.trim() !== ''), body: lines.slice(i).join('\n') };
}
