import { turnText, type Part, type PayloadKind, type Turn } from '@/lib/payload';

/** Over this size a payload renders truncated until the viewer asks for everything. */
export const LARGE_PAYLOAD_CHARS = 256 * 1024;
/** In a truncated render, each text part shows at most this much. */
export const TRUNCATED_PART_CHARS = 4_000;
/** Turns mounted at first; more on demand (the rest are off-screen anyway). */
export const INITIAL_TURNS = 60;

export interface ShownPart {
  part: Part;
  /** Characters hidden by truncation (0 when shown in full). */
  hidden: number;
}

export interface ShownTurn {
  key: string;
  turn: Turn;
  parts: ShownPart[];
  /** The final answer of its choice (the last assistant text of the model's output). */
  final: boolean;
  /** Set on the first turn of each choice when the model returned several (n > 1, or one prediction per row). */
  heading?: string;
}

export interface PreparedTranscript {
  turns: ShownTurn[];
  /** Turns not mounted yet. */
  more: number;
  truncated: boolean;
}

export function isLarge(chars: number): boolean {
  return chars > LARGE_PAYLOAD_CHARS;
}

/**
 * Turns → what the transcript mounts: all or the first `limit`, text parts cut when `truncate`,
 * each choice of the output under its own heading when there are several.
 */
export function prepareTranscript(turns: Turn[], opts: { truncate: boolean; limit: number; kind?: PayloadKind }): PreparedTranscript {
  const output = turns.filter((t) => t.source === 'response');
  const choices = new Set(output.map((t) => t.choice ?? 0));
  const finals = new Set<Turn>();
  for (const c of choices) {
    const texts = output.filter((t) => (t.choice ?? 0) === c && t.role === 'assistant' && turnText(t));
    if (texts.length) finals.add(texts[texts.length - 1]!);
  }
  const noun = opts.kind === 'custom-model' ? 'Prediction' : 'Choice';
  const headed = new Set<number>();
  const shown = turns.slice(0, opts.limit).map((turn, k): ShownTurn => {
    const c = turn.choice ?? 0;
    const heading = turn.source === 'response' && choices.size > 1 && !headed.has(c) ? `${noun} ${c + 1} of ${choices.size}` : undefined;
    if (heading) headed.add(c);
    return {
      key: `${k}-${turn.role}`,
      turn,
      final: finals.has(turn),
      ...(heading ? { heading } : {}),
      parts: turn.parts.map((part) => {
        if (!opts.truncate || (part.kind !== 'text' && part.kind !== 'reasoning') || part.text.length <= TRUNCATED_PART_CHARS) return { part, hidden: 0 };
        return { part: { ...part, text: part.text.slice(0, TRUNCATED_PART_CHARS) }, hidden: part.text.length - TRUNCATED_PART_CHARS };
      }),
    };
  });
  return { turns: shown, more: Math.max(0, turns.length - opts.limit), truncated: shown.some((t) => t.parts.some((p) => p.hidden > 0)) };
}

const ROLE_LABEL: Record<Turn['role'], string> = { system: 'System', developer: 'Developer', user: 'User', assistant: 'Assistant', tool: 'Tool result', other: 'Raw body' };

export function roleLabel(shown: Pick<ShownTurn, 'turn' | 'final'>): string {
  const t = shown.turn;
  if (t.rawRole === 'reasoning') return 'Assistant · reasoning';
  const base = ROLE_LABEL[t.role];
  // The model's own output: its final message is the answer, other items are steps within it.
  const from = t.source !== 'response' ? '' : shown.final ? ' · answer' : ' · in response';
  return t.rawRole && t.role !== 'other' ? `${base} (${t.rawRole})${from}` : `${base}${from}`;
}

/** Pretty-prints tool arguments when they are JSON, else leaves them as written. */
export function formatArguments(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

export function formatBytes(chars: number | null | undefined): string {
  if (chars === null || chars === undefined) return '–';
  if (chars < 1024) return `${chars} chars`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} K chars`;
  return `${(chars / 1024 / 1024).toFixed(2)} M chars`;
}

/** Execution time, as every page shows it. */
export { formatMs as formatDuration } from '@/lib/charts/format';

/** `2026-11-20 14:05:09 UTC` from an ISO string. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '–';
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}
