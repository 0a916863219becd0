import { turnText, type PayloadModel, type Turn } from '@/lib/payload';

export interface FineTuneMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/**
 * One request as a chat fine-tuning example (`{"messages": [...]}`, the OpenAI / Databricks
 * chat format): the history sent, then the model's answer (its first choice) last. Requests
 * without an answer (errors, blocks, embeddings, batches of model inputs) give null, since they
 * teach nothing.
 */
export function toFineTuneRecord(m: PayloadModel): { messages: FineTuneMessage[] } | null {
  if (m.error || m.kind === 'embeddings' || m.kind === 'unknown') return null;
  if (!m.answers[0]?.text) return null;
  const turns = m.turns.filter((t) => t.source === 'request' || (t.choice ?? 0) === 0);
  if (turns.filter((t) => t.source === 'request' && t.role === 'user').length > 1 && m.kind === 'custom-model') return null;
  const messages: FineTuneMessage[] = [];
  for (const t of turns) {
    const msg = message(t, messages.length);
    if (msg) messages.push(msg);
  }
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'assistant' || !messages.some((x) => x.role === 'user')) return null;
  return { messages };
}

function message(t: Turn, k: number): FineTuneMessage | null {
  if (t.role === 'other') return null;
  const role = t.role === 'developer' ? 'system' : t.role;
  const text = turnText(t);
  if (!text && !t.toolCalls.length && role !== 'tool') return null;
  const m: FineTuneMessage = { role, content: text || (t.toolCalls.length ? null : '') };
  if (t.toolCalls.length) {
    m.tool_calls = t.toolCalls.map((c, i) => ({ id: c.id ?? `call_${k}_${i}`, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  }
  if (role === 'tool' && t.toolCallId) m.tool_call_id = t.toolCallId;
  return m;
}
