import 'server-only';
/** The viewer's own token, forwarded by Databricks Apps when user authorization is on. */
export function viewerToken(request: Request): string | undefined {
  const token = request.headers.get('x-forwarded-access-token');
  return token && token.length < 16_384 ? token : undefined;
}
