/**
 * Turns a logged request/response pair into a transcript. Bodies are untrusted: anything may be
 * NULL, truncated, not JSON or an unexpected shape, and nothing here throws.
 */

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'other';

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'image'; label: string }
  | { kind: 'other'; label: string };

export interface ToolCall {
  id: string | null;
  name: string;
  arguments: string;
}

export interface Turn {
  role: Role;
  /** The role as written, when it is not one of ours (e.g. "function"). */
  rawRole?: string;
  parts: Part[];
  toolCalls: ToolCall[];
  toolCallId?: string;
  /** Which body the turn came from: history sent by the client or the model's answer. */
  source: 'request' | 'response';
}

export type PayloadFormat = 'chat' | 'completions' | 'embeddings' | 'responses-agent' | 'chat-agent' | 'error' | 'unknown';

export interface Guardrail {
  stage: 'input' | 'output';
  pii: boolean;
  invalidKeywords: boolean;
  categories: string[];
  anonymizedInput: string[];
}

export interface ErrorInfo {
  code: string | null;
  message: string | null;
  provider: string | null;
  guardrails: Guardrail[];
}

export interface Extraction {
  requestFormat: PayloadFormat;
  responseFormat: PayloadFormat;
  turns: Turn[];
  embeddings: { inputs: number; vectors: number; dimensions: number | null } | null;
  error: ErrorInfo | null;
  streamedChunks: number | null;
  usage: { input: number | null; output: number | null; total: number | null } | null;
  model: string | null;
  finishReason: string | null;
  /** Plain-language notes: why a body is missing, unparseable or partly understood. */
  notes: string[];
}

export interface PayloadInput {
  request: string | null;
  response: string | null;
  statusCode?: number | null;
  loggingErrorCodes?: string[] | null;
}

