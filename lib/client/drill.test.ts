import { describe, expect, it } from 'vitest';
import { backHref, bucketLines, pageWithState, statusClassOf, bucketSpan, dragSpan, narrowedState, ownParams, pageHref, requestsHref, seriesNarrowing, zoomQuery } from './drill';
import { readState } from './search-params';

const at = (s: string) => Date.parse(s);
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
const window = { start: at('2026-11-15T12:35:00Z'), end: at('2026-11-22T12:35:00Z') };

describe('buckets to spans', () => {
  it('covers one bucket, cut to the window at its edges', () => {
    const s = bucketSpan(at('2026-11-20T14:00:00Z'), 'hour', 'UTC', window);
    expect([iso(s.start), iso(s.end)]).toEqual(['2026-11-20T14:00', '2026-11-20T15:00']);
    const first = bucketSpan(at('2026-11-15T12:00:00Z'), 'hour', 'UTC', window);
    expect(iso(first.start)).toBe('2026-11-15T12:35');
    const minute = bucketSpan(at('2026-11-20T14:05:00Z'), 'minute', 'UTC', window);
    expect(minute.end - minute.start).toBe(60_000);
  });

  it('follows zoned days of 25 hours and half-hour zones', () => {
    const fall = bucketSpan(at('2026-11-01T04:00:00Z'), 'day', 'America/New_York', { start: 0, end: at('2027-01-01T00:00:00Z') });
    expect((fall.end - fall.start) / 3_600_000).toBe(25);
    const kolkata = bucketSpan(at('2026-11-20T13:30:00Z'), 'hour', 'Asia/Kolkata', window);
    expect(iso(kolkata.end)).toBe('2026-11-20T14:30');
  });

  it('turns a drag either way into the buckets it touches', () => {
    const a = at('2026-11-20T16:00:00Z');
    const b = at('2026-11-20T14:00:00Z');
    expect(dragSpan(a, b, 'hour', 'UTC', window)).toEqual({ start: b, end: at('2026-11-20T17:00:00Z') });
  });
});

describe('zooming keeps the page as it was', () => {
  it('sets a custom range over the span and keeps the page settings, dropping the list cursor', () => {
    const current = 'range=7d&endpoint=chat_assistant&lsplit=served_entity&pct=p99&after_id=x&tz=Europe/Paris';
    const q = new URLSearchParams(zoomQuery(current, readState(new URLSearchParams(current)), { start: at('2026-11-20T14:00:00Z'), end: at('2026-11-20T16:00:00Z') }));
    expect(Object.fromEntries(q)).toEqual({ range: 'custom', from: '2026-11-20T14:00Z', to: '2026-11-20T16:00Z', endpoint: 'chat_assistant', tz: 'Europe/Paris', lsplit: 'served_entity', pct: 'p99' });
  });
});

