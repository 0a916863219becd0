import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtMs, overheadSplit, renderMarkdown, type BenchReport } from './report';
import { summarise } from './stats';

const report: BenchReport = {
  meta: {
    date: '2026-11-22T16:00:00.000Z', rows: 1_000_000, replicate: 1, seed: 42, runs: 5,
    machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 23.5, os: 'Linux 6.1', node: 'v22.0.0' },
    loadAverage: { start: [1, 2, 3], end: [0.5, 1, 1.5] },
    duckdb: { memoryLimit: '4GB', threads: 'default' }, commit: 'abc1234', demo: 'data/bench/x.duckdb', wallSeconds: 120,
  },
  routes: [
    {
      route: 'requests-over-time', label: '7d', kind: 'chart', url: '/api/queries/requests-over-time?range=7d', status: 'ok', rows: 504,
      wall: summarise([110, 120, 130]), engine: summarise([100]), handler: summarise([101, 102, 103]), raw: summarise([100]), ratio: 1.2, overheadMs: 20, cachedMs: 3.2,
      evaluation: { verdict: 'PASS', reasons: [] }, load: 1.25,
    },
    {
      route: 'ops-kpis', label: '30d', kind: 'chart', url: '', status: 'ok', rows: 1,
      wall: summarise([400]), engine: summarise([300]), handler: summarise([306]), raw: summarise([200]), ratio: 2, overheadMs: 200, cachedMs: null,
      evaluation: { verdict: 'MISS', reasons: ['p50 400 ms > 300 ms', '2.00× raw > 1.2×'] },
    },
    {
      route: 'inspector-thread', label: '7d', kind: 'chart', url: '', status: 'skipped', note: 'answers 400 (thread: required)', rows: null,
      wall: summarise([]), engine: summarise([]), raw: summarise([]), ratio: null, overheadMs: null, cachedMs: null,
      evaluation: { verdict: 'n/a', reasons: [] },
    },
  ],
  pages: [{ path: '/', charts: 3, failedCharts: 0, emptyCharts: 1, draw: summarise([900, 1000]), firstView: summarise([600, 700]), jsGzipBytes: 200 * 1024, jsFiles: 12, jsAllGzipBytes: 320 * 1024, calls: ['/api/health', '/api/queries/ops-kpis?range=7d'], evaluation: { verdict: 'PASS', reasons: [] } }],
  memory: { peakTreeRssKb: 1024 * 1024, peakProcessHwmKb: 900 * 1024, samples: 10, buildPeakKb: 2 * 1024 * 1024 },
  notes: ['inspector request detail: skipped, inspector-requests is not in this build'],
};

describe('renderMarkdown', () => {
  const md = renderMarkdown(report);

  it('states the size, the machine, the load and the memory', () => {
    expect(md).toContain('#### 1,000,000 requests (seed 42), 5 runs per case');
    expect(md).toContain('Test CPU, 2 cores, 23.5 GiB RAM');
    expect(md).toContain('at start 1.00 / 2.00 / 3.00');
    expect(md).toContain('**1.00 GiB**');
    expect(md).toContain('of the benchmark process that built the rollups: **2.00 GiB**');
  });

  it('says when the demo is made of copies', () => {
    expect(renderMarkdown({ ...report, meta: { ...report.meta, rows: 10_000_000, replicate: 10 } })).toContain('#### 10,000,000 requests (seed 42, 10 copies of a 1,000,000-request demo), 5 runs per case');
  });

  it('has one row per case with targets and verdicts', () => {
    expect(md).toContain('| requests-over-time | 7d | 504 | 120 | 129 | 100 | 100 | 1.20× | 20 | 3.2 | 1.3 | p50 ≤ 300 ms, ≤ 1.2× raw | PASS |');
    expect(md).toContain('| ops-kpis | 30d | 1 | 400 | 400 | 300 | 200 | 2.00× | 200 | – | – | p50 ≤ 300 ms, ≤ 1.2× raw | **MISS**: p50 400 ms > 300 ms; 2.00× raw > 1.2× |');
    expect(md).toContain('skipped: answers 400 (thread: required)');
    expect(md).toContain('API routes: 1 of 2 cases meet their target.');
  });

  it('splits the overhead into the handler\'s own time and what surrounds it', () => {
    // requests-over-time: handler 102 − engine 100 = 2, wall 120 − handler 102 = 18; ops-kpis: 6 and 94.
    expect(overheadSplit(report.routes)).toEqual({ handlerMs: 4, outsideMs: 56 });
    expect(md).toContain('its engine call (parse, plan, render, row check, JSON) 4.0 ms; the call\'s wall time less the handler (Next.js, HTTP, the client\'s fetch) 56 ms.');
    // Results of servers without the header: no split.
    expect(overheadSplit(report.routes.map((x) => ({ ...x, handler: undefined })))).toBeNull();
  });

  it('lists pages and notes', () => {
    expect(md).toContain('| / | 3 (1 empty) | 2 | 650 | 950 | 1,000 | 12 | 200.0 kB | 320.0 kB | PASS |');
    // Results written before the first-screen time was measured show a dash.
    expect(renderMarkdown({ ...report, pages: [{ ...report.pages[0]!, firstView: undefined }] })).toContain('| / | 3 (1 empty) | 2 | – | 950 |');
    expect(md).toContain('- inspector request detail: skipped');
  });

  it('escapes pipes in cells', () => {
    const piped = renderMarkdown({ ...report, routes: [{ ...report.routes[0]!, label: 'a|b' }] });
    expect(piped).toContain('| a\\|b |');
  });
});

describe('formatting', () => {
  it('keeps one decimal below 10 ms', () => {
    expect(fmtMs(3.14159)).toBe('3.1');
    expect(fmtMs(1234.5)).toBe('1,235');
    expect(fmtMs(null)).toBe('–');
  });

  it('picks a unit for sizes', () => {
    expect(fmtBytes(512)).toBe('0.5 kB');
    expect(fmtBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
    expect(fmtBytes(2.5 * 1024 ** 3)).toBe('2.50 GiB');
  });
});
