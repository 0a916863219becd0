import { parseOptions, whole } from '@/lib/cli-args';

export const ROLLUPS_USAGE = `usage: npm run rollups -- [--force] [--since-days N] [--print] [--help]
  (no option)     build the request facts and hourly rollups (embedded: reuse them when current)
  --force         embedded: rebuild even when the rollup file is current
  --since-days N  Databricks: refresh only rows from N days before today (UTC) on, when the built
                  tables are of this version; otherwise build them whole. N from 1 (yesterday, so
                  rows delivered late around midnight are caught) to 3650
  --print         Databricks: print the SQL of the scheduled job instead of running it (relative
                  dates, UTC, PAYLOAD_SCHEMA's tables found when it runs; databricks.yml runs it)
  --help          show this text`;

export class RollupsUsageError extends Error {}

export interface RollupsArgs {
  force: boolean;
  /** Incremental refresh window in days; null: full build. */
  sinceDays: number | null;
  print: boolean;
  help: boolean;
}

export function parseRollupsArgs(argv: string[]): RollupsArgs {
  const values = parseOptions(argv, {
    force: { type: 'boolean', default: false },
    'since-days': { type: 'string' },
    print: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  }, RollupsUsageError);
  const sinceDays = values['since-days'] === undefined ? null : whole('since-days', values['since-days'], 0, 1, 3650, RollupsUsageError);
  if (values.force && sinceDays !== null) throw new RollupsUsageError('--force rebuilds everything; it cannot be combined with --since-days');
  return { force: values.force, sinceDays, print: values.print, help: values.help };
}

/** The first day an incremental refresh rewrites: `days` before `now`'s UTC date, as YYYY-MM-DD. */
export function refreshSinceDate(now: Date, days: number): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - days * 86_400_000).toISOString().slice(0, 10);
}
