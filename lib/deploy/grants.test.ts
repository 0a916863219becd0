import { describe, expect, it } from 'vitest';
import { grantFromError, principalSql, readGrants } from './grants';

// Permission errors as Databricks words them (the shapes lib/warehouse/databricks-errors.test.ts uses).
describe('grantFromError', () => {
  it.each([
    ["PERMISSION_DENIED: User does not have USE SCHEMA on Schema 'system.serving'.", 'GRANT USE SCHEMA ON SCHEMA system.serving TO `sp-1`'],
    ["[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have SELECT on Table 'main.ai_gateway.chat_payload'. SQLSTATE: 42501", 'GRANT SELECT ON TABLE main.ai_gateway.chat_payload TO `sp-1`'],
    ["PERMISSION_DENIED: User does not have USE CATALOG on Catalog 'system'.", 'GRANT USE CATALOG ON CATALOG system TO `sp-1`'],
    ["User does not have CREATE TABLE on Schema 'main.gateway_lens'.", 'GRANT CREATE TABLE ON SCHEMA main.gateway_lens TO `sp-1`'],
  ])('%s', (text, grant) => {
    expect(grantFromError(text, 'sp-1')).toBe(grant);
  });

  it('says nothing when the text names no privilege', () => {
    expect(grantFromError('Databricks did not accept the credentials (HTTP 401).', 'sp-1')).toBeNull();
  });
});

describe('readGrants', () => {
  it('gives the catalog, schema and table grants, refusing names that are not identifiers', () => {
    expect(readGrants({ table: 'main.gw.chat_payload' }, 'a@b.com')).toEqual([
      'GRANT USE CATALOG ON CATALOG main TO `a@b.com`', 'GRANT USE SCHEMA ON SCHEMA main.gw TO `a@b.com`', 'GRANT SELECT ON TABLE main.gw.chat_payload TO `a@b.com`',
    ]);
    expect(() => readGrants({ table: 'main.gw.x; DROP TABLE y' }, 'a')).toThrow();
    expect(() => principalSql('a` TO `b')).toThrow();
  });
});
