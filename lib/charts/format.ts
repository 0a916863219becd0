const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return Math.abs(n) >= 10_000 ? compact.format(n) : whole.format(n);
}

export function formatRate(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return n >= 100 ? whole.format(n) : precise.format(n);
}

export function formatInt(n: number): string {
  return whole.format(n);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Labels follow the reporting zone, UTC, and say so where they are shown. */
export function formatTick(t: number, bucket: 'minute' | 'hour' | 'day'): string {
  const d = new Date(t);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (bucket === 'day') return day.slice(5);
  if (bucket === 'hour') return time === '00:00' ? day.slice(5) : `${day.slice(5)} ${time}`;
  return time;
}

export function formatTimestamp(t: number): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
