/** The price book's schema and price lookups: pure, so the browser can use them too. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');
const perMillion = z.number().finite().nonnegative().max(1_000_000);

const priceSchema = z.object({
  effective_from: isoDate,
  input_per_1m: perMillion,
  output_per_1m: perMillion,
  cached_input_per_1m: perMillion.optional(),
  reasoning_per_1m: perMillion.optional(),
  taken_on: isoDate,
  source: z.string().max(500).regex(/^https:\/\//, 'expected an https:// address').optional(),
}).strict();

const modelSchema = z.object({
  model: z.string().trim().min(1).max(128),
  /** Names compared, case-insensitively and whole, with the served entity's entity_name or served_entity_name. */
  match: z.array(z.string().trim().min(1).max(256)).min(1).max(20),
  prices: z.array(priceSchema).min(1).max(50),
}).strict();

export const priceBookSchema = z.object({
  version: z.string().trim().min(1).max(64),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  note: z.string().max(2000).optional(),
  models: z.array(modelSchema).max(200),
}).strict().superRefine((book, ctx) => {
  const seen = new Map<string, string>();
  book.models.forEach((m, i) => {
    for (const name of m.match) {
      const key = name.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined && other !== m.model) ctx.addIssue({ code: 'custom', path: ['models', i, 'match'], message: `"${name}" also matches ${other}: a name may price one model only` });
      seen.set(key, m.model);
    }
    const dates = m.prices.map((p) => p.effective_from);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['models', i, 'prices'], message: `${m.model} has two prices effective on the same date` });
  });
});

export type PriceBook = z.infer<typeof priceBookSchema>;

/** One price of one match name over a half-open date range [from, to); `to` null = still in force. */
export interface PriceRow {
  model: string;
  match: string;
  from: string;
  to: string | null;
  inputPer1m: number;
  outputPer1m: number;
  cachedInputPer1m: number | null;
  reasoningPer1m: number | null;
}

/** A price applies from its effective_from date until the next price of the same model takes over. */
export function priceRows(book: PriceBook): PriceRow[] {
  const rows: PriceRow[] = [];
  for (const m of book.models) {
    const sorted = [...m.prices].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
    sorted.forEach((p, i) => {
      for (const name of new Set(m.match.map((n) => n.toLowerCase()))) {
        rows.push({
          model: m.model,
          match: name,
          from: p.effective_from,
          to: sorted[i + 1]?.effective_from ?? null,
          inputPer1m: p.input_per_1m,
          outputPer1m: p.output_per_1m,
          cachedInputPer1m: p.cached_input_per_1m ?? null,
          reasoningPer1m: p.reasoning_per_1m ?? null,
        });
      }
    });
  }
  return rows;
}

/** The price in force for a model name on a UTC date (YYYY-MM-DD), or null: unpriced, never $0. */
export function priceFor(book: PriceBook, name: string | null | undefined, date: string): PriceRow | null {
  if (!name) return null;
  const key = name.toLowerCase();
  return priceRows(book).find((r) => r.match === key && r.from <= date && (r.to === null || date < r.to)) ?? null;
}

export class PriceBookError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`Price book ${file} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PriceBookError';
  }
}

export function parsePriceBook(raw: unknown, file = 'price book'): PriceBook {
  const parsed = priceBookSchema.safeParse(raw);
  if (!parsed.success) throw new PriceBookError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}
