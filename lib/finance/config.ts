import 'server-only';
import path from 'node:path';
import { getPriceBook, priceBookPath, PriceBookError, type PriceBook } from './price-book';
import { billingTables } from './sql';

export interface FinanceConfig {
  priceBook: PriceBook | null;
  /** Shown instead of the prices when the book does not validate. */
  priceBookProblems: string[] | null;
  priceBookFile: string;
  billing: { configured: boolean; usageTable: string | null; listPricesTable: string | null };
}

export function resolveFinanceConfig(env: Record<string, string | undefined> = process.env): FinanceConfig {
  // Only the file's name relative to the app leaves the server, not the machine's layout.
  const file = path.relative(process.cwd(), priceBookPath(env)) || priceBookPath(env);
  let priceBook: PriceBook | null = null;
  let priceBookProblems: string[] | null = null;
  try {
    priceBook = getPriceBook();
  } catch (err) {
    if (!(err instanceof PriceBookError)) throw err;
    priceBookProblems = err.problems;
  }
  const billing = billingTables(env);
  return {
    priceBook,
    priceBookProblems,
    priceBookFile: file.startsWith('..') ? path.basename(file) : file,
    billing: { configured: billing !== null, usageTable: billing?.usage ?? null, listPricesTable: billing?.listPrices ?? null },
  };
}
