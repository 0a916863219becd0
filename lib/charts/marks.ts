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
}

export interface Axis { label: string; format: (v: number) => string; integer?: boolean }
