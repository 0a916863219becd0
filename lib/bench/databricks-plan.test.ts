import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import type { RollupState } from '@/lib/rollups/state';
import { planCall, planRollups, planTables, refreshSummary } from './databricks-plan';
import { readsRawWindow, statementReads } from './plan-reads';

const now = new Date('2026-11-20T10:30:00Z');
const config = loadConfig({ WAREHOUSE_ENGINE: 'duckdb' });
const tables = planTables(['chat_assistant', 'support_agent']);
const plan = (url: string, rollups: RollupState | null = planRollups(now)) => planCall(url, { now, config, tables, rollups });

describe('statementReads', () => {
  it('follows relations down to their tables, raw tables behind hybrid requests only after coverage', () => {
    const reads = { '': ['requests', 'table:rollup_table:hourly'], requests: ['table:facts_table', 'payload'], payload: [] };
    expect(statementReads(reads, 'hybrid')).toMatchObject({ rollups: ['hourly'], facts: true, payload: 'after coverage', endpointUsage: null });
    expect(readsRawWindow(statementReads(reads, 'hybrid'))).toBe(false);
    expect(statementReads(reads, 'raw')).toMatchObject({ payload: 'window' });
    expect(readsRawWindow(statementReads(reads, 'raw'))).toBe(true);
  });

  it('keeps the widest span when a table is reached two ways', () => {
    const reads = { '': ['requests', 'usage'], requests: ['table:endpoint_usage'], usage: ['table:endpoint_usage'] };
    expect(statementReads(reads, 'hybrid').endpointUsage).toBe('window');
  });
});

describe('planCall', () => {
  it('plans a chart with rollups refreshed on schedule onto the rollups, no raw scan over the window', () => {
    const c = plan('/api/queries/requests-over-time?range=30d&split=endpoint');
    expect(c).toMatchObject({ route: 'requests-over-time', statements: 1, rawWindow: false });
    expect(c.reads!.rollups.length).toBeGreaterThan(0);
    expect(c.description).toContain('rollups');
  });

  it('plans the same chart without rollups onto the payload tables over the whole window', () => {
    const c = plan('/api/queries/requests-over-time?range=30d&split=endpoint', null);
    expect(c.rawWindow).toBe(true);
    expect(c.reads!.rollups).toEqual([]);
  });

  it('names routes outside the catalogue with their statement count, and refuses unknown queries', () => {
    expect(plan('/api/inspector/requests/abc/payload?endpoint=chat_assistant')).toMatchObject({ route: 'inspector request bodies', statements: 1 });
    expect(plan('/api/inspector/requests/abc?endpoint=chat_assistant')).toMatchObject({ route: 'inspector request detail', statements: 1 });
    expect(plan('/api/health')).toMatchObject({ statements: 0 });
    expect(() => plan('/api/queries/no-such-query')).toThrow('not a catalogue query');
  });
});

describe('refreshSummary', () => {
  it('reads only the days each incremental statement rewrites', () => {
    const s = refreshSummary(tables, 2);
    expect(s.length).toBeGreaterThan(1);
    expect(s.some((x) => x.reads.startsWith('payload rows of the last 2 day(s)'))).toBe(true);
    expect(s.filter((x) => x.reads.startsWith('request facts of the last 2 day(s)')).length).toBeGreaterThan(0);
  });
});
