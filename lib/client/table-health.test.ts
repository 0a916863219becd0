import { describe, expect, it } from 'vitest';
import { healthNotice } from './table-health';

const chat = { role: 'payload' as const, table: 'lake.inference.chat_payload', endpoint: 'chat', status: 'skipped' as const, problem: 'column status_code is VARCHAR, expected INTEGER', fix: 'write status_code as INT' };
const agent = { role: 'payload' as const, table: 'lake.inference.agent_payload', endpoint: 'agent', status: 'ok' as const };
const usage = { role: 'endpoint_usage' as const, table: 'lake.serving.endpoint_usage', status: 'unavailable' as const, problem: 'not exported into DATA_DIR' };

describe('healthNotice', () => {
  it('says nothing when every payload table is usable, even with a system table unavailable', () => {
    expect(healthNotice({ status: 'ok', tables: [agent] })).toBeNull();
    expect(healthNotice({ status: 'degraded', tables: [agent, usage] })).toBeNull();
  });

  it('names each disabled endpoint, its table, the column and the fix', () => {
    expect(healthNotice({ status: 'degraded', tables: [chat, agent, usage] })).toEqual({
      title: 'The chat endpoint is disabled: its table was skipped.',
      lines: ['chat (lake.inference.chat_payload): column status_code is VARCHAR, expected INTEGER. Fix: write status_code as INT'],
      tone: 'warning',
    });
  });

  it('says why nothing can be shown', () => {
    expect(healthNotice({ status: 'failing', tables: [], problem: 'DATA_DIR does not exist. Run npm run doctor for details.' })).toEqual({
      title: 'DATA_DIR does not exist. Run npm run doctor for details.', lines: [], tone: 'error',
    });
  });

  it('says how far a rollup build is and what it means for the charts, after any disabled endpoint', () => {
    const building = { part: 39, parts: 183, secondsLeft: 4_320, since: '2026-12-01T03:25:37Z' };
    const notice = healthNotice({ status: 'ok', tables: [agent], rollupBuild: building });
    expect(notice?.title).toBe('Building the rollups: part 39 of 183, about 1 h 12 min left.');
    expect(notice?.tone).toBe('info');
    expect(notice?.lines[0]).toMatch(/raw tables/);
    expect(healthNotice({ status: 'ok', tables: [agent], rollupBuild: { ...building, part: 0, secondsLeft: null } })?.title).toBe('Building the rollups: part 0 of 183.');
    expect(healthNotice({ status: 'ok', tables: [agent], rollupBuild: { ...building, secondsLeft: 100 } })?.title).toBe('Building the rollups: part 39 of 183, about 2 min left.');
    expect(healthNotice({ status: 'ok', tables: [agent], rollupBuild: { ...building, secondsLeft: 7_200 } })?.title).toBe('Building the rollups: part 39 of 183, about 2 h left.');
    expect(healthNotice({ status: 'degraded', tables: [chat, agent], rollupBuild: building })?.tone).toBe('warning');
  });
});
