import { predictionAnswer, predictionRows } from './custom-model';
import { isErrorBody, readError } from './errors';
import { arr, isObj, num, parseBody, str, type Obj } from './json';
import { itemTurns, messageTurns, reasoningText, turnText } from './messages';
import { AGENT_REQUEST_KEYS, readRequest, type ReadRequest } from './request';
import { readStream, type StreamRead } from './streams';
import { estimateFromTurns, readUsage, tokenCounts } from './tokens';
import { findTrace, readTrace } from './trace';
import type { Answer, EmbeddingsInfo, PayloadKind, PayloadModel, PayloadRow, Turn } from './types';

const LOGGING_CODES: Record<string, string> = {
  MAX_REQUEST_SIZE_EXCEEDED: 'The request was larger than the inference table logs, so it was stored as NULL (MAX_REQUEST_SIZE_EXCEEDED).',
  MAX_RESPONSE_SIZE_EXCEEDED: 'The response was larger than the inference table logs, so it was stored as NULL (MAX_RESPONSE_SIZE_EXCEEDED).',
};

/**
 * Reads one logged request/response pair. Bodies are untrusted: anything may be NULL, truncated,
 * not JSON or an unexpected shape, and nothing here throws.
 */
export function interpretPayload(row: PayloadRow): PayloadModel {
  const codes = Array.isArray(row.logging_error_codes) ? row.logging_error_codes : [];
  const status = typeof row.status_code === 'number' ? row.status_code : null;
  const req = readRequest(row.request, codes);
  const out: PayloadModel = {
    kind: req.kind, requestKind: req.kind, turns: [...req.turns], question: null, answers: [], toolNames: [],
    tokens: tokenCounts(null, 'none'), estimate: { input: null, output: null, inputChars: 0, outputChars: 0 },
    error: null, trace: null, embeddings: null, stream: null, model: null,
    notes: [...codes.map((c) => LOGGING_CODES[c] ?? `The gateway reported a logging error: ${c}.`), ...req.notes],
  };
  const finish = new Map<number, string>();
  readResponse(row.response, status, codes, req, out, finish);
  // Embedding inputs are not questions, whether or not the call succeeded.
  const embedded = out.kind === 'embeddings' || (req.kind === 'embeddings' && (out.kind === 'error' || out.kind === 'guardrail-block'));
  out.question = embedded ? null : req.question;
  const responseTurns = out.turns.filter((t) => t.source === 'response');
  out.answers = buildAnswers(responseTurns, finish);
  out.toolNames = [...new Set(responseTurns.flatMap((t) => t.toolCalls.map((c) => c.name)))];
  out.estimate = estimateFromTurns(out.turns, { outputIsText: !['embeddings', 'error', 'guardrail-block'].includes(out.kind) });
  return out;
}

function readResponse(text: string | null, status: number | null, codes: string[], req: ReadRequest, out: PayloadModel, finish: Map<number, string>) {
  if (text === null) {
    if (!codes.includes('MAX_RESPONSE_SIZE_EXCEEDED')) out.notes.push('The response body was not logged (NULL).');
    if (status !== null && status >= 400) setError(out, readError(null, null, status));
    return;
  }
  const parsed = parseBody(text);
  const value = parsed.ok ? parsed.value : null;
  if (status !== null ? status >= 400 : isErrorBody(value)) {
    const err = readError(value, text, status);
    setError(out, err);
    if (!parsed.ok) out.notes.push(err.html ? `The error response is an HTML page (status ${status ?? 'unknown'}); its text is shown.` : `The error response is plain text (status ${status ?? 'unknown'}).`);
    out.trace = readTrace(findTrace(value));
    return;
  }
  if (!parsed.ok) {
    out.notes.push('The response body is not valid JSON (truncated or not JSON); it is shown as raw text.');
    out.turns.push({ role: 'other', parts: [{ kind: 'text', text }], toolCalls: [], source: 'response' });
    return;
  }
  out.trace = readTrace(findTrace(value));
  if (Array.isArray(value)) return readChunks(value, req, out, finish);
  if (!isObj(value)) {
    out.notes.push('The response is JSON but not an object.');
    return;
  }
  const body = value;
  out.model = str(body.model);
  if (isErrorBody(body)) out.notes.push('The response body looks like an error although the status is below 400.');
  const usage = readUsage(body.usage);
  if (usage) out.tokens = tokenCounts(usage, 'usage', 'the response usage block');
  if (Array.isArray(body.choices)) {
    out.kind = body.object === 'text_completion' || body.choices.some((c) => isObj(c) && typeof c.text === 'string') ? 'completions' : 'chat';
    body.choices.forEach((c, pos) => {
      if (!isObj(c)) return;
      const idx = num(c.index) ?? pos;
      const f = str(c.finish_reason);
      if (f) finish.set(idx, f);
      if (typeof c.text === 'string') out.turns.push({ role: 'assistant', parts: c.text ? [{ kind: 'text', text: c.text }] : [], toolCalls: [], source: 'response', choice: idx });
      else out.turns.push(...messageTurns(c.message, 'response', idx));
    });
  } else if (body.object === 'response' || Array.isArray(body.output)) {
    out.kind = responsesKind(req, body, null);
    for (const item of arr(body.output)) out.turns.push(...itemTurns(item, 'response'));
    if (isObj(body.error)) out.notes.push(`The response reports an error: ${str(body.error.message) ?? str(body.error.code) ?? 'unknown'}.`);
  } else if (Array.isArray(body.messages)) {
    out.kind = 'chat-agent';
    for (const m of body.messages) out.turns.push(...messageTurns(m, 'response'));
    const f = str(body.finish_reason);
    if (f) finish.set(0, f);
  } else if (Array.isArray(body.data) || body.object === 'list') {
    out.kind = 'embeddings';
    out.embeddings = embeddingsInfo(arr(body.data), req);
  } else if (body.predictions !== undefined || (req.kind === 'custom-model' && body.outputs !== undefined)) {
    out.kind = 'custom-model';
    const rows = predictionRows(body.predictions !== undefined ? body.predictions : body.outputs);
    rows.slice(0, 50).forEach((p, k) => {
      const a = predictionAnswer(p);
      out.turns.push({ role: 'assistant', parts: a.part ? [a.part] : [], toolCalls: [], source: 'response', choice: k });
    });
    if (rows.length > 1) out.notes.push(`The model returned ${rows.length} predictions, one per input row${rows.length > 50 ? '; the first 50 are shown' : ''}.`);
  } else {
    out.notes.push('The response has an unfamiliar shape; see the raw JSON.');
  }
}

