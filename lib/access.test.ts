import { describe, expect, it } from 'vitest';
import { can, identityOf, parseRoles, viewerOf, type Role, type RoleRule } from './access';
import { ConfigError, loadConfig } from './config';

const behindApps = (rules: RoleRule[], defaultRole: Role) => ({ roles: rules, defaultRole, identitySource: 'databricks-apps' as const });

describe('roles', () => {
  const { rules, problems } = parseRoles('ops:alice@example.com, *@sre.example.com; finance:*@finance.example.com; pm:*@example.com');

  it('maps forwarded identities to roles, first matching rule first', () => {
    expect(problems).toEqual([]);
    const role = (email: string) => viewerOf(new Headers({ 'x-forwarded-email': email }), behindApps(rules, 'finance')).role;
    expect(role('alice@example.com')).toBe('ops');
    expect(role('ALICE@example.com')).toBe('ops');
    expect(role('bob@sre.example.com')).toBe('ops');
    expect(role('carol@finance.example.com')).toBe('finance');
    expect(role('dan@example.com')).toBe('pm');
    expect(role('eve@elsewhere.org')).toBe('finance');
    expect(viewerOf(new Headers(), behindApps(rules, 'finance'))).toEqual({ identity: 'anonymous', role: 'finance' });
  });

  it('does not let a pattern match more than it says', () => {
    const r = parseRoles('admin:*@example.com').rules;
    expect(viewerOf(new Headers({ 'x-forwarded-email': 'x@example.com.evil.org' }), behindApps(r, 'finance')).role).toBe('finance');
    expect(viewerOf(new Headers({ 'x-forwarded-email': 'x@subexample.com' }), behindApps(r, 'finance')).role).toBe('finance');
  });

  it('gives finance totals only and reveal to admins only', () => {
    expect(can({ identity: 'a', role: 'finance' }, 'conversation_text')).toBe(false);
    expect(can({ identity: 'a', role: 'pm' }, 'conversation_text')).toBe(true);
    expect(can({ identity: 'a', role: 'ops' }, 'reveal_pii')).toBe(false);
    expect(can({ identity: 'a', role: 'admin' }, 'reveal_pii')).toBe(true);
  });

  it('refuses unknown roles and odd patterns at start-up; everyone is admin without ROLES', () => {
    expect(() => loadConfig({ ROLES: 'root:me@example.com', TRUSTED_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLES: 'ops:(.*)', TRUSTED_PROXY: 'true' })).toThrow(/not an email address or pattern/);
    expect(loadConfig({}).defaultRole).toBe('admin');
    expect(loadConfig({ ROLES: 'ops:a@example.com', TRUSTED_PROXY: 'true' }).defaultRole).toBe('finance');
  });
});

describe('authorizeQuery', () => {
  it('refuses text-bearing queries to roles without conversation text, and allows aggregates', async () => {
    const { authorizeQuery } = await import('./api/authorize');
    const config = behindApps(parseRoles('finance:*@finance.example.com').rules, 'ops');
    const headers = new Headers({ 'x-forwarded-email': 'cfo@finance.example.com' });
    const textQuery = { exposesText: true } as Parameters<typeof authorizeQuery>[0];
    const aggregate = { exposesText: false } as Parameters<typeof authorizeQuery>[0];
    expect(authorizeQuery(textQuery, headers, config)).toEqual({ ok: false, viewer: { identity: 'cfo@finance.example.com', role: 'finance' }, message: 'Your role (finance) does not include conversation text' });
    expect(authorizeQuery(aggregate, headers, config).ok).toBe(true);
    expect(authorizeQuery(textQuery, new Headers({ 'x-forwarded-email': 'sre@example.com' }), config).ok).toBe(true);
  });
});

