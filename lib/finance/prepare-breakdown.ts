import { OTHER } from './prepare-spend-daily';
import type { QueryRow } from '@/queries';

export type BreakdownRow = QueryRow<'finance-breakdown'>;

export interface BreakdownLine extends BreakdownRow {
  tokens: number;
  /** Share of all priced spend in the table; null when the value has no priced request. */
  costShare: number | null;
  /** Bar length relative to the costliest value. */
  bar: number;
  costPer1k: number | null;
  estimatedShare: number | null;
  /** "(other)" is a sum of many values: it cannot be drilled into. */
  drillable: boolean;
}

export function prepareBreakdown(rows: BreakdownRow[]): { lines: BreakdownLine[]; totalCost: number | null } {
  const priced = rows.filter((r) => r.cost !== null);
  const totalCost = priced.length ? priced.reduce((a, r) => a + (r.cost ?? 0), 0) : null;
  const maxCost = Math.max(0, ...priced.map((r) => r.cost ?? 0));
  const lines = [...rows].sort((a, b) => a.value_rank - b.value_rank).map((r) => {
    const tokens = (r.input_tokens ?? 0) + (r.output_tokens ?? 0);
    return {
      ...r,
      tokens,
      costShare: r.cost !== null && totalCost ? r.cost / totalCost : null,
      bar: r.cost !== null && maxCost > 0 ? r.cost / maxCost : 0,
      costPer1k: r.cost_per_request === null ? null : r.cost_per_request * 1000,
      estimatedShare: tokens > 0 ? r.estimated_tokens / tokens : null,
      drillable: !(r.value === OTHER && r.values_included > 1),
    };
  });
  return { lines, totalCost };
}
