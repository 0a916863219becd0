import { describe, expect, it } from 'vitest';
import { readsPayload, renderSql } from './render';

const tables = { payload: [{ endpoint: 'chat', table: 'main.gw.chat_payload' }], endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' };

describe('renderSql', () => {
  it('fills table placeholders from validated config and leaves parameters alone', () => {
    const sql = renderSql('SELECT * FROM {{payload}} p JOIN {{served_entities_latest}} se ON TRUE WHERE {{payload_filters}} AND x = :x', tables, null);
    expect(sql).toContain("SELECT 'chat' AS endpoint_name");
    expect(sql).toContain('FROM main.gw.chat_payload');
    expect(sql).toContain('row_number() OVER (PARTITION BY served_entity_id ORDER BY change_time DESC)');
    expect(sql).toContain('AND x = :x');
    expect(sql).not.toContain('{{');
  });

  it('refuses an unknown placeholder', () => {
    expect(() => renderSql('SELECT * FROM {{secrets}}', tables, null)).toThrow(/Unknown placeholder/);
  });
});

describe('readsPayload', () => {
  it('tells payload queries (run as the viewer) from system-table-only queries (run as the app)', () => {
    expect(readsPayload('SELECT * FROM {{payload}} p JOIN {{served_entities_latest}} s ON TRUE')).toBe(true);
    expect(readsPayload('SELECT * FROM {{served_entities}}')).toBe(false);
    expect(readsPayload('SELECT * FROM {{ endpoint_usage }} u')).toBe(false);
  });
});

describe('time_bucket', () => {
  it('expands to the zoned bucket of the given column, and only accepts alias.column', () => {
    const sql = renderSql('SELECT {{time_bucket(u.request_time)}} AS bucket FROM {{endpoint_usage}} u', tables, null);
    expect(sql).toContain("CASE WHEN :tz = 'UTC' THEN CASE :bucket");
    expect(sql).toContain("date_trunc('hour', from_utc_timestamp(u.request_time, :tz))");
    expect(sql).not.toContain('{{');
    expect(() => renderSql('SELECT {{time_bucket(now())}}', tables, null)).toThrow(/Unknown placeholder/);
    expect(readsPayload('SELECT {{time_bucket(u.request_time)}} FROM {{endpoint_usage}} u')).toBe(false);
  });
});
