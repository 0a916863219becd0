/** Small, total helpers over untrusted JSON: nothing here throws. */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export type Parsed = { ok: true; value: unknown } | { ok: false };

export function tryParse(text: string | null | undefined): Parsed {
  if (text === null || text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A string that holds JSON (guardrail verdicts, span attributes, provider errors): its value, else null. */
export function innerJson(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{"]/.test(v)) return null;
  const p = tryParse(v);
  return p.ok ? p.value : null;
}

/** `data: {...}` lines of a server-sent event stream, as a chunk array; null when it is not one. */
export function parseEventStream(text: string): unknown[] | null {
  if (!/^\s*(?:event:.*\n)?\s*data:/m.test(text)) return null;
  const chunks: unknown[] = [];
  for (const line of text.split('\n')) {
    const m = /^data:\s*(.*)$/.exec(line.trim());
    if (!m || m[1] === '[DONE]') continue;
    const p = tryParse(m[1]!);
    if (p.ok) chunks.push(p.value);
  }
  return chunks.length ? chunks : null;
}

/** A body as JSON: plain JSON, or an event stream read as its chunks. */
export function parseBody(text: string | null): Parsed {
  const p = tryParse(text);
  if (p.ok || text === null) return p;
  const sse = parseEventStream(text);
  return sse ? { ok: true, value: sse } : { ok: false };
}

export function argText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}
