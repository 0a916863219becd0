import { z } from 'zod';
import type { Params } from '@/lib/warehouse/types';
import type { RollupTable } from '@/lib/rollups/catalog';
import { commonFilterShape, type TimeWindow } from './filters';

export type FilterInput = z.infer<z.ZodObject<typeof commonFilterShape>>;

export interface BindContext { window: TimeWindow }

/**
 * One catalogue query: the Databricks SQL in `queries/<id>.sql`, the parameters it accepts from
 * a query string (the shared filters plus its own) and the rows it returns — parsed, not cast.
 */
export interface QueryDefinition<Extra extends z.ZodRawShape = z.ZodRawShape, RowShape extends z.ZodRawShape = z.ZodRawShape> {
  id: string;
  title: string;
  description: string;
  /** Shared filters are always accepted; these are the query's own parameters. */
  params: Extra;
  /** Whether the time window is required (every query over the payload table needs one). */
  needsWindow?: boolean;
  /**
   * The answer depends on request or response text (messages, answers, or counts of keyword
   * matches): only roles allowed to read conversation text may run it.
   */
  exposesText?: boolean;
  /**
   * Parameters matched against the raw bodies, with the search terms each value holds. Terms that
   * could match inside masked personal data need permission to reveal (lib/api/authorize.ts).
   */
  searchTerms?: Record<string, (value: unknown) => string[]>;
  bind: (input: FilterInput & z.infer<z.ZodObject<Extra>>, ctx: BindContext) => Params;
  row: z.ZodObject<RowShape>;
  /**
   * The rollup tables the query can read for the whole hours of a window and return the same
   * rows: through its variant `queries/<id>.rollup.sql` (`{{hourly}}`, `{{minutely}}`…) or, without
   * one, through its relations (`{{priced_requests}}` then prices hourly token groups). The plan
   * uses them when every table can answer the filters and buckets (lib/rollups/catalog.ts) and
   * `when` (if given) holds for the bound parameters.
   */
  rollups?: {
    tables: readonly RollupTable[];
    when?: (params: Params) => boolean;
    whenNot?: string;
    /**
     * A bound timestamp the query splits its rows at (ops-kpis: the current period's start). When
     * it falls inside an hour, that hour is computed from requests, its rows labelled by the side
     * of the split they fall on (`{{rollup_hour}}`), so whole-hour tables never mix the two sides.
     */
    splitAt?: string;
  };
  /**
   * A page sorted newest first, which the newest part of the window can answer: gives the rows that
   * fill the page (null when these parameters do not sort newest first). The runner then reads the
   * newest slices of the window first (lib/catalogue/newest-first.ts) and stops at the first that
   * fills the page: its rows are the window's own first rows, found without reading the rest.
   */
  newestFirst?: (params: Params) => number | null;
  /** Whether the query may choose its page of keys from request facts (no bodies needed). */
  pageKeys?: (params: Params) => boolean;
  /**
   * Whether these parameters can be answered by the variant `queries/<id>.facts.sql`, which reads
   * the request facts and text tables instead of interpreting bodies: the plan uses it when those
   * tables cover the whole window (lib/rollups/equivalence.test.ts holds it to the same rows).
   */
  factsVariant?: (params: Params) => boolean;
  /** Optional server-side pass over validated rows before they leave the server (e.g. masking personal data). */
  post?: (rows: z.infer<z.ZodObject<RowShape>>[]) => z.infer<z.ZodObject<RowShape>>[];
  /**
   * Keyset pages: the statement reads one row more than asked, which only says whether another
   * page follows. Gives the page's rows and the parameters that fetch the next page (or null).
   */
  page?: (rows: z.infer<z.ZodObject<RowShape>>[], input: FilterInput & z.infer<z.ZodObject<Extra>>) => { rows: z.infer<z.ZodObject<RowShape>>[]; next: Record<string, string | number> | null };
}

export function defineQuery<Extra extends z.ZodRawShape, RowShape extends z.ZodRawShape>(def: QueryDefinition<Extra, RowShape>): QueryDefinition<Extra, RowShape> {
  return def;
}

export type AnyQuery = QueryDefinition<z.ZodRawShape, z.ZodRawShape>;
export type RowOf<Q> = Q extends QueryDefinition<z.ZodRawShape, infer R> ? z.infer<z.ZodObject<R>> : never;
