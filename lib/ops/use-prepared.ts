'use client';

import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { QueryResponse } from '@/lib/client/api';
import type { Bucket } from '@/lib/time/buckets';
import { prepareTimeSeries, type PreparedSeries, type SeriesOptions } from './prepare-series';

/** Prepares a time-series response once per fetch; bucket and zone come from the bound parameters. */
export function usePreparedSeries<R extends { bucket: string }>(query: UseQueryResult<QueryResponse<R>>, options: Omit<SeriesOptions<R>, 'window' | 'bucket' | 'tz' | 'now'>): PreparedSeries | null {
  const { data } = query;
  return useMemo(() => {
    if (!data?.window) return null;
    return prepareTimeSeries(data.rows, { ...options, window: data.window, bucket: data.params.bucket as Bucket, tz: String(data.params.tz ?? 'UTC'), now: Date.parse(data.now) });
    // Options are plain functions of a row, recreated each render; the data alone decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
}
