import { formatMsDiff } from '@/lib/charts/format';
import { DEARER_RATIO } from './pricing';
import { ALPHA, type PreparedComparison, type PreparedEntity } from './prepare-compare';

/** One entity against the baseline, each dimension in a word, and the whole as one sentence. */
export interface Verdict {
  latency: 'faster' | 'slower' | 'no clear difference' | 'not enough data';
  errors: 'fewer errors' | 'more errors' | 'no clear difference' | 'not enough data';
  cost: 'cheaper' | 'dearer' | 'about the same cost' | 'unpriced';
  /** `claude-sonnet is slower (p95 +2.1 s), has fewer errors and costs 2.3× as much as gpt-4o.` */
  sentence: string;
}

/**
 * What the comparison found, in one line per entity pair: only significant differences (after
 * Holm's adjustment) are called faster, slower, more or fewer errors; cost differences of 10%
 * or more are called dearer or cheaper; where the data cannot tell, it says so.
 */
export function verdictOf(c: PreparedComparison, entity: PreparedEntity, baseline: PreparedEntity): Verdict {
  const lat = c.latency;
  const latency: Verdict['latency'] = !lat.ok ? 'not enough data' : lat.pAdjusted < ALPHA && lat.test.superiority !== 0.5 ? (lat.test.superiority > 0.5 ? 'slower' : 'faster') : 'no clear difference';
  const err = c.errors;
  const errors: Verdict['errors'] = !err.test.ok ? 'not enough data' : err.pAdjusted !== null && err.pAdjusted < ALPHA && err.diff ? (err.diff.diff > 0 ? 'more errors' : 'fewer errors') : 'no clear difference';
  const ratio = entity.costPerRequest !== null && baseline.costPerRequest !== null && baseline.costPerRequest > 0 ? entity.costPerRequest / baseline.costPerRequest : null;
  const cost: Verdict['cost'] = ratio === null ? 'unpriced' : ratio >= DEARER_RATIO ? 'dearer' : ratio <= 1 / DEARER_RATIO ? 'cheaper' : 'about the same cost';

  const found = [
    ...(latency === 'faster' || latency === 'slower' ? [`${latency}${lat.ok && lat.p95 ? ` (p95 ${formatMsDiff(lat.p95.diff)})` : ''}`] : []),
    ...(errors === 'fewer errors' || errors === 'more errors' ? [errors] : []),
    ...(cost === 'dearer' ? [`dearer (${ratio!.toFixed(1)}× the cost per request)`] : cost === 'cheaper' ? [`cheaper (${Math.round((1 - ratio!) * 100)}% less per request)`] : []),
  ];
  const same = [latency === 'no clear difference' && 'latency', errors === 'no clear difference' && 'errors', cost === 'about the same cost' && 'cost'].filter((x): x is string => Boolean(x));
  const unsure = [latency === 'not enough data' && 'latency', errors === 'not enough data' && 'errors', cost === 'unpriced' && 'cost (unpriced)'].filter((x): x is string => Boolean(x));
  const head = `${entity.label} vs ${baseline.label}: `;
  const sentence = found.length === 0 && same.length === 0
    ? `${head}not enough data to tell.`
    : `${head}${[
      ...(found.length ? [found.join(', ')] : []),
      ...(same.length ? [`no clear difference in ${joinAnd(same)}`] : []),
      ...(unsure.length ? [`not enough data on ${joinAnd(unsure)}`] : []),
    ].join('; ')}.`;
  return { latency, errors, cost, sentence };
}

function joinAnd(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}
