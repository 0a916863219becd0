import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseUrl, casesFor, EXTRA_ROUTES, pagesFromNav, routeMatcher } from './cases';

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

  it('adds keyword searches held to the search target', () => {
    const search = casesFor('inspector-requests').filter((c) => c.kind === 'search');
    expect(search.map((c) => c.params.q)).toEqual(['refund', 'Nightingale']);
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

describe('EXTRA_ROUTES', () => {
  it('builds the request detail paths from a row of the inspector list', () => {
    const row = { databricks_request_id: 'abc-123', endpoint_name: 'chat_assistant' };
    expect(EXTRA_ROUTES.map((r) => r.path(row))).toEqual([
      '/api/inspector/requests/abc-123?endpoint=chat_assistant',
      '/api/inspector/requests/abc-123/payload?endpoint=chat_assistant',
    ]);
  });

  it('gives no path for a row without an id', () => {
    expect(EXTRA_ROUTES[0]!.path({ endpoint_name: 'x' })).toBeNull();
  });
});
