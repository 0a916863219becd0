import { formatChange, formatCount, formatMs, formatPercent, formatPp, formatRate } from '@/lib/charts/format';
import type { QueryRow } from '@/queries';

export type KpiRow = QueryRow<'ops-kpis'>;

/** One tile; other views (tokens, cost) can pass tiles of the same shape into the KPI row. */
export interface KpiTile {
  id: string;
  label: string;
  value: string;
  /** A second line, e.g. the sampled row count beside an estimate. */
  note?: string;
  /** `+12%` against the previous period, or null. */
  change: string | null;
  /** Whether the change is good, bad or neither, for its colour. */
  tone: 'good' | 'bad' | 'neutral';
  help?: string;
}

type Better = 'up' | 'down' | 'none';

function tile(id: string, label: string, value: string, cur: number | null, prev: number | null, better: Better, extra: Partial<KpiTile> = {}): KpiTile {
  const change = cur !== null && prev !== null && prev !== 0 ? (cur - prev) / prev : null;
  const tone = change === null || Math.abs(change) < 0.005 || better === 'none' ? 'neutral' : (change > 0) === (better === 'up') ? 'good' : 'bad';
  return { id, label, value, change: formatChange(change), tone, ...extra };
}

/**
 * The KPI rows of the window and of the period before it → tiles. Averages divide by the
 * window's minutes; the error-rate change is in percentage points, where a relative change of a
 * tiny rate would shout.
 */
/**
 * How the request count was made: exact where endpoint_usage counted every request, estimated
 * from sampled payload rows where it did not, with what the payload tables alone would say when
 * that differs (sampling, requests never logged).
 */
export function requestsNote(r: KpiRow): string | undefined {
  const differs = (a: number, b: number) => Math.abs(a - b) > 0.5;
  const payload = differs(r.payload_requests, r.requests) ? `payload tables estimate ${formatCount(r.payload_requests)}` : null;
  if (r.exact_requests > 0 && !differs(r.exact_requests, r.requests)) return ['exact (endpoint_usage)', payload].filter(Boolean).join(' · ');
  if (r.exact_requests > 0) return [`${formatCount(r.exact_requests)} exact, ${formatCount(r.requests - r.exact_requests)} estimated`, payload].filter(Boolean).join(' · ');
  return differs(r.requests, r.sampled_rows) ? `from ${formatCount(r.sampled_rows)} sampled rows` : undefined;
}

const LATENCY_HELP = 'Of successful logged requests, read from ~2% latency bins: exact where a bin holds one or two values, otherwise within about 2%.';

export function prepareKpis(rows: KpiRow[], window: { start: string; end: string }): KpiTile[] {
  const cur = rows.find((r) => r.period === 'current');
  const prev = rows.find((r) => r.period === 'previous');
  const minutes = Math.max(1, (Date.parse(window.end) - Date.parse(window.start)) / 60_000);
  const requests = cur?.requests ?? 0;
  const rate = (r?: KpiRow) => (r && r.requests > 0 ? r.errors / r.requests : null);
  const errCur = rate(cur);
  const errPrev = rate(prev);
  const pp = errCur !== null && errPrev !== null ? errCur - errPrev : null;
  return [
    tile('requests', 'Requests', formatCount(requests), requests, prev?.requests ?? null, 'none', {
      note: cur ? requestsNote(cur) : undefined,
      help: 'endpoint_usage counts each request it has exactly (logged or not); a request it lacks counts 1 / sampling_fraction per logged row.',
    }),
    tile('avg-qpm', 'Avg requests/min', formatRate(requests / minutes), requests / minutes, prev ? prev.requests / minutes : null, 'none'),
    tile('peak-qpm', 'Peak minute', `${formatRate(cur?.peak_minute_requests ?? null)}/min`, cur?.peak_minute_requests ?? null, prev?.peak_minute_requests ?? null, 'none', { help: 'The busiest single minute: what rate limits see.' }),
    {
      id: 'error-rate',
      label: 'Error rate',
      value: formatPercent(errCur),
      change: pp === null ? null : formatPp(pp),
      tone: pp === null || Math.abs(pp) < 0.0005 ? 'neutral' : pp > 0 ? 'bad' : 'good',
      note: cur ? `${formatCount(cur.errors)} failed (HTTP ≥ 400)` : undefined,
    },
    tile('p50', 'p50 latency', formatMs(cur?.p50_ms), cur?.p50_ms ?? null, prev?.p50_ms ?? null, 'down', { help: LATENCY_HELP }),
    tile('p95', 'p95 latency', formatMs(cur?.p95_ms), cur?.p95_ms ?? null, prev?.p95_ms ?? null, 'down', { help: LATENCY_HELP }),
    tile('p99', 'p99 latency', formatMs(cur?.p99_ms), cur?.p99_ms ?? null, prev?.p99_ms ?? null, 'down', { help: LATENCY_HELP }),
  ];
}
