import type { Part, Turn } from './extract';

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

/** Turns → what the transcript mounts: all or the first `limit`, text parts cut when `truncate`. */
export function prepareTranscript(turns: Turn[], opts: { truncate: boolean; limit: number }): PreparedTranscript {
  const shown = turns.slice(0, opts.limit).map((turn, k) => ({
    key: `${k}-${turn.role}`,
    turn,
    parts: turn.parts.map((part) => {
      if (!opts.truncate || part.kind !== 'text' || part.text.length <= TRUNCATED_PART_CHARS) return { part, hidden: 0 };
      return { part: { kind: 'text' as const, text: part.text.slice(0, TRUNCATED_PART_CHARS) }, hidden: part.text.length - TRUNCATED_PART_CHARS };
    }),
  }));
  return { turns: shown, more: Math.max(0, turns.length - opts.limit), truncated: shown.some((t) => t.parts.some((p) => p.hidden > 0)) };
}

const ROLE_LABEL: Record<Turn['role'], string> = { system: 'System', developer: 'Developer', user: 'User', assistant: 'Assistant', tool: 'Tool', other: 'Raw body' };

export function roleLabel(t: Turn): string {
  if (t.rawRole === 'reasoning') return 'Assistant · reasoning';
  const base = ROLE_LABEL[t.role];
  // The model's own output: its final message is the answer, tool items are steps within it.
  const from = t.source !== 'response' ? '' : t.role === 'assistant' && !t.toolCalls.length ? ' · answer' : ' · in response';
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
