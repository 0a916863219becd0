import type { Narrowing } from '@/lib/client/drill';
import type { DashboardState } from '@/lib/client/search-params';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import type { Drill } from './drill-frame';

/** A compare chart's series is a served entity (by id) or a usage_context group: either narrows the requests to it. */
export function compareDrill(state: DashboardState, compare: CompareState, prepared: PreparedShare): Drill {
  const narrow = (label: string): Narrowing | null => {
    const group = prepared.series.find((s) => s.label === label)?.group;
    if (!group || group === '(not set)') return null;
    return compare.groupBy === 'context' ? { context: { key: compare.contextKey, value: group } } : { entity: group };
  };
  return { state, kind: 'none', narrow };
}
