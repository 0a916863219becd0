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

/**
 * Money with thousands separators; small amounts (cost per request) keep significant digits.
 * null means unpriced or unknown and is shown as such by the caller, never as 0.
 */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 1 ? 2 : abs >= 0.01 ? 4 : 6;
  return moneyFormat(currency, digits).format(value);
}

const tokens = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactTokens = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatTokens(value: number | null | undefined, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return compact && Math.abs(value) >= 10_000 ? compactTokens.format(value) : tokens.format(Math.round(value));
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  if (share === 0) return '0%';
  if (share > 0 && share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;
}
