import type { PreparedSeries } from './prepare-series';
import type { QueryRow } from '@/queries';

export type ErrorsRow = QueryRow<'ops-errors-over-time'>;

/** Adds `error_rate` to each point: failed ÷ all requests of the bucket; no traffic → a gap, not 0%. */
export function prepareErrorRate(p: PreparedSeries): PreparedSeries {
  const keys = p.series.map((s) => ({ key: `${s.key}_n`, ok: s.label === 'ok' }));
  const points = p.points.map((pt) => {
    let all = 0;
    let failed = 0;
    for (const k of keys) {
      const v = pt[k.key] ?? 0;
      all += v;
      if (!k.ok) failed += v;
    }
    return { ...pt, error_rate: all > 0 ? failed / all : null };
  });
  return { ...p, points };
}
