import { arr, isObj, str, type Obj } from './json';
import { messageTurns, turnText } from './messages';
import type { Part } from './types';

/**
 * Custom (pyfunc / MLflow) model bodies: `dataframe_split`, `dataframe_records`, `instances` or
 * `inputs` in, `predictions` out. A RAG chain or agent served this way usually has its question in
 * one of these columns and its answer in a prediction.
 */

/** Column names that hold the question, in the order they are tried. */
export const QUESTION_COLUMNS = ['question', 'query', 'prompt', 'input', 'text', 'user_input', 'content', 'message'] as const;
/** Keys of an object prediction that hold the answer, in the order they are tried. */
export const ANSWER_KEYS = ['answer', 'output', 'result', 'response', 'content', 'text', 'generated_text', 'prediction', 'summary'] as const;

export const CUSTOM_INPUT_KEYS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;

export function isCustomRequest(body: Obj): boolean {
  return CUSTOM_INPUT_KEYS.some((k) => body[k] !== undefined);
}

/** A columnar dict `{col: [v0, v1]}` as rows; a dict of scalars is one row. */
function columnsToRows(d: Obj): unknown[] {
  const cols = Object.entries(d);
  if (cols.length && cols.every(([, v]) => Array.isArray(v))) {
    const n = Math.max(...cols.map(([, v]) => (v as unknown[]).length));
    return Array.from({ length: n }, (_, i) => Object.fromEntries(cols.map(([k, v]) => [k, (v as unknown[])[i]])));
  }
  return [d];
}

/** The input rows of a custom-model request, in order. */
export function customRows(body: Obj): unknown[] {
  const split = body.dataframe_split;
  if (isObj(split)) {
    const columns = arr(split.columns).map((c) => String(c));
    return arr(split.data).map((row) => (Array.isArray(row) && columns.length ? Object.fromEntries(columns.map((c, i) => [c, row[i]])) : row));
  }
  if (Array.isArray(body.dataframe_records)) return body.dataframe_records;
  if (isObj(body.dataframe_records)) return columnsToRows(body.dataframe_records);
  if (Array.isArray(body.instances)) return body.instances;
  if (body.inputs !== undefined) {
    if (Array.isArray(body.inputs)) return body.inputs;
    if (isObj(body.inputs)) return columnsToRows(body.inputs);
    return [body.inputs];
  }
  return [];
}

/** The question in one input row: the row itself when it is text, else the first question column. */
export function rowQuestion(row: unknown): string | null {
  if (typeof row === 'string') return row;
  if (!isObj(row)) return null;
  for (const k of QUESTION_COLUMNS) {
    const v = row[k];
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  }
  // A chain that takes chat messages in a column.
  const messages = arr(row.messages);
  for (let i = messages.length - 1; i >= 0; i--) {
    const t = messageTurns(messages[i], 'request')[0];
    if (t?.role === 'user') return turnText(t) || null;
  }
  return null;
}

/** Readable text for a row without a question column: its scalar fields as `key: value` lines. */
export function rowText(row: unknown): string {
  if (typeof row === 'string' || typeof row === 'number' || typeof row === 'boolean') return String(row);
  if (!isObj(row)) return '';
  return Object.entries(row)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}

/** The predictions of a custom-model response as one entry per row. */
export function predictionRows(predictions: unknown): unknown[] {
  if (Array.isArray(predictions)) return predictions;
  if (isObj(predictions)) return columnsToRows(predictions);
  return predictions === undefined ? [] : [predictions];
}

/** One prediction as answer text, or as a part to show when it holds no text we can name. */
export function predictionAnswer(p: unknown): { text: string; part: Part | null } {
  if (typeof p === 'string') return { text: p, part: p ? { kind: 'text', text: p } : null };
  if (typeof p === 'number' || typeof p === 'boolean') return { text: String(p), part: { kind: 'text', text: String(p) } };
  if (isObj(p)) {
    for (const k of ANSWER_KEYS) {
      const v = p[k];
      if (typeof v === 'string') return { text: v, part: { kind: 'text', text: v } };
    }
    // A chain that answers in the chat format.
    const choice = arr(p.choices)[0];
    if (isObj(choice)) {
      const t = messageTurns(choice.message, 'response')[0];
      const text = t ? turnText(t) : str(choice.text) ?? '';
      if (text) return { text, part: { kind: 'text', text } };
    }
  }
  if (p === null || p === undefined) return { text: '', part: null };
  return { text: '', part: { kind: 'other', label: JSON.stringify(p).slice(0, 2000) } };
}
