import 'server-only';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { AppConfig } from '@/lib/config';
import { payloadRelation, resolveTables } from '@/lib/catalogue/tables';
import { logger } from '@/lib/logger';
import type { Warehouse } from '@/lib/warehouse/types';
import { ensureEmbeddedRollups } from './embedded';
import { setRollupState, type RollupState } from './state';

/**
 * Builds (or reuses) the embedded engine's rollups over every payload table and records them for
 * the query runner. A failed build is logged and the dashboard carries on over the raw tables.
 */
export async function prepareEmbeddedRollups(instance: DuckDBInstance, warehouse: Warehouse, config: AppConfig, opts: { force?: boolean } = {}): Promise<RollupState | null> {
  try {
    const tables = await resolveTables(config, warehouse);
    const state = await ensureEmbeddedRollups(instance, config, { payload: payloadRelation(tables.payload, null), endpointUsage: tables.endpointUsage, servedEntities: tables.servedEntities }, opts);
    setRollupState(state);
    return state;
  } catch (err) {
    logger.error('rollups.failed', { error: (err as Error).message, hint: 'queries read the raw tables; see npm run rollups' });
    setRollupState(null);
    return null;
  }
}
