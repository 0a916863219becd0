import type { HealthReport } from '@/lib/health';

export interface HealthNotice {
  /** The headline: what cannot be shown. */
  title: string;
  /** One line per table: the table, what is wrong (the column named) and the fix. */
  lines: string[];
  tone: 'info' | 'warning' | 'error';
}

/**
 * What the page-wide notice says for a health report: nothing while all is well; the disabled
 * endpoints when payload tables were skipped; the reason when nothing can be served. System tables
 * that are unavailable are left to the panels that need them, which say so themselves.
 */
export function healthNotice(report: Pick<HealthReport, 'status' | 'tables' | 'problem' | 'rollupBuild'>): HealthNotice | null {
  const skipped = report.tables.filter((t) => t.role === 'payload' && t.status === 'skipped');
  const line = (t: HealthReport['tables'][number]) => `${t.endpoint ?? t.table} (${t.table}): ${t.problem ?? 'unusable'}${t.fix ? `. Fix: ${t.fix}` : ''}`;
  if (report.status === 'failing') {
    return { title: report.problem ?? 'No data can be shown.', lines: skipped.map(line), tone: 'error' };
  }
  if (skipped.length === 0) return report.rollupBuild ? buildingNotice(report.rollupBuild) : null;
  return {
    title: skipped.length === 1 ? `The ${skipped[0]!.endpoint ?? skipped[0]!.table} endpoint is disabled: its table was skipped.` : `${skipped.length} endpoints are disabled: their tables were skipped.`,
    lines: skipped.map(line),
    tone: 'warning',
  };
}

/** Minutes or hours and minutes, rounded up: "about 3 min", "about 1 h 12 min". */
function aboutTime(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 60 ? `about ${minutes} min` : `about ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** While the embedded rollups build: how far it is, and what that means for the charts. */
function buildingNotice(b: NonNullable<HealthReport['rollupBuild']>): HealthNotice {
  const left = b.secondsLeft === null ? '' : `, ${aboutTime(b.secondsLeft)} left`;
  return {
    title: `Building the rollups: part ${b.part} of ${b.parts}${left}.`,
    lines: ['Until they are ready every chart reads the raw tables: the figures are the same, but wide ranges answer slowly. This notice updates itself and goes away when the build is done.'],
    tone: 'info',
  };
}
