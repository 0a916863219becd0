/**
 * The JSON paths people write: `$.a.b`, `$.a[0]`, `$['key']`, `$.a[*]`, `$.a.*`, and the last
 * element as `[-1]` or `[last]`. Evaluated live on one payload in the browser, and translated to
 * Databricks `get_json_object` paths for list columns.
 */

export type Segment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number } // negative counts from the end: -1 is the last element
  | { kind: 'wildcard' };

export type ParseResult = { ok: true; segments: Segment[] } | { ok: false; error: string };

const MAX_PATH = 300;

export function parsePath(input: string): ParseResult {
  const path = input.trim();
  if (!path) return { ok: false, error: 'Enter a path starting with $, e.g. $.messages[0].content' };
  if (path.length > MAX_PATH) return { ok: false, error: `A path has at most ${MAX_PATH} characters` };
  if (path[0] !== '$') return { ok: false, error: 'A path starts with $' };
  const segments: Segment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (path[i + 1] === '*') {
        segments.push({ kind: 'wildcard' });
        i += 2;
        continue;
      }
      const m = /^[^.[\]\s'"]+/.exec(path.slice(i + 1));
      if (!m) return { ok: false, error: `Expected a key after "." at position ${i + 1}` };
      segments.push({ kind: 'key', key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const close = findClose(path, i);
      if (close < 0) return { ok: false, error: `Unclosed "[" at position ${i + 1}` };
      const inner = path.slice(i + 1, close).trim();
      const seg = bracket(inner);
      if (!seg) return { ok: false, error: `"[${inner}]" is not an index, [*], [last] or a quoted key` };
      segments.push(seg);
      i = close + 1;
    } else {
      return { ok: false, error: `Unexpected "${c}" at position ${i + 1}` };
    }
  }
  return { ok: true, segments };
}

function findClose(path: string, open: number): number {
  const q = path[open + 1];
  if (q === "'" || q === '"') {
    const end = path.indexOf(q, open + 2);
    return end < 0 || path[end + 1] !== ']' ? -1 : end + 1;
  }
  return path.indexOf(']', open);
}

function bracket(inner: string): Segment | null {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner === 'last') return { kind: 'index', index: -1 };
  if (/^-?\d{1,6}$/.test(inner)) {
    const index = Number(inner);
    return Object.is(index, -0) ? { kind: 'index', index: 0 } : { kind: 'index', index };
  }
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted && quoted[2]!.length > 0) return { kind: 'key', key: quoted[2]! };
  return null;
}

export interface Match {
  /** Where the value sits, as keys and indexes from the root. */
  location: (string | number)[];
  value: unknown;
}

const MAX_MATCHES = 1000;

/** Every value the path selects, in document order. Never throws. */
export function evaluatePath(root: unknown, segments: Segment[]): Match[] {
  let current: Match[] = [{ location: [], value: root }];
  for (const seg of segments) {
    const next: Match[] = [];
    for (const m of current) {
      const v = m.value;
      if (seg.kind === 'key') {
        if (isObject(v) && Object.hasOwn(v, seg.key)) next.push({ location: [...m.location, seg.key], value: v[seg.key] });
      } else if (seg.kind === 'index') {
        if (Array.isArray(v)) {
          const at = seg.index < 0 ? v.length + seg.index : seg.index;
          if (at >= 0 && at < v.length) next.push({ location: [...m.location, at], value: v[at] });
        }
      } else if (Array.isArray(v)) {
        v.forEach((x, k) => next.push({ location: [...m.location, k], value: x }));
      } else if (isObject(v)) {
        for (const [k, x] of Object.entries(v)) next.push({ location: [...m.location, k], value: x });
      }
      if (next.length >= MAX_MATCHES) break;
    }
    current = next.slice(0, MAX_MATCHES);
  }
  return current;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A location as a canonical path string, the same form the tree uses to mark matches. */
export function locationKey(location: (string | number)[]): string {
  return '$' + location.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/**
 * A path as SQL can evaluate it with `get_json_object`: `path` is a plain Databricks path; when
 * the path counts from the end, `path` leads to the array, `fromEnd` is how far from its end
 * (1 = last) and `suffix` is the rest, so SQL builds the index from `json_array_length`.
 */
export interface SqlPath {
  path: string;
  fromEnd: number | null;
  suffix: string;
}

const SQL_KEY = /^[A-Za-z0-9_]+$/;

export function toSqlPath(segments: Segment[]): { ok: true; sql: SqlPath } | { ok: false; error: string } {
  let head = '$';
  let tail = '';
  let fromEnd: number | null = null;
  for (const seg of segments) {
    let piece: string;
    if (seg.kind === 'wildcard') return { ok: false, error: 'Wildcards work in the live evaluator but not as a list column: pick one element' };
    if (seg.kind === 'key') {
      // Keys beyond letters, digits and _ are quoted differently by the two engines.
      if (!SQL_KEY.test(seg.key)) return { ok: false, error: `As a list column, keys may hold only letters, digits and _ ("${seg.key}")` };
      piece = `.${seg.key}`;
    } else if (seg.index < 0) {
      if (fromEnd !== null) return { ok: false, error: 'As a list column, only one index may count from the end' };
      fromEnd = -seg.index;
      continue;
    } else {
      piece = `[${seg.index}]`;
    }
    if (fromEnd === null) head += piece;
    else tail += piece;
  }
  return { ok: true, sql: { path: head, fromEnd, suffix: tail } };
}

/** One extraction column: which body and which path, written `request:$.path` in the URL. */
export interface ExtractionSpec {
  body: 'request' | 'response';
  path: string;
}

export function parseSpec(raw: string): { ok: true; spec: ExtractionSpec; sql: SqlPath } | { ok: false; error: string } {
  const m = /^(request|response):(.*)$/s.exec(raw.trim());
  if (!m) return { ok: false, error: 'expected request:<path> or response:<path>' };
  const parsed = parsePath(m[2]!);
  if (!parsed.ok) return parsed;
  const sql = toSqlPath(parsed.segments);
  if (!sql.ok) return sql;
  return { ok: true, spec: { body: m[1] as ExtractionSpec['body'], path: m[2]!.trim() }, sql: sql.sql };
}

export const formatSpec = (s: ExtractionSpec) => `${s.body}:${s.path}`;
