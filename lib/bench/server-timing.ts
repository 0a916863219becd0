/** The durations of a `Server-Timing` header by metric name (lib/api/server-timing.ts writes the catalogue route's); entries without a duration are left out. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((p) => p.trim());
    if (!name) continue;
    for (const param of params) {
      const m = /^dur=(\d+(?:\.\d+)?)$/.exec(param);
      if (m) out[name] = Number(m[1]);
    }
  }
  return out;
}