const LOGGING_CODES: Record<string, string> = {
  MAX_REQUEST_SIZE_EXCEEDED: 'The request was larger than the inference table logs, so it was stored as NULL (MAX_REQUEST_SIZE_EXCEEDED).',
  MAX_RESPONSE_SIZE_EXCEEDED: 'The response was larger than the inference table logs, so it was stored as NULL (MAX_RESPONSE_SIZE_EXCEEDED).',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function tryParse(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function extractPayload(input: PayloadInput): Extraction {
  const out: Extraction = { requestFormat: 'unknown', responseFormat: 'unknown', turns: [], embeddings: null, error: null, streamedChunks: null, usage: null, model: null, finishReason: null, notes: [] };
  for (const code of input.loggingErrorCodes ?? []) out.notes.push(LOGGING_CODES[code] ?? `The gateway reported a logging error: ${code}.`);
  readRequest(input.request, out);
  readResponse(input.response, input.statusCode ?? null, out);
  return out;
}

function readRequest(text: string | null, out: Extraction) {
  if (text === null) {
    if (!out.notes.some((n) => n.includes('REQUEST_SIZE'))) out.notes.push('The request body was not logged (NULL).');
    return;
  }
  const parsed = tryParse(text);
  if (!parsed.ok || !isObj(parsed.value)) {
    out.notes.push(parsed.ok ? 'The request body is JSON but not an object.' : 'The request body is not valid JSON (truncated or not JSON); it is shown as raw text.');
    out.turns.push({ role: 'other', parts: [{ kind: 'text', text }], toolCalls: [], source: 'request' });
    return;
  }
  const body = parsed.value;
  if (Array.isArray(body.messages)) {
    out.requestFormat = 'chat';
    for (const m of body.messages) out.turns.push(...messageTurns(m, 'request'));
  } else if (Array.isArray(body.input) && body.input.some((x) => isObj(x))) {
    out.requestFormat = 'responses-agent';
    for (const item of body.input) out.turns.push(...responseItemTurns(item, 'request'));
  } else if (body.input !== undefined) {
    out.requestFormat = 'embeddings';
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    out.embeddings = { inputs: inputs.length, vectors: 0, dimensions: null };
    const texts = inputs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    out.turns.push({ role: 'user', parts: texts.map((t, k) => ({ kind: 'text' as const, text: inputs.length > 1 ? `[${k}] ${t}` : t })), toolCalls: [], source: 'request' });
  } else if (body.prompt !== undefined) {
    out.requestFormat = 'completions';
    const prompts = Array.isArray(body.prompt) ? body.prompt : [body.prompt];
    out.turns.push({ role: 'user', parts: prompts.map((p) => ({ kind: 'text' as const, text: typeof p === 'string' ? p : JSON.stringify(p) })), toolCalls: [], source: 'request' });
  } else {
    out.notes.push('The request has no messages, input or prompt; see the raw JSON.');
  }
}

function readResponse(text: string | null, status: number | null, out: Extraction) {
  if (text === null) {
    if (!out.notes.some((n) => n.includes('RESPONSE_SIZE'))) out.notes.push('The response body was not logged (NULL).');
    return;
  }
  let parsed = tryParse(text);
  if (!parsed.ok) {
    const sse = parseEventStream(text);
    if (sse) parsed = { ok: true, value: sse };
  }
  if (!parsed.ok) {
    out.notes.push(status !== null && status >= 400 ? `The error response is plain text (status ${status}).` : 'The response body is not valid JSON (truncated or not JSON); it is shown as raw text.');
    out.turns.push({ role: 'other', parts: [{ kind: 'text', text }], toolCalls: [], source: 'response' });
    return;
  }
  const body = parsed.value;
  if (Array.isArray(body)) return readChunks(body, out);
  if (!isObj(body)) {
    out.notes.push('The response is JSON but not an object.');
    return;
  }
  out.model = str(body.model);
  readUsage(body.usage, out);
  if (body.error_code !== undefined || (body.error !== undefined && body.choices === undefined)) return readError(body, out);
  if (Array.isArray(body.choices)) {
    out.responseFormat = body.object === 'text_completion' || body.choices.some((c) => isObj(c) && typeof c.text === 'string') ? 'completions' : 'chat';
    const [first] = body.choices;
    if (body.choices.length > 1) out.notes.push(`The model returned ${body.choices.length} choices; the first is shown.`);
    if (isObj(first)) {
      out.finishReason = str(first.finish_reason);
      if (typeof first.text === 'string') out.turns.push({ role: 'assistant', parts: [{ kind: 'text', text: first.text }], toolCalls: [], source: 'response' });
      else out.turns.push(...messageTurns(first.message, 'response'));
    }
  } else if (body.object === 'response' || Array.isArray(body.output)) {
    out.responseFormat = 'responses-agent';
    for (const item of Array.isArray(body.output) ? body.output : []) out.turns.push(...responseItemTurns(item, 'response'));
  } else if (Array.isArray(body.messages)) {
    out.responseFormat = 'chat-agent';
    for (const m of body.messages) out.turns.push(...messageTurns(m, 'response'));
  } else if (Array.isArray(body.data)) {
    out.responseFormat = 'embeddings';
    const vectors = body.data.filter((d) => isObj(d) && (Array.isArray(d.embedding) || typeof d.embedding === 'string'));
    const first = vectors[0] as Obj | undefined;
    out.embeddings = {
      inputs: out.embeddings?.inputs ?? vectors.length,
      vectors: vectors.length,
      dimensions: first && Array.isArray(first.embedding) ? first.embedding.length : null,
    };
  } else {
    out.notes.push('The response has an unfamiliar shape; see the raw JSON.');
  }
}

function readUsage(u: unknown, out: Extraction) {
  if (!isObj(u)) return;
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  const output = num(u.completion_tokens) ?? num(u.output_tokens);
  out.usage = { input, output, total: num(u.total_tokens) ?? (input !== null && output !== null ? input + output : null) };
}

function readError(body: Obj, out: Extraction) {
  out.responseFormat = 'error';
  const rawMessage = str(body.message) ?? (isObj(body.error) ? str(body.error.message) : str(body.error));
  const err: ErrorInfo = { code: str(body.error_code) ?? (isObj(body.error) ? str(body.error.type) ?? str(body.error.code) : null), message: rawMessage, provider: null, guardrails: [] };
  const inner = rawMessage && /^\s*[[{]/.test(rawMessage) ? tryParse(rawMessage) : { ok: false as const };
  if (inner.ok && isObj(inner.value)) {
    const v = inner.value;
    for (const stage of ['input', 'output'] as const) {
      const entries = v[`${stage}_guardrail`];
      for (const g of Array.isArray(entries) ? entries : isObj(entries) ? [entries] : []) if (isObj(g)) err.guardrails.push(guardrail(stage, g));
    }
    if (err.guardrails.length) {
      err.message = v.finishReason === 'output_guardrail_triggered' ? 'The answer was blocked by an output guardrail.' : 'The request was blocked by an input guardrail.';
    }
    if (typeof v.external_model_provider === 'string') {
      err.provider = v.external_model_provider;
      err.message = providerMessage(v.external_model_error) ?? rawMessage;
    }
  } else if (rawMessage && /^\s*[[{]/.test(rawMessage)) {
    out.notes.push('The error message looks like JSON but does not parse; it is shown as text.');
  }
  out.error = err;
}

function guardrail(stage: 'input' | 'output', g: Obj): Guardrail {
  const cats = isObj(g.categories) ? Object.entries(g.categories).filter(([, on]) => on === true).map(([k]) => k) : Array.isArray(g.categories) ? g.categories.filter((c): c is string => typeof c === 'string') : [];
  const anon = Array.isArray(g.anonymized_input) ? g.anonymized_input.filter((x): x is string => typeof x === 'string') : typeof g.anonymized_input === 'string' ? [g.anonymized_input] : [];
  return { stage, pii: g.pii_detection === true, invalidKeywords: g.invalid_keywords === true, categories: cats, anonymizedInput: anon };
}

function providerMessage(e: unknown): string | null {
  if (!isObj(e)) return str(e);
  if (isObj(e.error)) return str(e.error.message) ?? str(e.error.type);
  return str(e.message);
}

/** `data: {...}` lines of a server-sent event stream, as a chunk array. */
function parseEventStream(text: string): unknown[] | null {
  if (!/^\s*data:/m.test(text)) return null;
  const chunks: unknown[] = [];
  for (const line of text.split('\n')) {
    const m = /^data:\s*(.*)$/.exec(line.trim());
    if (!m || m[1] === '[DONE]') continue;
    const p = tryParse(m[1]!);
    if (p.ok) chunks.push(p.value);
  }
  return chunks.length ? chunks : null;
}

/** Streamed responses logged as their chunks: the deltas joined back into one answer. */
function readChunks(chunks: unknown[], out: Extraction) {
  out.streamedChunks = chunks.length;
  let text = '';
  const calls = new Map<number, ToolCall>();
  const items: Turn[] = [];
  for (const c of chunks) {
    if (!isObj(c)) continue;
    out.model ??= str(c.model);
    if (c.usage) readUsage(c.usage, out);
    if (Array.isArray(c.choices)) {
      out.responseFormat = 'chat';
      const ch = c.choices[0];
      if (!isObj(ch)) continue;
      out.finishReason = str(ch.finish_reason) ?? out.finishReason;
      const d = isObj(ch.delta) ? ch.delta : {};
      if (typeof d.content === 'string') text += d.content;
      if (typeof ch.text === 'string') text += ch.text;
      for (const tc of Array.isArray(d.tool_calls) ? d.tool_calls : []) {
        if (!isObj(tc)) continue;
        const k = num(tc.index) ?? 0;
        const prev = calls.get(k) ?? { id: null, name: '', arguments: '' };
        const fn = isObj(tc.function) ? tc.function : {};
        calls.set(k, { id: str(tc.id) ?? prev.id, name: prev.name + (str(fn.name) ?? ''), arguments: prev.arguments + (str(fn.arguments) ?? '') });
      }
    } else if (typeof c.type === 'string' && c.type.startsWith('response.')) {
      out.responseFormat = 'responses-agent';
      if (c.type === 'response.output_item.done') items.push(...responseItemTurns(c.item, 'response'));
      else if (c.type === 'response.output_text.delta' && typeof c.delta === 'string') text += c.delta;
    }
  }
  if (items.length) out.turns.push(...items);
  else if (text || calls.size) out.turns.push({ role: 'assistant', parts: text ? [{ kind: 'text', text }] : [], toolCalls: [...calls.values()], source: 'response' });
}

function role(v: unknown): { role: Role; rawRole?: string } {
  const r = str(v);
  if (r === 'system' || r === 'developer' || r === 'user' || r === 'assistant' || r === 'tool') return { role: r };
  if (r === 'function') return { role: 'tool', rawRole: r };
  return { role: 'other', rawRole: r ?? undefined };
}

function messageTurns(m: unknown, source: Turn['source']): Turn[] {
  if (!isObj(m)) return [];
  const turn: Turn = { ...role(m.role), parts: contentParts(m.content), toolCalls: [], source };
  if (typeof m.tool_call_id === 'string') turn.toolCallId = m.tool_call_id;
  for (const tc of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
    if (!isObj(tc)) continue;
    const fn = isObj(tc.function) ? tc.function : {};
    turn.toolCalls.push({ id: str(tc.id), name: str(fn.name) ?? '(unnamed)', arguments: argText(fn.arguments) });
  }
  if (isObj(m.function_call)) turn.toolCalls.push({ id: null, name: str(m.function_call.name) ?? '(unnamed)', arguments: argText(m.function_call.arguments) });
  return [turn];
}

function responseItemTurns(item: unknown, source: Turn['source']): Turn[] {
  if (!isObj(item)) return [];
  if (item.type === 'function_call') {
    return [{ role: 'assistant', parts: [], toolCalls: [{ id: str(item.call_id) ?? str(item.id), name: str(item.name) ?? '(unnamed)', arguments: argText(item.arguments) }], source }];
  }
  if (item.type === 'function_call_output') {
    return [{ role: 'tool', parts: [{ kind: 'text', text: argText(item.output) }], toolCalls: [], toolCallId: str(item.call_id) ?? undefined, source }];
  }
  if (item.type === 'reasoning') {
    const summary = Array.isArray(item.summary) ? item.summary.map((s) => (isObj(s) ? str(s.text) : null)).filter((s): s is string => !!s).join('\n') : '';
    return [{ role: 'assistant', rawRole: 'reasoning', parts: [{ kind: 'other', label: summary ? `Reasoning: ${summary}` : 'Reasoning (no summary logged)' }], toolCalls: [], source }];
  }
  if (item.role !== undefined || item.type === 'message') return messageTurns({ role: item.role ?? 'assistant', content: item.content }, source);
  return [{ role: 'other', rawRole: str(item.type) ?? undefined, parts: [{ kind: 'other', label: `Item of type ${str(item.type) ?? 'unknown'}` }], toolCalls: [], source }];
}

function argText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}

export function contentParts(content: unknown): Part[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [{ kind: 'other', label: JSON.stringify(content).slice(0, 200) }];
  const parts: Part[] = [];
  for (const p of content) {
    if (typeof p === 'string') parts.push({ kind: 'text', text: p });
    else if (!isObj(p)) continue;
    else if (typeof p.text === 'string') parts.push({ kind: 'text', text: p.text });
    else if (p.type === 'image_url' || p.type === 'input_image' || p.type === 'image') parts.push({ kind: 'image', label: imageLabel(p) });
    else if (p.type === 'tool_use') parts.push({ kind: 'other', label: `Tool use ${str(p.name) ?? ''} ${argText(p.input)}`.trim() });
    else if (p.type === 'tool_result') parts.push(...contentParts(p.content));
    else if (p.type === 'refusal' && typeof p.refusal === 'string') parts.push({ kind: 'text', text: `Refusal: ${p.refusal}` });
    else parts.push({ kind: 'other', label: `Content part of type ${str(p.type) ?? 'unknown'}` });
  }
  return parts;
}

/** Images are never loaded: a placeholder names the source without fetching it. */
function imageLabel(p: Obj): string {
  const url = isObj(p.image_url) ? str(p.image_url.url) : str(p.image_url) ?? str(p.url) ?? (isObj(p.source) ? str(p.source.url) : null);
  if (url?.startsWith('data:')) return `Inline image (${url.slice(5, url.indexOf(';') > 0 ? url.indexOf(';') : 30)}, ${Math.round((url.length * 3) / 4 / 1024)} KB)`;
  if (isObj(p.source) && p.source.type === 'base64') return `Inline image (${str(p.source.media_type) ?? 'base64'})`;
  if (url) return `Image: ${url.length > 120 ? `${url.slice(0, 117)}…` : url}`;
  return 'Image (no URL logged)';
}

/** The text of a turn for previews and exports: text parts joined, other parts as their labels. */
export function turnText(t: Turn): string {
  return t.parts.map((p) => (p.kind === 'text' ? p.text : `[${p.label}]`)).join('\n');
}