describe('opening the requests behind something', () => {
  const state = readState(new URLSearchParams('range=7d&endpoint=chat_assistant&uc=project%3Dhelpdesk-bot&split=served_entity'));
  const span = { start: at('2026-11-20T14:00:00Z'), end: at('2026-11-20T15:00:00Z') };

  it('carries the window, the page\'s filters and the clicked series', () => {
    const href = requestsHref(state, { span, entity: 'e1', status: '5xx', sort: 'duration_desc' }, '/ops?range=7d');
    const q = new URL(href, 'http://x').searchParams;
    expect(href.startsWith('/inspector?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ range: 'custom', from: '2026-11-20T14:00Z', to: '2026-11-20T15:00Z', endpoint: 'chat_assistant', entity: 'e1', status: '5xx', uc: 'project=helpdesk-bot', sort: 'duration_desc', back: '/ops?range=7d' });
  });

  it('replaces a usage_context pair on the same key and keeps at most two', () => {
    expect(narrowedState(state, { context: { key: 'project', value: 'x' } }).contexts).toEqual([{ key: 'project', value: 'x' }]);
    const two = narrowedState(state, { context: { key: 'end_user_to_charge', value: 'acme' } });
    expect(two.contexts).toEqual([{ key: 'project', value: 'helpdesk-bot' }, { key: 'end_user_to_charge', value: 'acme' }]);
  });

  it('drops a served entity of another endpoint', () => {
    const withEntity = { ...state, entity: 'e1' };
    expect(narrowedState(withEntity, { endpoint: 'support_agent' }).entity).toBeUndefined();
    expect(narrowedState(withEntity, { endpoint: 'chat_assistant' }).entity).toBe('e1');
  });
});

describe('links between pages', () => {
  const search = new URLSearchParams('range=24h&endpoint=chat&lsplit=served_entity&after_id=x');

  it('carry the shared filters and the target page\'s own remembered settings, never another page\'s', () => {
    expect(pageHref('/finance', search, 'dim=requester&range=90d')).toBe('/finance?range=24h&endpoint=chat&dim=requester');
    expect(pageHref('/finance', new URLSearchParams(''), null)).toBe('/finance');
    expect(ownParams(search.toString())).toBe('lsplit=served_entity');
  });

  it('go back only to a page of this app', () => {
    expect(backHref('/ops?range=7d')).toEqual({ href: '/ops?range=7d', label: '← Ops' });
    expect(backHref('/inspector?q=refund')).toEqual({ href: '/inspector?q=refund', label: '← Requests' });
    expect(backHref('?q=refund')).toEqual({ href: '/inspector?q=refund', label: '← Requests' });
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)']) expect(backHref(evil).href).toBe('/inspector');
  });
});

describe('a series narrows the requests to itself', () => {
  const ids: Record<string, string> = { 'claude-sonnet': 'e2' };
  it('by endpoint, entity id, status class or error category', () => {
    expect(seriesNarrowing('endpoint', 'chat_assistant')).toEqual({ endpoint: 'chat_assistant' });
    expect(seriesNarrowing('served_entity', 'claude-sonnet', (n) => ids[n] ?? null)).toEqual({ entity: 'e2' });
    expect(seriesNarrowing('status', '429')).toEqual({ status: '429' });
    expect(seriesNarrowing('error_category', 'provider_error')).toEqual({ status: '5xx' });
    expect(seriesNarrowing('error_category', 'rate_limited')).toEqual({ status: '429' });
    // A failed agent trace is an answered request: status ok, and the inspector's trace filter.
    expect(seriesNarrowing('error_category', 'trace_error')).toEqual({ status: 'ok', trace: 'yes' });
    const traced = new URL(requestsHref(readState(new URLSearchParams('')), seriesNarrowing('error_category', 'trace_error')!), 'http://x').searchParams;
    expect([traced.get('status'), traced.get('trace')]).toEqual(['ok', 'yes']);
    expect(seriesNarrowing('error_category', 'unknown')).toBeNull();
    expect(seriesNarrowing('keyword', 'refund')).toEqual({ q: 'refund' });
    expect(new URL(requestsHref(readState(new URLSearchParams('')), { q: 'refund' }), 'http://x').searchParams.get('q')).toBe('refund');
  });

  it('not at all when nothing selects it', () => {
    expect(seriesNarrowing('served_entity', 'unknown')).toBeNull();
    expect(seriesNarrowing('endpoint', '(other)')).toBeNull();
    expect(seriesNarrowing('none', 'all')).toBeNull();
  });

  it('a bucket opens its requests with the chart\'s own condition and each series\' filter', () => {
    const state = readState(new URLSearchParams('range=7d&endpoint=chat_assistant'));
    const span = { start: at('2026-11-20T14:00:00Z'), end: at('2026-11-20T15:00:00Z') };
    const menu = bucketLines(state, span, { status: 'ok', sort: 'duration_desc' }, [
      { label: 'claude-sonnet p95', value: '21 s', narrowing: { entity: 'e2' } },
      { label: '(other)', value: '1 s', narrowing: null },
    ], '/ops');
    expect(new URL(menu.all, 'http://x').searchParams.get('sort')).toBe('duration_desc');
    const claude = new URL(menu.lines[0]!.href!, 'http://x').searchParams;
    expect(Object.fromEntries(claude)).toMatchObject({ from: '2026-11-20T14:00Z', to: '2026-11-20T15:00Z', endpoint: 'chat_assistant', entity: 'e2', status: 'ok', back: '/ops' });
    expect(menu.lines[1]!.href).toBeNull();
  });
});

describe('another page narrowed to what was clicked', () => {
  it('carries the narrowed state and that page\'s settings', () => {
    const state = readState(new URLSearchParams('range=30d'));
    const day = { start: at('2026-11-17T00:00:00Z'), end: at('2026-11-18T00:00:00Z') };
    const href = pageWithState('/finance', narrowedState(state, { span: day, context: { key: 'end_user_to_charge', value: 'acme-analytics' } }), { dim: 'context', key: 'project' });
    expect(href).toBe('/finance?range=custom&from=2026-11-17T00%3A00Z&to=2026-11-18T00%3A00Z&uc=end_user_to_charge%3Dacme-analytics&dim=context&key=project');
  });
});

describe('bars of status codes and latency bins', () => {
  it('select their requests by status class or execution-time bounds', () => {
    expect([200, 400, 429, 502].map(statusClassOf)).toEqual(['ok', '4xx', '429', '5xx']);
    const q = new URL(requestsHref(readState(new URLSearchParams('')), { status: 'ok', minMs: 5623.4, maxMs: 10000.2, sort: 'duration_desc' }), 'http://x').searchParams;
    expect(Object.fromEntries(q)).toEqual({ status: 'ok', min_ms: '5623', max_ms: '10001', sort: 'duration_desc' });
  });
});
