import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { parsePriceBook, PriceBookError, type PriceBook } from './price-book-core';

export * from './price-book-core';

export function priceBookPath(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.PRICE_BOOK_PATH || path.join(process.cwd(), 'config', 'price-book.json'));
}

let cached: { file: string; book: PriceBook } | null = null;

/** The active price book, read and validated once per process (edit the file, then restart). */
export function getPriceBook(): PriceBook {
  const file = priceBookPath();
  if (cached?.file === file && process.env.NODE_ENV === 'production') return cached.book;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PriceBookError(file, [`cannot read it as JSON (${(err as Error).message.split('\n')[0]})`]);
  }
  const book = parsePriceBook(raw, file);
  cached = { file, book };
  return book;
}
