/**
 * Structured server logs: one JSON object per line, so a log shipper can index fields.
 * Never pass tokens or payload text here.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = (process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info')) as Level;
  return ORDER[wanted] ?? ORDER.info;
}

const SECRET_ENV = ['DATABRICKS_TOKEN', 'DATABRICKS_CLIENT_SECRET'];

/**
 * Masks credentials in text bound for a log: bearer tokens, Databricks PATs, JWT-shaped OAuth
 * tokens, and the configured secrets themselves, whatever field or error message carries them.
 */
export function redactSecrets(text: string, env: Record<string, string | undefined> = process.env): string {
  let out = text
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***')
    .replace(/\bdapi[0-9a-f]{16,}(-\d+)?\b/gi, 'dapi***')
    .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '***jwt***');
  for (const name of SECRET_ENV) {
    const secret = env[name];
    if (secret && secret.length >= 8) out = out.split(secret).join('***');
  }
  return out;
}

function emit(level: Level, event: string, fields: Fields = {}): void {
  if (ORDER[level] < threshold()) return;
  // eslint-disable-next-line no-restricted-syntax -- a log line is stamped with the wall clock, even when the dashboard's clock is pinned
  const line = redactSecrets(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, (_k, v) => {
    if (v instanceof Error) return { name: v.name, message: v.message, stack: v.stack };
    if (typeof v === 'bigint') return v.toString();
    return v;
  }));
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (event: string, fields?: Fields) => emit('debug', event, fields),
  info: (event: string, fields?: Fields) => emit('info', event, fields),
  warn: (event: string, fields?: Fields) => emit('warn', event, fields),
  error: (event: string, fields?: Fields) => emit('error', event, fields),
};
