import 'server-only';
import fs from 'node:fs';
import type { AppConfig } from '@/lib/config';
import { logger } from '@/lib/logger';

/** Generates the demo warehouse when the embedded engine is to read it and it does not exist yet. */
export async function ensureDemo(config: AppConfig['duckdb']): Promise<void> {
  if (config.dataDir || fs.existsSync(config.demoPath)) return;
  logger.info('demo.generate', { path: config.demoPath, reason: 'missing' });
  const { generateDemo } = await import('./generate');
  await generateDemo({ path: config.demoPath, onProgress: (msg) => logger.info('demo.progress', { msg }) });
}
