import type { QueryRow } from '@/queries';

/** Rows of the compare queries, as the API returns them (see queries/compare-*.ts). */

export type EntityRow = QueryRow<'compare-entities'>;

export type HistogramRow = QueryRow<'compare-latency-histogram'>;

export type ShareRow = QueryRow<'compare-share-over-time'>;

export type HistoryRow = QueryRow<'compare-entity-history'>;

export type SideBySideRow = QueryRow<'compare-side-by-side'>;
