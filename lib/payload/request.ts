import { customRows, isCustomRequest, rowQuestion, rowText } from './custom-model';
import { isObj, tryParse, type Obj } from './json';
import { itemTurns, messageTurns, turnText } from './messages';
import type { PayloadKind, Turn } from './types';

export interface ReadRequest {
  kind: PayloadKind;
  /** The parsed body when it is a JSON object. */
  body: Obj | null;
  turns: Turn[];
  /** Embedding inputs counted (never shown as vectors). */
  embeddingInputs: number | null;
  /** The question this request asks: the one "last user message" rule (see lastUserText). */
  question: string | null;
  notes: string[];
}

/** Request fields only the OpenAI Responses API has: they tell a string `input` from an embedding input. */
const RESPONSES_ONLY = ['instructions', 'max_output_tokens', 'previous_response_id', 'reasoning', 'tools', 'text', 'store', 'stream', 'truncation'];
/** Request fields only MLflow agents (ResponsesAgent / ChatAgent) take. */
export const AGENT_REQUEST_KEYS = ['context', 'custom_inputs', 'databricks_options'];

export function readRequest(text: string | null, loggingCodes: string[]): ReadRequest {
  const out: ReadRequest = { kind: 'unknown', body: null, turns: [], embeddingInputs: null, question: null, notes: [] };
  if (text === null) {
    if (!loggingCodes.includes('MAX_REQUEST_SIZE_EXCEEDED')) out.notes.push('The request body was not logged (NULL).');
    return out;
  }
  const parsed = tryParse(text);
  if (!parsed.ok || !isObj(parsed.value)) {
    out.notes.push(parsed.ok ? 'The request body is JSON but not an object.' : 'The request body is not valid JSON (truncated or not JSON); it is shown as raw text.');
    out.turns.push({ role: 'other', parts: [{ kind: 'text', text }], toolCalls: [], source: 'request' });
    return out;
  }
  const body = parsed.value;
  out.body = body;
  if (Array.isArray(body.messages)) {
    out.kind = 'chat';
    if (typeof body.system === 'string' && body.system) out.turns.push({ role: 'system', parts: [{ kind: 'text', text: body.system }], toolCalls: [], source: 'request' });
    for (const m of body.messages) out.turns.push(...messageTurns(m, 'request'));
    out.question = lastUserText(out.turns);
  } else if (body.input !== undefined && !isCustomInputs(body)) {
    const items = Array.isArray(body.input) ? body.input : [body.input];
    const allStrings = items.every((x) => typeof x === 'string');
    const responsesHints = RESPONSES_ONLY.some((k) => body[k] !== undefined) || AGENT_REQUEST_KEYS.some((k) => body[k] !== undefined);
    if (allStrings && (Array.isArray(body.input) || !responsesHints)) {
      // A string or a list of strings to embed; the response decides when it was a Responses call.
      out.kind = 'embeddings';
      out.embeddingInputs = items.length;
      out.turns.push({ role: 'user', parts: items.map((t, k) => ({ kind: 'text' as const, text: items.length > 1 ? `[${k}] ${t}` : String(t) })), toolCalls: [], source: 'request' });
      // Only a Responses call asks a question; the response tells which this was.
      if (typeof body.input === 'string') out.question = body.input;
    } else {
      out.kind = AGENT_REQUEST_KEYS.some((k) => body[k] !== undefined) ? 'responses-agent' : 'responses-api';
      if (typeof body.instructions === 'string' && body.instructions) out.turns.push({ role: 'system', parts: [{ kind: 'text', text: body.instructions }], toolCalls: [], source: 'request' });
      for (const item of items) out.turns.push(...itemTurns(item, 'request'));
      out.question = lastUserText(out.turns);
    }
  } else if (body.prompt !== undefined) {
    out.kind = 'completions';
    const prompts = Array.isArray(body.prompt) ? body.prompt : [body.prompt];
    prompts.forEach((p) => out.turns.push({ role: 'user', parts: [{ kind: 'text', text: typeof p === 'string' ? p : JSON.stringify(p) }], toolCalls: [], source: 'request' }));
    out.question = typeof prompts[0] === 'string' ? prompts[0] : null;
  } else if (isCustomRequest(body)) {
    out.kind = 'custom-model';
    const rows = customRows(body);
    rows.slice(0, 50).forEach((row) => {
      const text = rowQuestion(row) ?? rowText(row);
      out.turns.push({ role: 'user', parts: text ? [{ kind: 'text', text }] : [], toolCalls: [], source: 'request' });
    });
    out.question = rowQuestion(rows[0]);
    if (rows.length > 50) out.notes.push(`The request has ${rows.length} input rows; the first 50 are shown.`);
  } else {
    out.notes.push('The request has no messages, input, prompt or model inputs; see the raw JSON.');
  }
  return out;
}

/** `inputs` of a custom model rather than the `input` of an embeddings or Responses call. */
function isCustomInputs(body: Obj): boolean {
  return body.inputs !== undefined || body.dataframe_split !== undefined || body.dataframe_records !== undefined || body.instances !== undefined;
}

/**
 * The last user message: the last request turn whose role is "user" (a message carrying only
 * tool results is a tool turn, not a user turn), its text parts joined by newlines; null when that
 * turn has no text (an image alone).
 */
export function lastUserText(turns: Turn[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    if (turns[i]!.role === 'user') return turnText(turns[i]!) || null;
  }
  return null;
}
