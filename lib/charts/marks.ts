import type { Bucket } from '@/lib/time/buckets';

/** What a time chart draws for one prepared field: decided in preparation, drawn by components/charts/time-chart. */
export interface Mark {
  /** Point field, e.g. `s0_qpm`. */
  dataKey: string;
  name: string;
  color: string;
  /** Lines for measurements (never stacked), stacked areas or bars for counts. */
  kind: 'line' | 'area' | 'bar';
  stackId?: string;
  dashed?: boolean;
  axis?: 'left' | 'right';
  /**
   * The field holding how many requests stand behind this value (a percentile's sample): shown in
   * the tooltip, and buckets with fewer than LOW_SAMPLE are marked on the line.
   */
  sampleKey?: string;
  /** Listed in the readout and the table but not drawn (the busiest minute beside stacked areas). */
  hidden?: boolean;
  /** How the readout writes this value when not in its axis' unit (tokens beside money). */
  format?: (v: number) => string;
  /** A step per bucket rather than a segment between buckets (shares of a whole). */
  step?: boolean;
}

/** Fewer requests than this behind a percentile: the value is drawn, but marked as thin. */
export const LOW_SAMPLE = 20;

/** An axis: its label, how values read (readout, table) and, when shorter, how its ticks read. */
export interface Axis { label: string; format: (v: number) => string; tick?: (v: number) => string; integer?: boolean; domain?: [number, number]; ticks?: number[] }

export interface SeriesDef { key: string; label: string; color: string }
/** One chart point; values live under `s0_<field>`, `s1_<field>`… so odd series names never break keys. */
export type SeriesPoint = { t: number } & Record<string, number | null>;

export interface PreparedSeries {
  bucket: Bucket;
  tz: string;
  series: SeriesDef[];
  points: SeriesPoint[];
  /** x-axis extent: the first bucket's start to the window's end. */
  domain: [number, number];
  /** The part of the window whose rows may still be landing, drawn distinctly on every chart. */
  stillArriving: { from: number; to: number } | null;
  /** Configuration changes inside the window, drawn as dashed vertical lines. */
  changes?: ChangeMark[];
}

export interface ChangeMark { t: number; label: string }

