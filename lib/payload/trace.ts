import { arr, innerJson, isObj, num, str, type Obj } from './json';
import type { Span, Trace } from './types';

/**
 * MLflow traces carried in a response under `databricks_output.trace`, in either serialisation:
 * MLflow 2 (`info.request_id`/`status`, spans with `context.span_id`, `parent_id`, `start_time`,
 * `end_time` in ns, `status_code`) or MLflow 3 / OTLP-like (`info.trace_id`/`state`, spans with
 * `span_id`, `parent_span_id`, `start_time_unix_nano`, `status.code`). Span type, inputs, outputs
 * and token usage are read from `span_type`/`inputs`/`outputs` or from the `mlflow.*` attributes,
 * whose values are JSON-encoded strings.
 */

/** Where a response keeps its trace; a chunk array's last chunk that has one. */
export function findTrace(response: unknown): unknown {
  if (Array.isArray(response)) {
    for (let i = response.length - 1; i >= 0; i--) {
      const t = findTrace(response[i]);
      if (t !== null) return t;
    }
    return null;
  }
  if (!isObj(response) || !isObj(response.databricks_output)) return null;
  const t = response.databricks_output.trace;
  if (typeof t === 'string') return innerJson(t);
  return t ?? null;
}

/** Nanoseconds as a bigint: 19-digit times lose precision as doubles, so strings keep theirs. */
function nanos(v: unknown): bigint | null {
  if (typeof v === 'string' && /^\d{1,25}$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.round(v));
  return null;
}

const msBetween = (a: bigint, b: bigint) => Number(b - a) / 1e6;

/** A protobuf JSON duration such as "1.25s", in milliseconds. */
function seconds(v: unknown): number | null {
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(v) : null;
  return m ? Number(m[1]) * 1000 : null;
}

/** An attribute MLflow stored JSON-encoded (`"\"LLM\""`, `"{\"x\": 1}"`), decoded. */
function attr(attrs: Obj, key: string): unknown {
  const v = attrs[key];
  if (typeof v !== 'string') return v;
  const inner = innerJson(v);
  return inner === null ? v : inner;
}

function asText(v: unknown): string | null {
  // A JSON `null` attribute is MLflow's "no outputs" (e.g. a span that raised).
  if (v === undefined || v === null || v === 'null') return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 2);
}

function statusOf(s: Obj): { status: Span['status']; message: string | null } {
  const raw = str(s.status_code) ?? (isObj(s.status) ? str(s.status.code) : str(s.status)) ?? '';
  const code = raw.toUpperCase().replace(/^STATUS_CODE_/, '');
  const message = str(s.status_message) ?? (isObj(s.status) ? str(s.status.message) ?? str(s.status.description) : null);
  const status = code === 'ERROR' ? 'error' : code === 'OK' ? 'ok' : 'unset';
  return { status, message: message || exceptionMessage(s) };
}

/** The message of an `exception` event, the way OpenTelemetry records a raised error. */
function exceptionMessage(s: Obj): string | null {
  for (const e of arr(s.events)) {
    if (!isObj(e) || e.name !== 'exception' || !isObj(e.attributes)) continue;
    const msg = str(attr(e.attributes, 'exception.message')) ?? str(attr(e.attributes, 'exception.type'));
    if (msg) return msg;
  }
  return null;
}

function tokensOf(attrs: Obj): Span['tokens'] {
  const u = attr(attrs, 'mlflow.chat.tokenUsage');
  if (!isObj(u)) return null;
  const input = num(u.input_tokens) ?? num(u.prompt_tokens);
  const output = num(u.output_tokens) ?? num(u.completion_tokens);
  const total = num(u.total_tokens) ?? (input !== null && output !== null ? input + output : null);
  return input === null && output === null && total === null ? null : { input, output, total };
}

interface RawSpan {
  span: Omit<Span, 'startMs' | 'durationMs' | 'depth' | 'children'>;
  start: bigint | null;
  end: bigint | null;
}

