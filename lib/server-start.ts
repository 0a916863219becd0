import { ConfigError, loadConfig } from '@/lib/config';
import { closeWarehouse } from '@/lib/warehouse';
import { logger } from '@/lib/logger';

/** A bad configuration stops the server with one clear message; shutdown closes the engine. */
export function onServerStart(): void {
  try {
    loadConfig();
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
}
