import 'server-only';
import fs from 'node:fs';
import type { AppConfig } from '@/lib/config';
import { recordAttachProblems } from '@/lib/warehouse/table-health';
import { logger } from '@/lib/logger';
import { BACKGROUND_BUILD_BYTES, EMBEDDED_ROLLUP_CATALOG, embeddedRollupsAreCurrent, sourceBytes, sourceFingerprint } from '@/lib/rollups/embedded';
import { prepareEmbeddedRollups } from '@/lib/rollups/prepare';
import { setRollupState } from '@/lib/rollups/state';
import { attachDataDir, createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import { attachLiveDemo } from '@/lib/demo/live';
import { announceSourceChange } from '@/lib/warehouse/source-events';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

export interface EmbeddedWarehouse extends Warehouse {
  /** Fingerprints the source now (at most once a second) and acts on a change; `run` does it too. */
  check(): Promise<void>;
  /** Where the served data stands: current, or bypassing rollups while they are rebuilt. */
  snapshot(): { rollups: 'current' | 'rebuilding' | 'off' | 'failed'; changes: number };
}

/**
 * The embedded engine over one consistent snapshot of its source. Before a statement runs (at
 * most once a second) the source files and the rollup file are fingerprinted by path, size and
 * modification time. When the source changed, the DATA_DIR views are re-made over the new files
 * and table discovery starts afresh; when either changed, the rollups are bypassed at once and
 * rebuilt in the background. A statement over the rollups while they are bypassed fails as
 * not found, which the query runner answers from the raw tables: old rollups are never mixed
 * with new raw data, and a corrupted rollup file never fails a panel.
 */
export async function openEmbeddedWarehouse(
  config: AppConfig,
  opts: { now?: () => number; minCheckIntervalMs?: number; onChange?: () => void; backgroundBuildBytes?: number } = {},
): Promise<EmbeddedWarehouse> {
  const now = opts.now ?? (() => performance.now());
  const interval = opts.minCheckIntervalMs ?? 1_000;
  // A demo that lives reads its appended requests beside the generated ones (lib/demo/live.ts).
  const livePath = config.duckdb.livePath;
  const instance = openDuckdb(config.duckdb, livePath ? { attachDemo: (conn) => attachLiveDemo(conn, config.duckdb.demoPath, livePath) } : {});
  await instance;
  const inner = createDuckdbWarehouse(instance, { statementTimeoutMs: config.statementTimeoutSeconds * 1000 });
  const withRollups = config.rollups.mode === 'auto';

  let rollups: 'current' | 'rebuilding' | 'off' | 'failed' = withRollups ? 'current' : 'off';
  const build = async () => {
    const state = await prepareEmbeddedRollups(await instance, inner, config);
    rollups = state ? 'current' : 'failed';
  };

  const rollupStamp = () => {
    try {
      const st = fs.statSync(config.duckdb.rollupPath);
      return `${st.size}:${Math.round(st.mtimeMs)}`;
    } catch {
      return 'none';
    }
  };
  let source = sourceFingerprint(config.duckdb);
  let rollupFile = rollupStamp();
  let checkedAt = now();
  let changes = 0;
  let refreshing: Promise<void> | null = null;

  const refreshViews = async () => {
    if (!config.duckdb.dataDir) return;
    const conn = await (await instance).connect();
    try {
      recordAttachProblems((await attachDataDir(conn, config.duckdb.dataDir)).filter((t) => t.status !== 'ok'));
    } finally {
      conn.closeSync();
    }
  };

  // One rebuild at a time; a change seen during one asks for another when it ends.
  let rebuilding: Promise<void> | null = null;
  let again = false;
  const rebuildRollups = (): void => {
    if (rebuilding) {
      again = true;
      return;
    }
    rebuilding = (async () => {
      do {
        again = false;
        const conn = await (await instance).connect();
        try {
          await conn.run(`DETACH DATABASE IF EXISTS ${EMBEDDED_ROLLUP_CATALOG}`);
        } finally {
          conn.closeSync();
        }
        await build();
        rollupFile = rollupStamp();
      } while (again);
    })().catch((err) => {
      rollups = 'failed';
      logger.error('snapshot.rollups_failed', { error: (err as Error).message });
    }).finally(() => { rebuilding = null; });
  };

  /** Compares fingerprints; on a change bypasses the rollups and re-makes what depends on the files. */
  const check = async () => {
    if (refreshing) return refreshing;
    if (now() - checkedAt < interval) return;
    checkedAt = now();
    let nextSource: string;
    try {
      nextSource = sourceFingerprint(config.duckdb);
    } catch (err) {
      nextSource = `unreadable:${(err as Error).message}`;
    }
    const sourceChanged = nextSource !== source;
    // While rebuilding, the rollup file is ours to change.
    const rollupChanged = withRollups && !rebuilding && rollupStamp() !== rollupFile;
    if (!sourceChanged && !rollupChanged) return;
    changes++;
    source = nextSource;
    opts.onChange?.();
    logger.warn('snapshot.changed', { source: sourceChanged, rollupFile: rollupChanged, hint: 'rollups bypassed until rebuilt' });
    if (withRollups) {
      setRollupState(null);
      rollups = 'rebuilding';
    }
    refreshing = (async () => {
      if (sourceChanged) {
        await refreshViews().catch((err) => logger.error('snapshot.views_failed', { error: (err as Error).message }));
        announceSourceChange();
      }
    })().finally(() => { refreshing = null; });
    await refreshing;
    if (withRollups) rebuildRollups();
  };

  if (withRollups) {
    const bytes = sourceBytes(config.duckdb);
    if (bytes >= (opts.backgroundBuildBytes ?? BACKGROUND_BUILD_BYTES) && !(await embeddedRollupsAreCurrent(await instance, config))) {
      // A big source is served at once from its raw tables (slow on wide ranges, never wrong);
      // the rollups are attached when built, and the health report shows the build's progress.
      logger.info('snapshot.rollups_background', { sourceBytes: bytes, hint: 'charts read the raw tables until the rollups are built' });
      rollups = 'rebuilding';
      rebuildRollups();
    } else {
      await build();
    }
    rollupFile = rollupStamp();
  }

  const rollupRef = new RegExp(`\\b${EMBEDDED_ROLLUP_CATALOG}\\.`);
  return {
    engine: 'duckdb',
    async run(sql, params, options) {
      await check();
      if (rollups !== 'current' && rollupRef.test(sql)) {
        throw new WarehouseError('The rollups are being rebuilt; reading the raw tables.', 'not_found', { rollups });
      }
      return inner.run(sql, params, options);
    },
    close: () => inner.close(),
    check,
    snapshot: () => ({ rollups, changes }),
  };
}
