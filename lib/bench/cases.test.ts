import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_TOPICS, caseUrl, casesFor, DERIVED_ROUTES, pagePaths, pagesFromNav, routeMatcher } from './cases';

describe('casesFor', () => {
  it('runs every query at 7d, 30d and 7d on one endpoint, with its realistic params', () => {
    const cases = casesFor('requests-over-time');
    expect(cases.map((c) => c.label)).toEqual(['7d', '30d', '7d, endpoint']);
    expect(cases[2]!.params).toEqual({ range: '7d', endpoint: 'chat_assistant', split: 'endpoint' });
    expect(cases.every((c) => c.kind === 'chart')).toBe(true);
  });

  it('uses defaults for a query it does not know', () => {
    expect(casesFor('some-new-query')[0]!.params).toEqual({ range: '7d' });
  });

  it('adds keyword searches held to the search target, common and rare, at 7 and 30 days', () => {
    const search = casesFor('inspector-requests').filter((c) => c.kind === 'search');
    expect(search.map((c) => `${c.params.range} ${c.params.q}`)).toEqual(['7d refund', '30d refund', '7d Nightingale', '30d Nightingale']);
  });

  it('watches topics as the ops page does once keywords are typed', () => {
    expect(casesFor('ops-topic-watch')[1]!.params).toEqual({ range: '30d', keywords: BENCH_TOPICS });
    expect(casesFor('ops-topic-matches')[0]!.params.keywords).toBe(BENCH_TOPICS);
  });

  it('leaves a query the pages only call with values from another answer to DERIVED_ROUTES', () => {
    expect(casesFor('inspector-thread')).toEqual([]);
    expect(DERIVED_ROUTES.some((r) => r.route === 'inspector-thread')).toBe(true);
  });
});

describe('caseUrl', () => {
  it('encodes the query string', () => {
    expect(caseUrl({ route: 'inspector-requests', label: '', kind: 'search', params: { range: '7d', q: 'a b&c' } }))
      .toBe('/api/queries/inspector-requests?range=7d&q=a+b%26c');
  });
});

describe('routeMatcher', () => {
  it('matches substrings, regular expressions, or everything', () => {
    expect(routeMatcher('ops')('ops-kpis')).toBe(true);
    expect(routeMatcher('ops')('finance-summary')).toBe(false);
    expect(routeMatcher('/^(ops|finance)-/')('finance-summary')).toBe(true);
    expect(routeMatcher('/^ops-/')('compare-ops')).toBe(false);
    expect(routeMatcher(undefined)('anything')).toBe(true);
  });
});

describe('pagesFromNav', () => {
  it('reads the page paths of NAV_ITEMS', () => {
    const src = `export const NAV_ITEMS = [\n  { href: '/', label: 'Overview' },\n  { href: '/ops', label: 'Ops' },\n] as const;\nconst other = [{ href: '/nope' }];`;
    expect(pagesFromNav(src)).toEqual(['/', '/ops']);
  });

  it('finds the pages of the real app shell', () => {
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'components', 'app-shell.tsx'), 'utf8');
    expect(pagesFromNav(src)).toContain('/');
  });
});

describe('DERIVED_ROUTES', () => {
  const route = (name: string) => DERIVED_ROUTES.find((r) => r.route === name)!;

  it('opens a request from a row of the inspector list as its links do (endpoint and time)', () => {
    const row = { databricks_request_id: 'abc-123', endpoint_name: 'chat_assistant', request_time: '2026-11-20T10:00:00.000Z' };
    expect(route('inspector request detail').path(row)).toBe('/api/inspector/requests/abc-123?endpoint=chat_assistant&at=2026-11-20T10%3A00%3A00.000Z');
    expect(route('inspector request bodies').path(row)).toBe('/api/inspector/requests/abc-123/payload?endpoint=chat_assistant&at=2026-11-20T10%3A00%3A00.000Z');
  });

  it('asks for the conversation of the request shown, a day either side, as the request page does', () => {
    const detail = { thread_id: 'a'.repeat(32), endpoint_name: 'support_agent', request_time: '2026-11-20T10:00:00.000Z' };
    expect(route('inspector-thread').source).toBe('inspector request detail');
    expect(route('inspector-thread').path(detail)).toBe(`/api/queries/inspector-thread?from=2026-11-19T10%3A00%3A00.000Z&to=2026-11-21T10%3A00%3A00.000Z&thread=${'a'.repeat(32)}&endpoint=support_agent`);
  });

  it('gives no path for a row without what it needs', () => {
    expect(route('inspector request detail').path({ endpoint_name: 'x' })).toBeNull();
    expect(route('inspector-thread').path({ request_time: '2026-11-20T10:00:00Z' })).toBeNull();
  });
});

describe('pagePaths', () => {
  it('draws each page at its default range and at 30 days, the questions tab, and a request page', () => {
    const row = { databricks_request_id: 'r1', endpoint_name: 'chat_assistant', request_time: '2026-11-20T10:00:00.000Z' };
    expect(pagePaths(['/', '/inspector', '/alerts', '/api-reference'], row)).toEqual([
      '/', '/?range=30d', '/inspector', '/inspector?range=30d', '/alerts', '/api-reference',
      '/inspector?tab=questions', '/inspector?tab=questions&range=30d',
      '/inspector/r1?endpoint=chat_assistant&at=2026-11-20T10%3A00%3A00.000Z',
    ]);
  });

  it('leaves the request page out without a row', () => {
    expect(pagePaths(['/ops'], null)).toEqual(['/ops', '/ops?range=30d']);
  });
});
