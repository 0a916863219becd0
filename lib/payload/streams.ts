import { argText, arr, isObj, num, str, type Obj } from './json';
import { itemTurns, messageTurns, readContent } from './messages';
import { readUsage, type Usage } from './tokens';
import type { Part, TokenSource, ToolCall, Turn } from './types';

/** A streamed response logged as its chunks (or events), joined back into turns. */
export interface StreamRead {
  format: 'chat' | 'completions' | 'chat-agent' | 'responses';
  chunks: number;
  turns: Turn[];
  finish: Map<number, string>;
  usage: Usage | null;
  usageSource: TokenSource;
  usageDetail: string | null;
  model: string | null;
  /** Something only an MLflow agent sends (`custom_outputs`, `databricks_output`). */
  agentSignals: boolean;
  /** The Responses events looked like OpenAI's own (`sequence_number`, a model on the response). */
  responsesApiSignals: boolean;
}

const ITEM_TYPES = new Set(['message', 'function_call', 'function_call_output', 'reasoning']);

export function streamFormat(chunks: unknown[]): StreamRead['format'] | null {
  for (const c of chunks) {
    if (!isObj(c)) continue;
    if (Array.isArray(c.choices)) return c.object === 'text_completion' || c.choices.some((x) => isObj(x) && typeof x.text === 'string') ? 'completions' : 'chat';
    if (isObj(c.delta)) return 'chat-agent';
    const type = str(c.type);
    if (type && (type.startsWith('response.') || ITEM_TYPES.has(type))) return 'responses';
  }
  return null;
}

export function readStream(chunks: unknown[]): StreamRead | null {
  const format = streamFormat(chunks);
  if (!format) return null;
  const out: StreamRead = { format, chunks: chunks.length, turns: [], finish: new Map(), usage: null, usageSource: 'none', usageDetail: null, model: null, agentSignals: false, responsesApiSignals: false };
  let usageChunks = 0;
  for (const c of chunks) {
    if (!isObj(c)) continue;
    out.model ??= str(c.model);
    if (c.custom_outputs !== undefined || c.databricks_output !== undefined) out.agentSignals = true;
    const u = readUsage(c.usage);
    if (u) {
      // Usage may sit on the last chunk only or be repeated cumulatively on every chunk: the last one is final.
      out.usage = u;
      usageChunks++;
    }
  }
  if (out.usage) {
    out.usageSource = 'stream_chunk';
    out.usageDetail = usageChunks > 1 ? `last of ${usageChunks} chunks carrying usage (reported cumulatively)` : 'the chunk carrying usage';
  }
  if (format === 'chat' || format === 'completions') readChoiceChunks(chunks, out);
  else if (format === 'chat-agent') readChatAgentChunks(chunks, out);
  else readResponseEvents(chunks, out);
  return out;
}

interface ChoiceState {
  text: string;
  reasoning: string;
  calls: Map<number, ToolCall>;
}

