/** Relative ranges people pick most; resolved against "now" on every request, never frozen. */
export const RANGE_PRESETS = ['15m', '1h', '6h', '24h', '7d', '14d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `7d` → milliseconds; null for anything that is not a relative range. */
export function presetMs(preset: string): number | null {
  const m = /^(\d{1,4})([mhd])$/.exec(preset);
  if (!m) return null;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

export const DAY_MS = UNIT_MS.d;
