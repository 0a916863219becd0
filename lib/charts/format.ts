/*
 * Every number the dashboard shows, formatted in one place: counts, rates, latency, percentages,
 * tokens and money. A missing value is `–` (never 0); a missing price is "unpriced" (never $0).
 */
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || !Number.isFinite(n);

export function formatCount(n: number | null | undefined): string {
  if (missing(n)) return '–';
  return Math.abs(n) >= 10_000 ? compact.format(n) : whole.format(n);
}

export function formatRate(n: number | null | undefined): string {
  if (missing(n)) return '–';
  return n >= 100 ? whole.format(n) : precise.format(n);
}

export function formatInt(n: number): string {
  return whole.format(n);
}

const seconds2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const seconds1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `850 ms`, `1 s`, `2.35 s`, `42.1 s`, `2 min 5 s`. */
export function formatMs(ms: number | null | undefined): string {
  if (missing(ms)) return '–';
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${(Math.abs(ms) < 10_000 ? seconds2 : seconds1).format(ms / 1000)} s`;
  const s = Math.round(Math.abs(ms) / 1000);
  return `${ms < 0 ? '-' : ''}${Math.floor(s / 60)} min ${s % 60} s`;
}

/** An axis tick: `850 ms`, `1.5 s`, `75 s`, `12 min` — short enough for a 64-pixel axis. */
export function formatMsTick(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 600_000) return `${seconds1.format(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

const signOf = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');

/** A signed latency difference: "+814 ms", "−1.20 s". */
export function formatMsDiff(v: number): string {
  return `${signOf(v)}${formatMs(Math.abs(v))}`;
}

/** A rate (errors, blocks): `3.0%`, and two decimals below 1% so 0.04% is not shown as 0%. */
export function formatPercent(ratio: number | null | undefined): string {
  if (missing(ratio)) return '–';
  const pct = ratio * 100;
  return `${pct.toFixed(pct !== 0 && Math.abs(pct) < 1 ? 2 : 1)}%`;
}

/** A difference of two rates in percentage points: "+0.98 pp". */
export function formatPp(v: number): string {
  return `${signOf(v)}${Math.abs(v * 100).toFixed(2)} pp`;
}

/** A share of a whole (cost, tokens): `50%`, `4.2%`, `<0.1%`. */
export function formatShare(share: number | null | undefined): string {
  if (missing(share)) return '–';
  if (share === 0) return '0%';
  if (share > 0 && share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;
}

/** `+12%`, `−3.4%`: a relative change, or null when there is nothing to compare with. */
export function formatChange(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const pct = Math.abs(change * 100);
  return `${signOf(change)}${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

const compactTokens = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** `1,234,567`, or `1.2M` where space is short. */
export function formatTokens(value: number | null | undefined, short = false): string {
  if (missing(value)) return '–';
  return short && Math.abs(value) >= 10_000 ? compactTokens.format(value) : whole.format(Math.round(value));
}

const moneyCache = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, digits: number): Intl.NumberFormat {
  const key = `${currency}/${digits}`;
  let f = moneyCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: digits });
    moneyCache.set(key, f);
  }
  return f;
}

/** Money with thousands separators; small amounts (cost per request) keep significant digits. */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (missing(value)) return '–';
  const abs = Math.abs(value);
  return moneyFormat(currency, abs === 0 || abs >= 1 ? 2 : abs >= 0.01 ? 4 : 6).format(value);
}

/** A cost where null means the model has no price: "unpriced", never $0. */
export function formatCost(value: number | null, currency = 'USD'): string {
  return value === null ? 'unpriced' : formatMoney(value, currency);
}
