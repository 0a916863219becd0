import { describe, expect, it } from 'vitest';
import { apiFilters, apiTimeFilters, describeFilters, isLive, noDataText, rangeLabel, readState, readUrlState, reportingZone, withSharedState, writeState } from './search-params';

const read = (qs: string) => readState(new URLSearchParams(qs));
const problems = (qs: string) => readUrlState(new URLSearchParams(qs)).problems;

describe('dashboard URL state: reporting zone and auto-refresh', () => {
  it('keeps existing URLs working: UTC and auto-refresh by default', () => {
    const s = read('range=24h&endpoint=chat');
    expect(reportingZone(s)).toBe('UTC');
    expect(isLive(s)).toBe(true);
    expect(writeState(s)).toBe('range=24h&endpoint=chat');
  });

  it('reads and writes a zone and refresh=off, and sends the zone to the API', () => {
    const s = read('tz=Asia/Kolkata&refresh=off');
    expect(s.tz).toBe('Asia/Kolkata');
    expect(isLive(s)).toBe(false);
    expect(writeState(s)).toBe('tz=Asia%2FKolkata&refresh=off');
    expect(apiTimeFilters(s)).toMatchObject({ range: '7d', tz: 'Asia/Kolkata' });
    // A relative range means the same in every zone: other queries do not take it.
    expect(apiFilters(s).tz).toBeUndefined();
  });

  it('ignores unknown or malformed zones and never auto-refreshes a custom range', () => {
    expect(read('tz=Mars/Olympus').tz).toBeUndefined();
    expect(read("tz=UTC'--").tz).toBeUndefined();
    expect(isLive(read('range=custom&from=2026-11-01T00:00&to=2026-11-02T00:00'))).toBe(false);
  });
});

describe('the shared filters', () => {
  it('reads requester, status and usage_context pairs and sends them to every query', () => {
    const s = read('requester=svc-1&status=429&uc=end_user_to_charge%3Dacme-analytics&uc=project');
    expect(s.contexts).toEqual([{ key: 'end_user_to_charge', value: 'acme-analytics' }, { key: 'project', value: null }]);
    expect(apiFilters(s)).toMatchObject({ requester: 'svc-1', status: '429', usage_context: 'end_user_to_charge=acme-analytics', usage_context_2: 'project' });
    expect(writeState(s)).toBe('requester=svc-1&status=429&uc=end_user_to_charge%3Dacme-analytics&uc=project');
    expect(describeFilters(s)).toEqual(['requester svc-1', 'status 429', 'usage_context end_user_to_charge=acme-analytics', 'usage_context project']);
  });

  it('reads the inspector\'s older uc_key and uc_value as one pair', () => {
    expect(read('uc_key=project&uc_value=alpha').contexts).toEqual([{ key: 'project', value: 'alpha' }]);
  });

  it('sends a calendar range with the zone its days start in', () => {
    const s = read('range=yesterday&tz=Asia/Tokyo');
    expect(apiFilters(s)).toMatchObject({ range: 'yesterday', tz: 'Asia/Tokyo' });
    expect(isLive(s)).toBe(true);
    expect(rangeLabel(s)).toBe('Yesterday');
  });

  it('keeps a page\'s own settings when the shared state changes, and drops what it is told to', () => {
    const current = 'range=7d&lsplit=served_entity&eby=usage_context&topics=refund&after_id=x&endpoint=chat';
    const next = withSharedState(current, { ...read(current), range: '24h', endpoint: undefined }, ['after_id']);
    expect(new URLSearchParams(next).toString()).toBe('range=24h&lsplit=served_entity&eby=usage_context&topics=refund');
  });

  it('labels a custom range in the reporting zone', () => {
    expect(rangeLabel(read('range=custom&from=2026-11-20T14:00Z&to=2026-11-20T16:00Z&tz=Asia/Kolkata'))).toBe('11-20 19:30 → 11-20 21:30');
  });
});

describe('parameters that cannot be used are named, once each, with what is shown instead', () => {
  it('a range that is not one', () => {
    const r = readUrlState(new URLSearchParams('range=banana'));
    expect(r.state.range).toBe('7d');
    expect(r.problems).toEqual([{ param: 'range', value: 'banana', message: expect.stringContaining('showing Last 7 days') }]);
  });

  it('custom bounds that are missing, malformed or reversed', () => {
    expect(problems('range=custom&from=2026-11-20T14:00Z').map((p) => p.param)).toEqual(['to']);
    expect(problems('range=custom&from=yesterday&to=2026-11-20T14:00Z')[0]).toMatchObject({ param: 'from', value: 'yesterday' });
    expect(problems('range=custom&from=2026-11-21T00:00Z&to=2026-11-20T00:00Z')[0]!.message).toContain('not before to');
    expect(read('range=custom&from=2026-11-21T00:00Z&to=2026-11-20T00:00Z').range).toBe('7d');
  });

  it('one problem per bad parameter, and none for a good link', () => {
    expect(problems('range=banana&status=teapot&tz=Mars/Olympus&split=diagonal&uc=a%20b%3Dc&endpoint=no%20pe').map((p) => p.param)).toEqual(['range', 'endpoint', 'status', 'split', 'tz', 'uc']);
    expect(problems('range=24h&endpoint=chat&status=5xx&tz=Europe/Paris&uc=project%3Dx&split=none')).toEqual([]);
  });
});

describe('empty states', () => {
  it('name the filters instead of advising a longer range when a filter narrows the page', () => {
    expect(noDataText(read('endpoint=nope'))).toBe('No requests were logged in Last 7 days with endpoint nope. Clear a filter to see more.');
    expect(noDataText(read('range=1h'))).toBe('No requests were logged in Last hour. Try a longer range.');
    expect(noDataText(read('range=90d'), 'No failed requests')).toBe('No failed requests in Last 90 days.');
  });
});
