import { argText, arr, isObj, str, type Obj } from './json';
import type { Part, Role, ToolCall, Turn } from './types';

type Source = Turn['source'];

export function role(v: unknown): { role: Role; rawRole?: string } {
  const r = str(v);
  if (r === 'system' || r === 'developer' || r === 'user' || r === 'assistant' || r === 'tool') return { role: r };
  if (r === 'function') return { role: 'tool', rawRole: r };
  // Gemini's native role for the model.
  if (r === 'model') return { role: 'assistant', rawRole: r };
  return { role: 'other', rawRole: r ?? undefined };
}

/** OpenAI `tool_calls` (and the older `function_call`); `null` means none. */
export function toolCallsOf(m: Obj): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const tc of arr(m.tool_calls)) {
    if (!isObj(tc)) continue;
    const fn = isObj(tc.function) ? tc.function : {};
    calls.push({ id: str(tc.id), name: str(fn.name) ?? str(tc.name) ?? '(unnamed)', arguments: argText(fn.arguments ?? tc.arguments) });
  }
  if (isObj(m.function_call)) calls.push({ id: null, name: str(m.function_call.name) ?? '(unnamed)', arguments: argText(m.function_call.arguments) });
  return calls;
}

/** Reasoning summaries: `[{type: "summary_text", text}]`, plain strings, or a string. */
function summaryText(v: unknown): string {
  if (typeof v === 'string') return v;
  return arr(v).map((s) => (typeof s === 'string' ? s : isObj(s) ? str(s.text) ?? '' : '')).filter(Boolean).join('\n');
}

interface ReadContent {
  parts: Part[];
  toolCalls: ToolCall[];
  /** Anthropic `tool_result` parts: tool output sent back inside a user message. */
  toolResults: { id: string | null; parts: Part[] }[];
}

/** A message's `content`: a string, or a list of parts in any of the OpenAI / Anthropic / Responses dialects. */
export function readContent(content: unknown): ReadContent {
  const out: ReadContent = { parts: [], toolCalls: [], toolResults: [] };
  if (content === null || content === undefined) return out;
  if (typeof content === 'string') {
    if (content) out.parts.push({ kind: 'text', text: content });
    return out;
  }
  if (!Array.isArray(content)) {
    out.parts.push({ kind: 'other', label: JSON.stringify(content).slice(0, 200) });
    return out;
  }
  for (const p of content) {
    if (typeof p === 'string') {
      if (p) out.parts.push({ kind: 'text', text: p });
      continue;
    }
    if (!isObj(p)) continue;
    const type = str(p.type);
    if (type === 'reasoning' || type === 'thinking' || type === 'reasoning_text') {
      const text = summaryText(p.summary) || str(p.thinking) || str(p.text) || summaryText(p.content);
      out.parts.push({ kind: 'reasoning', text });
    } else if (type === 'redacted_thinking') {
      out.parts.push({ kind: 'reasoning', text: '' });
    } else if (type === 'tool_use' || type === 'function_call') {
      out.toolCalls.push({ id: str(p.id) ?? str(p.call_id), name: str(p.name) ?? '(unnamed)', arguments: argText(p.input ?? p.arguments) });
    } else if (type === 'tool_result') {
      out.toolResults.push({ id: str(p.tool_use_id), parts: readContent(p.content).parts });
    } else if (type === 'refusal' && typeof p.refusal === 'string') {
      out.parts.push({ kind: 'text', text: p.refusal });
    } else if (typeof p.text === 'string') {
      // text, input_text, output_text
      if (p.text) out.parts.push({ kind: 'text', text: p.text });
    } else if (type === 'image_url' || type === 'input_image' || type === 'image') {
      out.parts.push({ kind: 'image', label: imageLabel(p) });
    } else {
      out.parts.push({ kind: 'other', label: `Content part of type ${type ?? 'unknown'}` });
    }
  }
  return out;
}

/** Images are never loaded: a placeholder names the source without fetching it. */
function imageLabel(p: Obj): string {
  const url = isObj(p.image_url) ? str(p.image_url.url) : str(p.image_url) ?? str(p.url) ?? (isObj(p.source) ? str(p.source.url) : null);
  if (url?.startsWith('data:')) {
    const semi = url.indexOf(';');
    return `Inline image (${url.slice(5, semi > 0 ? semi : 30)}, ${Math.round((url.length * 3) / 4 / 1024)} KB)`;
  }
  if (isObj(p.source) && p.source.type === 'base64') return `Inline image (${str(p.source.media_type) ?? 'base64'})`;
  if (url) return `Image: ${url.length > 120 ? `${url.slice(0, 117)}…` : url}`;
  return 'Image (no URL logged)';
}

/** One chat message (OpenAI, ChatAgent, normalised Anthropic / Gemini / Bedrock) as turns. */
export function messageTurns(m: unknown, source: Source, choice?: number): Turn[] {
  if (!isObj(m)) return [];
  const c = readContent(m.content);
  const turn: Turn = { ...role(m.role), parts: c.parts, toolCalls: [...c.toolCalls, ...toolCallsOf(m)], source };
  // Reasoning some servers put beside the content.
  const reasoning = str(m.reasoning_content) ?? str(m.reasoning);
  if (reasoning) turn.parts.unshift({ kind: 'reasoning', text: reasoning });
  if (typeof m.tool_call_id === 'string') turn.toolCallId = m.tool_call_id;
  if (choice !== undefined) turn.choice = choice;
  const results: Turn[] = c.toolResults.map((r) => ({ role: 'tool', parts: r.parts, toolCalls: [], source, ...(r.id ? { toolCallId: r.id } : {}), ...(choice !== undefined ? { choice } : {}) }));
  // A user message that only carried tool results is not a user turn.
  if (results.length && !turn.parts.length && !turn.toolCalls.length) return results;
  return [...results, turn];
}

/** One Responses API / ResponsesAgent item (input or output) as turns. */
export function itemTurns(item: unknown, source: Source): Turn[] {
  if (typeof item === 'string') return item ? [{ role: 'user', parts: [{ kind: 'text', text: item }], toolCalls: [], source }] : [];
  if (!isObj(item)) return [];
  const type = str(item.type);
  if (type === 'function_call') {
    return [{ role: 'assistant', parts: [], toolCalls: [{ id: str(item.call_id) ?? str(item.id), name: str(item.name) ?? '(unnamed)', arguments: argText(item.arguments) }], source }];
  }
  if (type === 'function_call_output') {
    const t: Turn = { role: 'tool', parts: [{ kind: 'text', text: argText(item.output) }], toolCalls: [], source };
    if (typeof item.call_id === 'string') t.toolCallId = item.call_id;
    return [t];
  }
  if (type === 'reasoning') {
    const text = summaryText(item.summary) || summaryText(item.content);
    return [{ role: 'assistant', rawRole: 'reasoning', parts: [{ kind: 'reasoning', text }], toolCalls: [], source }];
  }
  if (item.role !== undefined || type === 'message') return messageTurns({ ...item, role: item.role ?? 'assistant' }, source);
  return [{ role: 'other', rawRole: type ?? undefined, parts: [{ kind: 'other', label: `Item of type ${type ?? 'unknown'}` }], toolCalls: [], source }];
}

/** The text a person reads in a turn: text parts only (no reasoning, images or labels). */
export function turnText(t: Turn): string {
  return t.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('\n');
}

export function reasoningText(t: Turn): string {
  return t.parts.flatMap((p) => (p.kind === 'reasoning' && p.text ? [p.text] : [])).join('\n');
}
