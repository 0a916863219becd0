export const BUCKETS = ['minute', 'hour', 'day'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_MS: Record<Bucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Most points a time chart asks for; beyond this a coarser bucket is required. */
export const MAX_POINTS = 3_000;

/** Minute buckets up to 6 hours, hours up to 14 days, days beyond. */
export function chooseBucket(rangeMs: number): Bucket {
  if (rangeMs <= 6 * BUCKET_MS.hour) return 'minute';
  if (rangeMs <= 14 * BUCKET_MS.day) return 'hour';
  return 'day';
}

export function bucketStart(t: number, bucket: Bucket): number {
  return Math.floor(t / BUCKET_MS[bucket]) * BUCKET_MS[bucket];
}

/** Every bucket start from the window's start to its end, in UTC. */
export function bucketRange(startMs: number, endMs: number, bucket: Bucket): number[] {
  const out: number[] = [];
  for (let t = bucketStart(startMs, bucket); t < endMs; t += BUCKET_MS[bucket]) out.push(t);
  return out;
}

/** Minutes of a bucket that fall inside the window: the first and last buckets are often partial. */
export function minutesInWindow(bucketStartMs: number, bucket: Bucket, startMs: number, endMs: number): number {
  const from = Math.max(bucketStartMs, startMs);
  const to = Math.min(bucketStartMs + BUCKET_MS[bucket], endMs);
  return Math.max(0, (to - from) / 60_000);
}

/** The start of the minute holding `d` (the demo ends on a whole minute). */
export function floorToMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}
