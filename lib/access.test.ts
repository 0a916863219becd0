import { describe, expect, it } from 'vitest';
import { can, parseRoles, viewerOf } from './access';
import { ConfigError, loadConfig } from './config';

describe('roles', () => {
  const { rules, problems } = parseRoles('ops:alice@example.com, *@sre.example.com; finance:*@finance.example.com; pm:*@example.com');

  it('maps forwarded identities to roles, first matching rule first', () => {
    expect(problems).toEqual([]);
    const role = (email: string) => viewerOf(new Headers({ 'x-forwarded-email': email }), rules, 'finance').role;
    expect(role('alice@example.com')).toBe('ops');
    expect(role('ALICE@example.com')).toBe('ops');
    expect(role('bob@sre.example.com')).toBe('ops');
    expect(role('carol@finance.example.com')).toBe('finance');
    expect(role('dan@example.com')).toBe('pm');
    expect(role('eve@elsewhere.org')).toBe('finance');
    expect(viewerOf(new Headers(), rules, 'finance')).toEqual({ identity: 'anonymous', role: 'finance' });
  });

  it('does not let a pattern match more than it says', () => {
    const r = parseRoles('admin:*@example.com').rules;
    expect(viewerOf(new Headers({ 'x-forwarded-email': 'x@example.com.evil.org' }), r, 'finance').role).toBe('finance');
    expect(viewerOf(new Headers({ 'x-forwarded-email': 'x@subexample.com' }), r, 'finance').role).toBe('finance');
  });

  it('gives finance totals only and reveal to admins only', () => {
    expect(can({ identity: 'a', role: 'finance' }, 'conversation_text')).toBe(false);
    expect(can({ identity: 'a', role: 'pm' }, 'conversation_text')).toBe(true);
    expect(can({ identity: 'a', role: 'ops' }, 'reveal_pii')).toBe(false);
    expect(can({ identity: 'a', role: 'admin' }, 'reveal_pii')).toBe(true);
  });

  it('refuses unknown roles and odd patterns at start-up; everyone is admin without ROLES', () => {
    expect(() => loadConfig({ ROLES: 'root:me@example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLES: 'ops:(.*)' })).toThrow(/not an email address or pattern/);
    expect(loadConfig({}).defaultRole).toBe('admin');
    expect(loadConfig({ ROLES: 'ops:a@example.com' }).defaultRole).toBe('finance');
  });
});

describe('authorizeQuery', () => {
  it('refuses text-bearing queries to roles without conversation text, and allows aggregates', async () => {
    const { authorizeQuery } = await import('./api/authorize');
    const config = { roles: parseRoles('finance:*@finance.example.com').rules, defaultRole: 'ops' as const };
    const headers = new Headers({ 'x-forwarded-email': 'cfo@finance.example.com' });
    const textQuery = { exposesText: true } as Parameters<typeof authorizeQuery>[0];
    const aggregate = { exposesText: false } as Parameters<typeof authorizeQuery>[0];
    expect(authorizeQuery(textQuery, headers, config)).toEqual({ ok: false, viewer: { identity: 'cfo@finance.example.com', role: 'finance' }, message: 'Your role (finance) does not include conversation text' });
    expect(authorizeQuery(aggregate, headers, config).ok).toBe(true);
    expect(authorizeQuery(textQuery, new Headers({ 'x-forwarded-email': 'sre@example.com' }), config).ok).toBe(true);
  });
});
