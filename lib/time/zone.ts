import { BUCKET_MS, type Bucket } from '@/lib/time/buckets';

export const UTC = 'UTC';

/** Whether the runtime knows an IANA zone (`Europe/Paris`); the URL and the API accept no other. */
export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}


const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(t: number, tz: string) {
  const p = Object.fromEntries(partsFormatter(tz).formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (DST included). */
export function zoneOffsetMs(t: number, tz: string): number {
  if (tz === UTC) return 0;
  const p = zonedParts(t, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (Math.floor(t / 1000) * 1000);
}

/** The start of the bucket holding `t`, with boundaries at the zone's minutes, hours or midnights. */
export function zonedBucketStart(t: number, bucket: Bucket, tz: string): number {
  const size = BUCKET_MS[bucket];
  if (tz === UTC || bucket === 'minute') return Math.floor(t / size) * size;
  const local = t + zoneOffsetMs(t, tz);
  const flooredLocal = Math.floor(local / size) * size;
  // The offset at the boundary can differ from the offset at t (a DST change inside the bucket).
  const guess = flooredLocal - zoneOffsetMs(t, tz);
  return flooredLocal - zoneOffsetMs(guess, tz);
}

/** Every bucket start from the window's start to its end, following the zone (23- and 25-hour days included). */
export function zonedBucketRange(startMs: number, endMs: number, bucket: Bucket, tz: string): number[] {
  const out: number[] = [];
  // Jumping past the next boundary and flooring copes with days of 23 or 25 hours.
  const step = bucket === 'day' ? 26 * BUCKET_MS.hour : BUCKET_MS[bucket];
  let t = zonedBucketStart(startMs, bucket, tz);
  while (t < endMs && out.length < 100_000) {
    out.push(t);
    const next = zonedBucketStart(t + step, bucket, tz);
    t = next > t ? next : t + BUCKET_MS[bucket];
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Axis labels in the reporting zone: `14:00`, `11-22 14:00` or `11-22`. */
export function formatZonedTick(t: number, bucket: Bucket, tz: string): string {
  const p = zonedParts(t, tz);
  const day = `${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (bucket === 'day') return day;
  if (bucket === 'hour') return time === '00:00' ? day : `${day} ${time}`;
  return time;
}

/** `2026-11-22 14:05 UTC` or `2026-11-22 15:05 Europe/Paris`. */
export function formatZonedTimestamp(t: number, tz: string, withSeconds = false): string {
  const p = zonedParts(t, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(p.second)}` : ''} ${tz}`;
}

/** `UTC` or `Europe/Paris (UTC+01:00)` at the given instant. */
export function zoneLabel(tz: string, at: number): string {
  if (tz === UTC) return UTC;
  const off = zoneOffsetMs(at, tz) / 60_000;
  const sign = off < 0 ? '−' : '+';
  const abs = Math.abs(off);
  return `${tz} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/** `11-22 14:05` in the zone, for dense tables whose header names the zone. */
export function formatZonedShort(t: number, tz: string): string {
  const p = zonedParts(t, tz);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant at which the zone's wall clock reads the given fields (a datetime-local input, the
 * first of a month). A wall time skipped by a DST change resolves to the instant just after it.
 */
export function zonedWallToUtc(wall: { year: number; month: number; day: number; hour?: number; minute?: number }, tz: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0);
  if (tz === UTC) return asUtc;
  // Two passes: the offset at the first guess can differ from the offset at the answer across a DST change.
  const first = asUtc - zoneOffsetMs(asUtc, tz);
  const second = asUtc - zoneOffsetMs(first, tz);
  const p = zonedParts(second, tz);
  // In a skipped hour neither instant reads the wall time; the first lies after the gap.
  return p.hour === (wall.hour ?? 0) && p.minute === (wall.minute ?? 0) ? second : Math.max(first, second);
}

/** `2026-11-22T14:05` as the zone's wall clock reads an instant: the value of a datetime-local input. */
export function formatZonedInput(t: number, tz: string): string {
  const p = zonedParts(t, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A datetime-local value read in the zone, as an instant; null when it is not one. */
export function parseZonedInput(value: string, tz: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return zonedWallToUtc({ year, month, day, hour, minute }, tz);
}
