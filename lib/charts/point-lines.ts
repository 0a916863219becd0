import type { Axis, Mark } from './marks';
import { LOW_SAMPLE } from './marks';
import { formatCount } from './format';

/** One series at one bucket, as a tooltip, a bucket menu or a data table shows it. */
export interface PointLine {
  /** The series name ('all' for a chart of one series), to find the filter that selects it. */
  series: string;
  label: string;
  /** `p95 21.3 s · p99 34 s`, or `12.5` — every mark of the series at this bucket. */
  text: string;
  color: string;
  /** Requests behind the value (a percentile's sample), when the chart knows it. */
  n: number | null;
  lowSample: boolean;
  /** The first mark's value, to order the lines (largest first). */
  sortValue: number;
  /** False for a mark of no series (a total, an error rate): it selects no requests of its own. */
  ofSeries: boolean;
}

type Point = { t: number } & Record<string, number | null>;

/**
 * The marks at one point, grouped by series (`s0_p50`, `s0_p95`… are one series): what the
 * tooltip, the bucket menu and the chart's table list. Marks that belong to no series (the error
 * rate) come last, under their own name.
 */
export function pointLines(point: Point, series: readonly { key: string; label: string; color: string }[], marks: readonly Mark[], axes: { left: Axis; right?: Axis }): PointLine[] {
  const fmt = (m: Mark) => m.format ?? (m.axis === 'right' && axes.right ? axes.right.format : axes.left.format);
  const groups = new Map<string, Mark[]>();
  for (const m of marks) {
    const key = /^(s\d+)_/.exec(m.dataKey)?.[1] ?? m.dataKey;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const lines: PointLine[] = [];
  for (const [key, ms] of groups) {
    const s = series.find((x) => x.key === key);
    const single = ms.length === 1;
    const values = ms.map((m) => {
      const v = point[m.dataKey];
      // `gpt-4o p95` under the series gpt-4o reads `p95`; a mark named as its series needs no name.
      const name = single ? '' : s ? m.name.replace(s.label, '').trim() : m.name;
      return `${name ? `${name} ` : ''}${v === null || v === undefined ? 'no data' : fmt(m)(v)}`;
    });
    const visible = ms.filter((m) => !m.hidden);
    const sampleKey = ms.find((m) => m.sampleKey)?.sampleKey;
    const n = sampleKey ? point[sampleKey] ?? null : null;
    lines.push({
      series: s?.label ?? key,
      // A series named in its marks (`gpt-4o p95`) by that name; a category by its mark's label.
      label: !s ? ms[0]!.name : s.label === 'all' ? 'All requests' : ms.every((m) => m.name.includes(s.label)) ? s.label : ms[0]!.name,
      text: values.join(' · '),
      // Several drawn marks of one series (p50, p95, p99) have colours of their own: no single swatch.
      color: visible.length === 1 ? (s?.color ?? visible[0]!.color) : '',
      n,
      lowSample: n !== null && n < LOW_SAMPLE,
      sortValue: point[ms[0]!.dataKey] ?? -Infinity,
      ofSeries: Boolean(s),
    });
  }
  return lines;
}

/** `n = 12 requests`, with a warning when too few for a steady percentile. */
export function sampleText(line: Pick<PointLine, 'n' | 'lowSample'>): string | null {
  if (line.n === null) return null;
  return `${formatCount(line.n)} request${line.n === 1 ? '' : 's'}${line.lowSample ? `: fewer than ${LOW_SAMPLE}, read with care` : ''}`;
}
