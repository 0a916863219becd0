import { z } from 'zod';
import { BUCKETS, chooseBucket } from '@/lib/time/buckets';
import { isKnownTimeZone } from '@/lib/time/zone';
import type { TimeWindow } from '@/lib/catalogue/filters';

/** An IANA zone (`Europe/Paris`, `UTC`) the runtime knows; bound as a value, never written into SQL. */
export const timeZoneParam = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'expected an IANA time zone such as UTC or Europe/Paris')
  .refine(isKnownTimeZone, 'unknown time zone')
  .default('UTC');

/** The parameters every ops time series accepts on top of the shared filters. */
export const bucketedShape = {
  bucket: z.enum(BUCKETS).optional(),
  tz: timeZoneParam,
};

/** Bucket from the range unless asked for, and the reporting zone its boundaries follow. */
export function bindBucket(input: { bucket?: (typeof BUCKETS)[number]; tz: string }, window: TimeWindow) {
  return { bucket: input.bucket ?? chooseBucket(window.end.getTime() - window.start.getTime()), tz: input.tz };
}