describe('mayReveal and authorizeText', () => {
  it('needs PII_REVEAL=all and, with roles, a role allowed to reveal', async () => {
    const { mayReveal, authorizeText } = await import('./api/authorize');
    const open = { roles: [], defaultRole: 'admin' as const, identitySource: 'none' as const };
    const anyone = new Headers();
    expect(mayReveal(anyone, { ...open, piiReveal: 'all' }).ok).toBe(true);
    expect(mayReveal(anyone, { ...open, piiReveal: 'off' })).toMatchObject({ ok: false, reason: expect.stringMatching(/PII_REVEAL/) });
    const withRoles = behindApps(parseRoles('admin:lead@example.com;ops:*@example.com;finance:*@fin.example.com').rules, 'finance');
    expect(mayReveal(new Headers({ 'x-forwarded-email': 'lead@example.com' }), { ...withRoles, piiReveal: 'all' }).ok).toBe(true);
    expect(mayReveal(new Headers({ 'x-forwarded-email': 'sre@example.com' }), { ...withRoles, piiReveal: 'all' })).toMatchObject({ ok: false, reason: 'Your role (ops) may not reveal personal data' });
    expect(authorizeText(new Headers({ 'x-forwarded-email': 'cfo@fin.example.com' }), withRoles).ok).toBe(false);
    expect(authorizeText(new Headers({ 'x-forwarded-email': 'sre@example.com' }), withRoles).ok).toBe(true);
  });
});

describe('identity you can trust', () => {
  const rules = parseRoles('admin:lead@example.com;ops:*@example.com').rules;

  it('ignores forwarded identity headers unless a proxy that sets them is in front', () => {
    const forged = new Headers({ 'x-forwarded-email': 'lead@example.com', 'x-forwarded-user': 'lead@example.com' });
    expect(identityOf(forged, 'none')).toBe('anonymous');
    expect(viewerOf(forged, { roles: rules, defaultRole: 'finance', identitySource: 'none' })).toEqual({ identity: 'anonymous', role: 'finance' });
    expect(viewerOf(forged, { roles: rules, defaultRole: 'finance', identitySource: 'trusted-proxy' }).role).toBe('admin');
  });

  it('reads the same identity for the role check and the audit log, whichever header carries it', () => {
    // A reveal made with only X-Forwarded-User was once logged as "anonymous" while its role came from the header.
    const onlyUser = new Headers({ 'x-forwarded-user': 'lead@example.com' });
    expect(identityOf(onlyUser, 'databricks-apps')).toBe('lead@example.com');
    expect(viewerOf(onlyUser, behindApps(rules, 'finance'))).toEqual({ identity: 'lead@example.com', role: 'admin' });
    expect(identityOf(new Headers({ 'x-forwarded-preferred-username': 'sre@example.com', 'x-forwarded-user': 'other' }), 'databricks-apps')).toBe('sre@example.com');
  });

  it('never gives a rule\'s role to the anonymous viewer', () => {
    const r = parseRoles('ops:anonymous').rules;
    expect(viewerOf(new Headers(), behindApps(r, 'finance')).role).toBe('finance');
  });

  it('trusts the headers on Databricks Apps or with TRUSTED_PROXY=true, and refuses ROLES otherwise with the reason', () => {
    expect(loadConfig({}).identitySource).toBe('none');
    expect(loadConfig({ DATABRICKS_APP_PORT: '8000' }).identitySource).toBe('databricks-apps');
    expect(loadConfig({ TRUSTED_PROXY: 'true' }).identitySource).toBe('trusted-proxy');
    expect(loadConfig({ ROLES: 'admin:lead@example.com', DATABRICKS_APP_PORT: '8000' }).roles).toHaveLength(1);
    expect(() => loadConfig({ ROLES: 'admin:lead@example.com' })).toThrow(/ROLES: roles need a trusted identity.*TRUSTED_PROXY=true/);
    expect(() => loadConfig({ DATABRICKS_USER_AUTHORIZATION: 'true', DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't', DATABRICKS_WAREHOUSE_ID: 'w', PAYLOAD_SCHEMA: 'main.gw' })).toThrow(/DATABRICKS_USER_AUTHORIZATION: the viewer's token needs a trusted proxy/);
  });
});
