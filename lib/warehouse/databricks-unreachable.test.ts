import { describe, expect, it } from 'vitest';
import { classifyDatabricksError } from './databricks-errors';

/**
 * What @databricks/sql 2.x throws when the workspace cannot be reached: a node-fetch FetchError
 * with the system error code (shapes recorded by connecting the real driver to an unresolvable
 * name, a closed port and an address behind a TLS-inspecting proxy).
 */
function fetchError(code: string, reason: string) {
  return Object.assign(new Error(`request to https://adb-0.example.invalid/sql/1.0/warehouses/abc failed, reason: ${reason}`), { name: 'FetchError', code, type: 'system' });
}

describe('unreachable workspace', () => {
  it.each([
    [fetchError('ENOTFOUND', 'getaddrinfo ENOTFOUND adb-0.example.invalid'), /host could not be resolved; check DATABRICKS_HOST/],
    [fetchError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'), /Could not reach the Databricks workspace \(ECONNREFUSED\): check DATABRICKS_HOST, and that this machine may connect to it on port 443/],
    [fetchError('EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.1:443'), /\(EHOSTUNREACH\)/],
    [fetchError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), /TLS connection to the Databricks workspace failed \(ERR_TLS_CERT_ALTNAME_INVALID\)/],
    [fetchError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), /TLS connection .* \(SELF_SIGNED_CERT_IN_CHAIN\)/],
    [Object.assign(new Error('request to https://x/oidc failed, reason: socket closed before TLS'), { name: 'FetchError' }), /Could not reach the Databricks workspace: check DATABRICKS_HOST and the network/],
    [new Error('Hive driver: connect ENETUNREACH 10.0.0.1:443'), /\(ENETUNREACH\)/],
  ])('says why, never "The query failed on Databricks": %s', (err, message) => {
    const c = classifyDatabricksError(err);
    expect(c.safeMessage).toMatch(message);
    expect(c.safeMessage).not.toMatch(/The query failed/);
    expect(c.safeMessage).not.toContain('adb-0.example.invalid');
    expect(c.retry).toBe(false);
  });
});
