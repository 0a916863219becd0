import { locationKey } from './json-path';

/** Locations whose key or scalar value contains `term` (case-insensitive), at most `limit`. */
export function searchJson(root: unknown, term: string, limit = 500): string[] {
  const needle = term.trim().toLowerCase();
  if (!needle) return [];
  const hits: string[] = [];
  const walk = (v: unknown, loc: (string | number)[]) => {
    if (hits.length >= limit) return;
    if (Array.isArray(v)) v.forEach((x, k) => walk(x, [...loc, k]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (hits.length >= limit) return;
        if (k.toLowerCase().includes(needle)) hits.push(locationKey([...loc, k]));
        walk(x, [...loc, k]);
      }
    } else if (String(v).toLowerCase().includes(needle)) {
      const key = locationKey(loc);
      if (!hits.includes(key)) hits.push(key);
    }
  };
  walk(root, []);
  return hits;
}

/** Every ancestor of the given locations: the tree opens these so each hit is visible. */
export function ancestorsOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    // Split at each "." or "[" that starts a segment, keeping quoted keys whole.
    const re = /\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;
    let prefix = '$';
    out.add(prefix);
    for (const m of key.slice(1).matchAll(re)) {
      prefix += m[0];
      if (prefix !== key) out.add(prefix);
    }
  }
  return out;
}
