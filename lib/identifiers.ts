/**
 * Identifier patterns shared by the server's configuration and the browser's validation. This
 * module must stay free of server code: client bundles import it.
 */

/** `catalog.schema.table`, unquoted. Anything else (quotes, backticks, spaces, SQL) is refused. */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}$/;
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** Serving endpoint names: letters, digits, `-` and `_` (Databricks' own rule). */
export const ENDPOINT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** usage_context keys a filter can name: usable as a JSON path step on both engines. */
export const CONTEXT_FILTER_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CONTEXT_FILTER_VALUE = /^[^\u0000-\u001f]{1,256}$/;

export interface ContextFilter { key: string; value: string | null }

/** `key=value` (requests whose usage_context has that value) or `key` (any value); null when malformed. */
export function parseContextFilter(text: string): ContextFilter | null {
  const at = text.indexOf('=');
  const key = at === -1 ? text : text.slice(0, at);
  const value = at === -1 ? null : text.slice(at + 1);
  if (!CONTEXT_FILTER_KEY.test(key)) return null;
  if (value !== null && !CONTEXT_FILTER_VALUE.test(value)) return null;
  return { key, value };
}

export function formatContextFilter(f: ContextFilter): string {
  return f.value === null ? f.key : `${f.key}=${f.value}`;
}
