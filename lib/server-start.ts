import 'server-only';
import { ConfigError, loadConfig, type AppConfig } from '@/lib/config';
import { runDoctor } from '@/lib/doctor';
import { closeWarehouse, getWarehouse } from '@/lib/engine';
import { logger } from '@/lib/logger';

/** A bad configuration stops the server with one clear message; shutdown closes the engine. */
export function onServerStart(): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('server.shutdown', { signal });
    void closeWarehouse().finally(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // The same checks as `npm run doctor`, in the background: they also wake a stopped warehouse.
  setTimeout(() => void startupCheck(config), 0);
}

async function startupCheck(config: AppConfig): Promise<void> {
  try {
    const checks = await runDoctor(config, await getWarehouse());
    for (const c of checks) logger[c.status === 'ok' ? 'info' : c.status === 'warn' ? 'warn' : 'error']('doctor.check', { ...c });
  } catch (err) {
    logger.error('doctor.failed', { err });
  }
}
