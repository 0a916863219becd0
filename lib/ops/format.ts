const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `850 ms`, `4.2 s`, `2.1 min`; `–` for no value (never 0). */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${precise.format(ms / 1000)} s`;
  return `${precise.format(ms / 60_000)} min`;
}

/** `1.23%`; small rates keep two decimals so 0.04% is not shown as 0%. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  const pct = ratio * 100;
  return `${pct >= 10 ? pct.toFixed(1) : pct.toFixed(2)}%`;
}

/** `+12%`, `−3.4%`: a relative change, or null when there is nothing to compare with. */
export function formatChange(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const pct = change * 100;
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1)}%`;
}
