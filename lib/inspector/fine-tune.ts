import { turnText, type Extraction, type Turn } from './extract';

export interface FineTuneMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/**
 * One request as a chat fine-tuning example (`{"messages": [...]}`, the OpenAI / Databricks
 * chat format): the history sent, then the model's answer last. Requests without an answer
 * (errors, blocks, embeddings) give null, since they teach nothing.
 */
export function toFineTuneRecord(x: Extraction): { messages: FineTuneMessage[] } | null {
  if (x.error || x.embeddings) return null;
  const answer = x.turns.filter((t) => t.source === 'response' && t.role === 'assistant');
  if (!answer.length) return null;
  const messages: FineTuneMessage[] = [];
  for (const t of x.turns) {
    const m = message(t, messages.length);
    if (m) messages.push(m);
  }
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'assistant' || !messages.some((m) => m.role === 'user')) return null;
  return { messages };
}

function message(t: Turn, k: number): FineTuneMessage | null {
  if (t.role === 'other') return null;
  const role = t.role === 'developer' ? 'system' : t.role;
  const text = turnText(t);
  const m: FineTuneMessage = { role, content: text || (t.toolCalls.length ? null : '') };
  if (t.toolCalls.length) {
    m.tool_calls = t.toolCalls.map((c, i) => ({ id: c.id ?? `call_${k}_${i}`, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  }
  if (role === 'tool' && t.toolCallId) m.tool_call_id = t.toolCallId;
  return m;
}
