import 'server-only';
import type { AppConfig } from '@/lib/config';
import { logger } from '@/lib/logger';
import type { Warehouse } from '@/lib/warehouse/types';
import { ROLLUP_TABLES, databricksStateSql, rollupVersion } from './build';
import type { FactsTable } from './facts';

/** Rollups a query may read: where they are and how far they reach. */
export interface RollupState {
  facts: FactsTable;
  /** Catalog (embedded) or catalog.schema (Databricks) holding the aggregate tables. */
  catalog: string;
  version: string;
  factRows: number;
  /** Embedded: whether this process built them (false: reused a current file). */
  built?: boolean;
  /** Seconds this process spent building (or reusing) them. */
  seconds?: number;
  /** Embedded: the build took over an interrupted one, which had written these parts in these seconds. */
  resumedFrom?: { partsDone: number; parts: number; secondsBefore: number };
}

const STATE_TTL_MS = 5 * 60_000;
type Holder = { __gatewayRollups?: { state: RollupState | null; at: number; key: string } };
// On globalThis like the engine: the instrumentation bundle builds them, the routes read them.
const holder = globalThis as unknown as Holder;

/** Set by the embedded engine once its rollups are attached. */
export function setRollupState(state: RollupState | null): void {
  holder.__gatewayRollups = { state, at: Number.POSITIVE_INFINITY, key: 'embedded' };
}

export function clearRollupState(): void {
  holder.__gatewayRollups = undefined;
}

/**
 * The rollups in force for this process, or null (queries then read raw tables). Embedded: what
 * the engine attached at start. Databricks: the state row `npm run rollups` wrote in ROLLUP_SCHEMA,
 * re-read every five minutes; a state of another definition version is ignored.
 */
export async function currentRollups(config: AppConfig, warehouse: Warehouse): Promise<RollupState | null> {
  if (config.rollups.mode === 'off') return null;
  if (warehouse.engine === 'duckdb') return holder.__gatewayRollups?.state ?? null;
  const schema = config.rollups.schema;
  if (!schema) return null;
  const cached = holder.__gatewayRollups;
  if (cached && cached.key === schema && performance.now() - cached.at < STATE_TTL_MS) return cached.state;
  let state: RollupState | null = null;
  try {
    const { rows } = await warehouse.run(databricksStateSql(schema), {}, { label: 'rollup-state' });
    const row = rows[0];
    const version = rollupVersion();
    if (!row) logger.warn('rollups.state_empty', { schema });
    else if (String(row.version) !== version) logger.warn('rollups.version_mismatch', { schema, found: row.version, expected: version, hint: 'run npm run rollups' });
    else {
      const coversEnd = new Date(String(row.covers_end).replace(' ', 'T').replace(/(Z)?$/, 'Z'));
      state = {
        facts: { table: `${schema}.${ROLLUP_TABLES.facts}`, textTable: `${schema}.${ROLLUP_TABLES.text}`, coversEnd: Number.isNaN(coversEnd.getTime()) ? new Date(0) : coversEnd },
        catalog: schema,
        version,
        factRows: Number(row.fact_rows ?? 0),
      };
    }
  } catch (err) {
    logger.warn('rollups.state_unreadable', { schema, error: (err as Error).message });
  }
  holder.__gatewayRollups = { state, at: performance.now(), key: schema };
  return state;
}