function setError(out: PayloadModel, err: NonNullable<PayloadModel['error']>) {
  out.error = err;
  out.kind = err.guardrails.length || err.category === 'input_guardrail' || err.category === 'output_guardrail' ? 'guardrail-block' : 'error';
}

function readChunks(chunks: unknown[], req: ReadRequest, out: PayloadModel, finish: Map<number, string>) {
  const s = readStream(chunks);
  if (!s) {
    out.notes.push('The response is a JSON array of an unfamiliar shape; see the raw JSON.');
    return;
  }
  out.stream = { chunks: s.chunks, format: s.format };
  out.model = s.model;
  out.turns.push(...s.turns);
  for (const [k, v] of s.finish) finish.set(k, v);
  if (s.usage) out.tokens = tokenCounts(s.usage, s.usageSource, s.usageDetail);
  out.kind = s.format === 'responses' ? responsesKind(req, null, s) : s.format;
}

/**
 * ResponsesAgent or the OpenAI Responses API: both answer `{object: "response", output: [...]}`.
 * MLflow agents are told by their request (`context`, `custom_inputs`, `databricks_options`) or
 * response (`custom_outputs`, `databricks_output`); OpenAI by a `model` or `created_at` on the
 * response, `sequence_number` on stream events, or a string `input`. Otherwise: ResponsesAgent.
 */
function responsesKind(req: ReadRequest, body: Obj | null, s: StreamRead | null): PayloadKind {
  const agent = (req.body && AGENT_REQUEST_KEYS.some((k) => req.body![k] !== undefined))
    || (body && (body.custom_outputs !== undefined || body.databricks_output !== undefined))
    || s?.agentSignals;
  if (agent) return 'responses-agent';
  const api = (body && (body.model !== undefined || body.created_at !== undefined)) || s?.responsesApiSignals || typeof req.body?.input === 'string';
  return api ? 'responses-api' : 'responses-agent';
}

function embeddingsInfo(data: unknown[], req: ReadRequest): EmbeddingsInfo {
  const vectors = data.filter((d) => isObj(d) && (Array.isArray(d.embedding) || typeof d.embedding === 'string')) as Obj[];
  const first = vectors[0]?.embedding;
  let dimensions: number | null = null;
  if (Array.isArray(first)) dimensions = first.length;
  else if (typeof first === 'string') {
    // base64 of little-endian float32s
    const bytes = Math.floor((first.replace(/=+$/, '').length * 3) / 4);
    dimensions = Math.floor(bytes / 4);
  }
  return { inputs: req.embeddingInputs ?? vectors.length, vectors: vectors.length, dimensions, encoding: first === undefined ? null : typeof first === 'string' ? 'base64' : 'float' };
}

/**
 * The final answer of each choice: its last assistant text (an agent's final message follows
 * its tool steps), all reasoning and all tool calls of that choice.
 */
function buildAnswers(turns: Turn[], finish: Map<number, string>): Answer[] {
  const groups = new Map<number, Turn[]>();
  for (const t of turns) {
    const k = t.choice ?? 0;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([choice, ts]) => {
    const texts = ts.filter((t) => t.role === 'assistant' && turnText(t));
    return {
      choice,
      text: texts.length ? turnText(texts[texts.length - 1]!) : '',
      reasoning: ts.map(reasoningText).filter(Boolean).join('\n'),
      toolCalls: ts.flatMap((t) => (t.role === 'assistant' ? t.toolCalls : [])),
      finishReason: finish.get(choice) ?? null,
    };
  });
}

