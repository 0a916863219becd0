import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, redactSecrets } from './logger';

describe('redactSecrets', () => {
  it('masks bearer tokens, PATs, JWTs and the configured secrets', () => {
    const env = { DATABRICKS_TOKEN: 'my-configured-token-value', DATABRICKS_CLIENT_SECRET: 'doseabcdef123456' };
    const text = 'Authorization: Bearer abc.def-ghi | dapi0123456789abcdef0123456789abcdef-2 | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl | my-configured-token-value | doseabcdef123456';
    const out = redactSecrets(text, env);
    expect(out).not.toMatch(/abc\.def|dapi0123|eyJhbGci|my-configured-token-value|doseabcdef123456/);
    expect(out).toContain('Bearer ***');
  });
});

describe('logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON object per line and never the token inside an error', () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    logger.error('query.failed', { requestId: 'r1', err: new Error('401 for Bearer sekret-token-123 at dapi0123456789abcdef0123456789abcdef') });
    const line = String(spy.mock.calls[0]![0]);
    expect(JSON.parse(line)).toMatchObject({ level: 'error', event: 'query.failed', requestId: 'r1' });
    expect(line).not.toMatch(/sekret-token-123|dapi0123456789abcdef/);
  });
});
