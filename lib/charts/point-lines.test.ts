import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent, formatCount } from './format';
import type { Mark } from './marks';
import { pointLines, sampleText } from './point-lines';

const ms = { left: { label: 'latency', format: formatMs } };

describe('pointLines', () => {
  it('groups the percentiles of one series and says how many requests stand behind them', () => {
    const marks: Mark[] = [
      { dataKey: 's0_p50', name: 'p50', color: 'a', kind: 'line', sampleKey: 's0_n' },
      { dataKey: 's0_p95', name: 'p95', color: 'b', kind: 'line', sampleKey: 's0_n' },
    ];
    const [line] = pointLines({ t: 0, s0_p50: 900, s0_p95: 21_300, s0_n: 12 }, [{ key: 's0', label: 'all', color: 'x' }], marks, ms);
    expect(line).toMatchObject({ series: 'all', label: 'All requests', text: 'p50 900 ms · p95 21.3 s', n: 12, lowSample: true });
    expect(sampleText(line!)).toBe('12 requests: fewer than 20, read with care');
  });

  it('gives one line per series when split, named by the series, with its value alone', () => {
    const series = [{ key: 's0', label: 'gpt-4o', color: 'g' }, { key: 's1', label: 'claude-sonnet', color: 'c' }];
    const marks: Mark[] = series.map((s) => ({ dataKey: `${s.key}_p95`, name: `${s.label} p95`, color: s.color, kind: 'line', sampleKey: `${s.key}_n` }));
    const lines = pointLines({ t: 0, s0_p95: 5000, s0_n: 400, s1_p95: null, s1_n: 0 }, series, marks, ms);
    expect(lines.map((l) => [l.series, l.text, l.lowSample])).toEqual([['gpt-4o', '5 s', false], ['claude-sonnet', 'no data', true]]);
  });

  it('puts marks of no series (the error rate) under their own name, on their own axis', () => {
    const marks: Mark[] = [
      { dataKey: 's0_n', name: 'Rate limited (429)', color: 'r', kind: 'bar', stackId: 'e' },
      { dataKey: 'error_rate', name: 'Error rate', color: 'k', kind: 'line', axis: 'right' },
    ];
    const lines = pointLines({ t: 0, s0_n: 42, error_rate: 0.25 }, [{ key: 's0', label: 'rate_limited', color: 'r' }], marks, { left: { label: 'n', format: formatCount }, right: { label: '%', format: formatPercent } });
    expect(lines.map((l) => [l.series, l.label, l.text, l.n, l.ofSeries])).toEqual([['rate_limited', 'Rate limited (429)', '42', null, true], ['error_rate', 'Error rate', '25.0%', null, false]]);
  });
});

describe('pointLines of stacked areas with a read-out peak', () => {
  it('names only the extra value and keeps the series swatch', () => {
    const marks: Mark[] = [
      { dataKey: 's0', name: 'chat', color: 'c', kind: 'area', stackId: 'r' },
      { dataKey: 's0_peak', name: 'chat busiest minute', color: 'c', kind: 'line', hidden: true },
    ];
    const [line] = pointLines({ t: 0, s0: 2.5, s0_peak: 9 }, [{ key: 's0', label: 'chat', color: 'c' }], marks, { left: { label: 'r', format: formatCount } });
    expect(line).toMatchObject({ label: 'chat', text: '3 · busiest minute 9', color: 'c' });
  });
});
