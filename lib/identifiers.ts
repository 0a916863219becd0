/**
 * Identifier patterns shared by the server's configuration and the browser's validation. This
 * module must stay free of server code: client bundles import it.
 */

/** `catalog.schema.table`, unquoted. Anything else (quotes, backticks, spaces, SQL) is refused. */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}$/;
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}\.[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** Serving endpoint names: letters, digits, `-` and `_` (Databricks' own rule). */
export const ENDPOINT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
