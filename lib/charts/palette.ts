/** Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito based). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#4B5563', '#F0E442', '#7C3AED', '#0F766E'];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** Status classes keep one meaning everywhere. */
export const STATUS_COLORS: Record<string, string> = { ok: '#009E73', '4xx': '#E69F00', '429': '#CC79A7', '5xx': '#D55E00' };
