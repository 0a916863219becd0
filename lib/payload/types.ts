/** The one model of a logged request/response pair that every view reads. */

export type PayloadKind =
  | 'chat'
  | 'completions'
  | 'embeddings'
  | 'responses-api'
  | 'chat-agent'
  | 'responses-agent'
  | 'custom-model'
  | 'guardrail-block'
  | 'error'
  | 'unknown';

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'other';

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'reasoning'; text: string }
  | { kind: 'image'; label: string }
  | { kind: 'other'; label: string };

export interface ToolCall {
  id: string | null;
  name: string;
  arguments: string;
}

export interface Turn {
  role: Role;
  /** The role or item type as written when it is not one of ours (e.g. "function"). */
  rawRole?: string;
  parts: Part[];
  toolCalls: ToolCall[];
  /** On a tool result: the call it answers. */
  toolCallId?: string;
  /** History sent by the client, or the model's output. */
  source: 'request' | 'response';
  /** On model output: which choice (n > 1) or which prediction row it belongs to. */
  choice?: number;
}

/** The final answer of one choice. */
export interface Answer {
  choice: number;
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
}

export type TokenSource =
  /** The response body's `usage` (or a ChatAgent / ResponsesAgent body's). */
  | 'usage'
  /** A chunk array: the last chunk that carries usage (usage repeated on every chunk is cumulative). */
  | 'stream_chunk'
  /** A ResponsesAgent / Responses API event stream: the `response.completed` event's usage. */
  | 'response_completed'
  | 'none';

export interface TokenCounts {
  input: number | null;
  output: number | null;
  total: number | null;
  cached: number | null;
  reasoning: number | null;
  source: TokenSource;
  /** Plain words for the detail page, e.g. "last of 12 chunks carrying usage (cumulative)". */
  detail: string | null;
}

/** Token estimates from the text a tokenizer would see: (characters + 1) / 4, never from JSON. */
export interface TokenEstimate {
  input: number | null;
  output: number | null;
  inputChars: number;
  outputChars: number;
}

export type ErrorCategory =
  | 'ok'
  | 'rate_limited'
  | 'input_guardrail'
  | 'output_guardrail'
  | 'provider_error'
  | 'server_5xx'
  | 'client_4xx'
  | 'unknown';

export interface AnonymizedInput {
  role: string | null;
  text: string;
}

export interface GuardrailCheck {
  stage: 'input' | 'output';
  flagged: boolean | null;
  pii: boolean;
  invalidKeywords: boolean;
  /** Only the categories whose verdict is true. */
  categories: string[];
  anonymizedInput: AnonymizedInput[];
}

export interface PayloadError {
  category: ErrorCategory;
  code: string | null;
  /** The true reason in plain text: decoded from nested JSON, HTML reduced to its text. */
  reason: string | null;
  provider: string | null;
  guardrails: GuardrailCheck[];
  /** The error body was an HTML page. */
  html: boolean;
  /** What the error body was: a JSON object, an HTML page, other text (or JSON that is not an object); null when none was logged. */
  format: 'json' | 'html' | 'text' | null;
}

export interface Span {
  id: string;
  parentId: string | null;
  name: string;
  /** LLM, RETRIEVER, TOOL, CHAIN, AGENT, … as the trace names it; UNKNOWN when absent. */
  type: string;
  /** Milliseconds from the trace's first span start; null when the span has no times. */
  startMs: number | null;
  durationMs: number | null;
  status: 'ok' | 'error' | 'unset';
  statusMessage: string | null;
  tokens: { input: number | null; output: number | null; total: number | null } | null;
  /** Inputs and outputs as text (pretty JSON when they are structured). */
  inputs: string | null;
  outputs: string | null;
  depth: number;
  children: string[];
}

export interface Trace {
  id: string | null;
  /** The trace's own state (OK / ERROR / IN_PROGRESS) when it reports one. */
  state: string | null;
  durationMs: number | null;
  /** Spans in tree order (parent before children, siblings by start time). */
  spans: Span[];
  hasError: boolean;
  /** The first errored span, for the flag on the page. */
  firstError: { span: string; message: string | null } | null;
}

export interface EmbeddingsInfo {
  inputs: number;
  vectors: number;
  dimensions: number | null;
  encoding: 'float' | 'base64' | null;
}

export interface PayloadModel {
  kind: PayloadKind;
  /** What the request alone looks like (a guardrail block or an error still has a chat request). */
  requestKind: PayloadKind;
  turns: Turn[];
  /** The question asked: the last user message (chat, agents, Responses), the first prompt, a custom model's question column. */
  question: string | null;
  answers: Answer[];
  /** Tool names the model called in this response, in order, without repeats. */
  toolNames: string[];
  tokens: TokenCounts;
  estimate: TokenEstimate;
  error: PayloadError | null;
  trace: Trace | null;
  embeddings: EmbeddingsInfo | null;
  stream: { chunks: number; format: 'chat' | 'completions' | 'chat-agent' | 'responses' } | null;
  model: string | null;
  /** Plain-language notes: why a body is missing, unparseable or partly understood. */
  notes: string[];
}

export interface PayloadRow {
  request: string | null;
  response: string | null;
  status_code?: number | null;
  logging_error_codes?: string[] | null;
}
