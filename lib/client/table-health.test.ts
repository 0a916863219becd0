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
});