/** chat.completion.chunk / text_completion chunks: choices kept apart by `index` (n > 1 interleaves them). */
function readChoiceChunks(chunks: unknown[], out: StreamRead) {
  const choices = new Map<number, ChoiceState>();
  for (const c of chunks) {
    if (!isObj(c)) continue;
    for (const ch of arr(c.choices)) {
      if (!isObj(ch)) continue;
      const idx = num(ch.index) ?? 0;
      const st = choices.get(idx) ?? { text: '', reasoning: '', calls: new Map() };
      choices.set(idx, st);
      const finish = str(ch.finish_reason);
      if (finish) out.finish.set(idx, finish);
      if (typeof ch.text === 'string') st.text += ch.text;
      const d = isObj(ch.delta) ? ch.delta : {};
      if (typeof d.content === 'string') st.text += d.content;
      else if (Array.isArray(d.content)) {
        for (const p of readContent(d.content).parts) {
          if (p.kind === 'text') st.text += p.text;
          else if (p.kind === 'reasoning') st.reasoning += p.text;
        }
      }
      if (typeof d.reasoning_content === 'string') st.reasoning += d.reasoning_content;
      arr(d.tool_calls).forEach((tc, pos) => {
        if (!isObj(tc)) return;
        const k = num(tc.index) ?? pos;
        const prev = st.calls.get(k) ?? { id: null, name: '', arguments: '' };
        const fn = isObj(tc.function) ? tc.function : {};
        st.calls.set(k, { id: str(tc.id) ?? prev.id, name: prev.name + (str(fn.name) ?? ''), arguments: prev.arguments + argText(fn.arguments) });
      });
    }
  }
  for (const [idx, st] of [...choices.entries()].sort((a, b) => a[0] - b[0])) {
    const parts: Part[] = [];
    if (st.reasoning) parts.push({ kind: 'reasoning', text: st.reasoning });
    if (st.text) parts.push({ kind: 'text', text: st.text });
    const toolCalls = [...st.calls.entries()].sort((a, b) => a[0] - b[0]).map(([, call]) => ({ ...call, name: call.name || '(unnamed)' }));
    out.turns.push({ role: 'assistant', parts, toolCalls, source: 'response', choice: idx });
  }
}

/** MLflow ChatAgent chunks `{delta: {id, role, content, tool_calls}}`: content joined per message id. */
function readChatAgentChunks(chunks: unknown[], out: StreamRead) {
  const messages = new Map<string, Obj>();
  let anon = 0;
  for (const c of chunks) {
    if (!isObj(c) || !isObj(c.delta)) continue;
    const d = c.delta;
    const finish = str(c.finish_reason);
    if (finish) out.finish.set(0, finish);
    const id = str(d.id) ?? `#${anon++}`;
    const prev = messages.get(id);
    if (!prev) {
      messages.set(id, { ...d, tool_calls: arr(d.tool_calls) });
      continue;
    }
    if (typeof d.content === 'string') prev.content = (typeof prev.content === 'string' ? prev.content : '') + d.content;
    prev.tool_calls = [...arr(prev.tool_calls), ...arr(d.tool_calls)];
    prev.role ??= d.role;
    prev.tool_call_id ??= d.tool_call_id;
  }
  for (const m of messages.values()) out.turns.push(...messageTurns(m, 'response'));
}

/** ResponsesAgent / Responses API events: finished items in order, `response.completed` for usage. */
function readResponseEvents(chunks: unknown[], out: StreamRead) {
  const items: unknown[] = [];
  const deltas = new Map<string, string>();
  let completed: Obj | null = null;
  for (const c of chunks) {
    if (!isObj(c)) continue;
    if (c.sequence_number !== undefined) out.responsesApiSignals = true;
    const type = str(c.type);
    if (type === 'response.output_item.done') items.push(c.item);
    else if (type && ITEM_TYPES.has(type)) items.push(c);
    else if (type === 'response.output_text.delta' && typeof c.delta === 'string') {
      const key = str(c.item_id) ?? '';
      deltas.set(key, (deltas.get(key) ?? '') + c.delta);
    } else if ((type === 'response.completed' || type === 'response.done' || type === 'response.incomplete') && isObj(c.response)) {
      completed = c.response;
    }
  }
  if (completed) {
    out.model = str(completed.model) ?? out.model;
    if (completed.model !== undefined) out.responsesApiSignals = true;
    const u = readUsage(completed.usage);
    if (u) {
      out.usage = u;
      out.usageSource = 'response_completed';
      out.usageDetail = 'the response.completed event';
    }
  }
  const source = items.length ? items : completed ? arr(completed.output) : [];
  for (const item of source) out.turns.push(...itemTurns(item, 'response'));
  if (!out.turns.length) {
    for (const text of deltas.values()) if (text) out.turns.push({ role: 'assistant', parts: [{ kind: 'text', text }], toolCalls: [], source: 'response' });
  }
}
