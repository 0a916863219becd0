import { describe, expect, it } from 'vitest';
import { serverTiming } from '@/lib/api/server-timing';
import { parseServerTiming } from './server-timing';

describe('Server-Timing', () => {
  it('reads back what the catalogue route writes', () => {
    expect(parseServerTiming(serverTiming(3.14159, 4.5))).toEqual({ engine: 3.14, handler: 4.5 });
  });

  it('reads headers of other servers: descriptions, quoting, metrics without a duration', () => {
    // The first two as in the specification's examples; the third mixes in a metric with a description only.
    expect(parseServerTiming('miss, db;dur=53, app;dur=47.2')).toEqual({ db: 53, app: 47.2 });
    expect(parseServerTiming('cache;desc="Cache Read";dur=23.2')).toEqual({ cache: 23.2 });
    expect(parseServerTiming('total;dur=123.4, cpu;desc="cpu"')).toEqual({ total: 123.4 });
  });

  it('is empty for no header or a malformed one', () => {
    expect(parseServerTiming(null)).toEqual({});
    expect(parseServerTiming('')).toEqual({});
    expect(parseServerTiming('db;dur=abc, ;dur=3')).toEqual({});
  });
});
