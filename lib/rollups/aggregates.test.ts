import { describe, expect, it } from 'vitest';
import { aggregateSpan, hourlyBucketsApply } from './aggregates';
import { chooseFacts } from './facts';

const at = (iso: string) => new Date(iso);

describe('aggregateSpan', () => {
  it('keeps the whole hours inside the window', () => {
    const span = aggregateSpan({ start: at('2026-11-20T10:17:00Z'), end: at('2026-11-21T08:41:00Z') }, null);
    expect(span).toEqual({ start: at('2026-11-20T11:00:00Z'), end: at('2026-11-21T08:00:00Z') });
  });

  it('stops at the hour the rollups cover up to', () => {
    const span = aggregateSpan({ start: at('2026-11-20T10:00:00Z'), end: at('2026-11-21T10:00:00Z') }, at('2026-11-21T06:30:00Z'));
    expect(span).toEqual({ start: at('2026-11-20T10:00:00Z'), end: at('2026-11-21T06:00:00Z') });
  });

  it('is empty for a window inside one hour or past the coverage', () => {
    const w = { start: at('2026-11-20T10:05:00Z'), end: at('2026-11-20T10:55:00Z') };
    expect(aggregateSpan(w, null)).toEqual({ start: w.start, end: w.start });
    const late = { start: at('2026-11-20T10:00:00Z'), end: at('2026-11-20T14:00:00Z') };
    expect(aggregateSpan(late, at('2026-11-20T09:00:00Z'))).toEqual({ start: late.start, end: late.start });
  });
});

describe('hourlyBucketsApply', () => {
  const window = { start_time: '2026-11-01 00:00:00.000', end_time: '2026-11-08 00:00:00.000' };
  it('for hour and day buckets in whole-hour zones', () => {
    expect(hourlyBucketsApply({ ...window, bucket: 'hour', tz: 'UTC' })).toBe(true);
    expect(hourlyBucketsApply({ ...window, bucket: 'day', tz: 'Europe/Paris' })).toBe(true);
    expect(hourlyBucketsApply({ ...window, bucket: 'day', tz: 'America/New_York' })).toBe(true);
  });

  it('not for minute buckets, half-hour zones or unreadable windows', () => {
    expect(hourlyBucketsApply({ ...window, bucket: 'minute', tz: 'UTC' })).toBe(false);
    expect(hourlyBucketsApply({ ...window, bucket: 'hour', tz: 'Asia/Kolkata' })).toBe(false);
    expect(hourlyBucketsApply({ ...window, bucket: 'day', tz: 'America/St_Johns' })).toBe(false);
    expect(hourlyBucketsApply({ bucket: 'hour', tz: 'UTC', start_time: 'soon', end_time: 'later' })).toBe(false);
  });
});

describe('chooseFacts', () => {
  const facts = { table: 'lens.gateway_lens_request_facts', textTable: 'lens.gateway_lens_request_text', coversEnd: at('2026-11-20T12:00:00Z') };
  it('reads the facts for a covered window, raw rows after the coverage, raw alone past it', () => {
    expect(chooseFacts(facts, { start: at('2026-11-19T00:00:00Z'), end: at('2026-11-20T12:00:00Z') }).mode).toBe('facts');
    expect(chooseFacts(facts, { start: at('2026-11-19T00:00:00Z'), end: at('2026-11-20T13:00:00Z') })).toEqual({ mode: 'hybrid', table: facts.table, textTable: facts.textTable, coversEnd: facts.coversEnd });
    expect(chooseFacts(facts, { start: at('2026-11-20T12:00:00Z'), end: at('2026-11-20T13:00:00Z') }).mode).toBe('raw');
    expect(chooseFacts(null, { start: at('2026-11-19T00:00:00Z'), end: at('2026-11-20T00:00:00Z') }).mode).toBe('raw');
    expect(chooseFacts({ ...facts, coversEnd: null }, { start: at('2026-11-19T00:00:00Z'), end: at('2030-01-01T00:00:00Z') }).mode).toBe('facts');
  });
});
