/**
 * Where the server listens. Databricks Apps give the port in DATABRICKS_APP_PORT and reach the
 * app through their proxy, so it binds every interface there; elsewhere it binds localhost unless
 * HOST says otherwise, so an embedded demo is not exposed on the network by accident.
 * @param {Record<string, string | undefined>} env
 */
export function listenAddress(env) {
  const onDatabricksApps = Boolean(env.DATABRICKS_APP_PORT);
  return {
    host: env.HOST || (onDatabricksApps ? '0.0.0.0' : '127.0.0.1'),
    port: env.DATABRICKS_APP_PORT || env.PORT || '3000',
  };
}