function readSpan(s: unknown, k: number): RawSpan | null {
  if (!isObj(s)) return null;
  const ctx = isObj(s.context) ? s.context : {};
  const attrs = isObj(s.attributes) ? s.attributes : {};
  const id = str(s.span_id) ?? str(ctx.span_id) ?? `span-${k}`;
  const parentId = str(s.parent_span_id) ?? str(s.parent_id) ?? null;
  const type = str(s.span_type) ?? str(attr(attrs, 'mlflow.spanType')) ?? 'UNKNOWN';
  const { status, message } = statusOf(s);
  return {
    span: {
      id, parentId: parentId || null, name: str(s.name) ?? '(unnamed span)', type: type.toUpperCase(), status, statusMessage: message, tokens: tokensOf(attrs),
      inputs: asText(s.inputs !== undefined ? s.inputs : attr(attrs, 'mlflow.spanInputs')),
      outputs: asText(s.outputs !== undefined ? s.outputs : attr(attrs, 'mlflow.spanOutputs')),
    },
    start: nanos(s.start_time_unix_nano ?? s.start_time ?? s.start_time_ns),
    end: nanos(s.end_time_unix_nano ?? s.end_time ?? s.end_time_ns),
  };
}

/** A trace object as a span tree; null when it has no spans. */
export function readTrace(raw: unknown): Trace | null {
  if (!isObj(raw)) return null;
  const data = isObj(raw.data) ? raw.data : raw;
  const spans = arr(data.spans).map(readSpan).filter((s): s is RawSpan => s !== null);
  if (!spans.length) return null;
  const info = isObj(raw.info) ? raw.info : {};
  const starts = spans.flatMap((s) => (s.start !== null ? [s.start] : []));
  const t0 = starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null;
  const ends = spans.flatMap((s) => (s.end !== null ? [s.end] : []));
  const t1 = ends.length ? ends.reduce((a, b) => (b > a ? b : a)) : null;

  const byId = new Map<string, Span>();
  const startOf = new Map<string, bigint>();
  for (const r of spans) {
    const span: Span = {
      ...r.span,
      startMs: t0 !== null && r.start !== null ? msBetween(t0, r.start) : null,
      durationMs: r.start !== null && r.end !== null && r.end >= r.start ? msBetween(r.start, r.end) : null,
      depth: 0,
      children: [],
    };
    // Ids repeat only in broken traces: keep every span by giving the repeat a fresh id.
    if (byId.has(span.id)) span.id = `${span.id}#${byId.size}`;
    byId.set(span.id, span);
    if (r.start !== null) startOf.set(span.id, r.start);
  }
  const order = (a: string, b: string) => {
    const x = startOf.get(a);
    const y = startOf.get(b);
    return x === undefined || y === undefined ? 0 : x < y ? -1 : x > y ? 1 : 0;
  };
  const roots: string[] = [];
  for (const s of byId.values()) {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    if (parent && parent !== s) parent.children.push(s.id);
    else roots.push(s.id);
  }
  const ordered: Span[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    const s = byId.get(id);
    if (!s || seen.has(id)) return;
    seen.add(id);
    s.depth = depth;
    s.children.sort(order);
    ordered.push(s);
    for (const c of s.children) visit(c, depth + 1);
  };
  for (const id of roots.sort(order)) visit(id, 0);
  const state = str(info.state) ?? str(info.status);
  const errored = ordered.find((s) => s.status === 'error');
  const infoDuration = num(info.execution_time_ms) ?? num(info.execution_duration_ms) ?? seconds(info.execution_duration);
  return {
    id: str(info.trace_id) ?? str(info.request_id),
    state,
    durationMs: infoDuration ?? (t0 !== null && t1 !== null ? msBetween(t0, t1) : null),
    spans: ordered,
    hasError: Boolean(errored) || state?.toUpperCase() === 'ERROR',
    firstError: errored ? { span: errored.name, message: errored.statusMessage } : null,
  };
}
