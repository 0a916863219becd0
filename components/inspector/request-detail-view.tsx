'use client';

import { IntentLink } from '@/components/intent-link';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/client/api';
import { backHref } from '@/lib/client/drill';
import { detailUrl, fetchJson, payloadUrl, type DetailResponse, type PayloadResponse } from '@/lib/inspector/client';
import { interpretPayload } from '@/lib/payload';
import { formatBytes, isLarge } from '@/lib/inspector/prepare-transcript';
import { MetadataPanel } from './metadata-panel';
import { PayloadPanel } from './payload-panel';
import { ThreadTimeline } from './thread-timeline';
import { TraceTree } from './trace-tree';

/** The permalink of one request: transcript, raw JSON and metadata, payload loaded on demand. */
export function RequestDetailView({ id }: { id: string }) {
  const sp = useSearchParams();
  const endpoint = sp.get('endpoint');
  const back = sp.get('back') ?? '';
  const returnTo = backHref(back || null);
  const at = sp.get('at');
  const [reveal, setReveal] = useState(false);
  const meta = useQuery({ queryKey: ['inspector-detail', id, endpoint, at], queryFn: ({ signal }) => fetchJson<DetailResponse>(detailUrl(id, endpoint, at), signal) });
  // Once the metadata says when the request was received, the bodies are looked up on its day only.
  const receivedAt = typeof meta.data?.row.request_time === 'string' ? meta.data.row.request_time : at;
  const payload = useQuery({
    queryKey: ['inspector-payload', id, endpoint, reveal],
    queryFn: ({ signal }) => fetchJson<PayloadResponse>(payloadUrl(id, endpoint, { reveal, at: receivedAt }), signal),
    enabled: meta.isSuccess,
    staleTime: Infinity,
  });
  const model = useMemo(() => (payload.data ? interpretPayload({ request: payload.data.request, response: payload.data.response, status_code: payload.data.statusCode, logging_error_codes: payload.data.loggingErrorCodes }) : null), [payload.data]);
  const row = meta.data?.row;
  const chars = row ? Number(row.request_chars ?? 0) + Number(row.response_chars ?? 0) : 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <IntentLink href={returnTo.href} className="text-sm text-sky-700 hover:underline" data-testid="back-link">{returnTo.label}</IntentLink>
        <h1 className="text-xl font-semibold">Request <span className="font-mono text-base">{id}</span></h1>
        {row && <span className="text-sm text-slate-500">{String(row.endpoint_name)} · {formatBytes(chars)} of payload</span>}
        {model?.trace?.hasError && (
          <span className="rounded bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="trace-error-flag" title={model.trace.firstError ? `${model.trace.firstError.span}: ${model.trace.firstError.message ?? ''}` : 'The trace state is ERROR'}>
            Agent trace has a failed span
          </span>
        )}
        {meta.data && (
          meta.data.revealAllowed
            ? <button type="button" disabled={reveal} onClick={() => { if (window.confirm('Show personal data unmasked? This is logged with your name and this request id.')) setReveal(true); }} className="ml-auto rounded border border-amber-400 bg-amber-50 px-3 py-1 text-sm text-amber-900 disabled:opacity-50">{reveal ? 'Personal data revealed (logged)' : 'Reveal personal data'}</button>
            : <span className="ml-auto text-xs text-slate-500" data-testid="pii-masked">Personal data masked · reveal is off on this server (PII_REVEAL)</span>
        )}
      </div>
      {meta.error ? (
        <Failure error={meta.error} onRetry={() => meta.refetch()} />
      ) : meta.isPending ? (
        <div className="h-96 animate-pulse rounded-lg bg-slate-100" aria-label="Loading request" data-testid="detail-loading" />
      ) : meta.data ? (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_360px]">
          <div className="min-w-0">
            {payload.error ? <Failure error={payload.error} onRetry={() => payload.refetch()} /> : payload.isPending ? (
              <div className="h-96 animate-pulse rounded-lg bg-slate-100" aria-label="Loading payload" />
            ) : payload.data && model ? (
              <div className="flex flex-col gap-4">
                <PayloadPanel id={id} endpoint={endpoint} payload={payload.data} model={model} large={isLarge(chars)} reveal={reveal} back={back} />
                {model.trace && <TraceTree trace={model.trace} />}
              </div>
            ) : null}
          </div>
          <div className="flex min-w-0 flex-col gap-4">
            <MetadataPanel detail={meta.data} model={model} />
            {typeof row?.thread_id === 'string' && <ThreadTimeline threadId={row.thread_id} source={String(row.thread_source)} current={id} endpoint={String(row.endpoint_name)} at={String(row.request_time)} back={back || undefined} />}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Failure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div role="alert" data-testid="detail-error" className="flex flex-col items-center gap-2 rounded-lg border border-red-200 bg-red-50 p-6 text-center text-sm text-red-800">
      <p>{notFound ? 'No logged request has this id. It may be older than the table keeps, on another endpoint, or never logged (401/403/429 often are not).' : error.message}</p>
      {error instanceof ApiError && error.requestId && <p className="text-xs">Request id {error.requestId} — the server log has the details.</p>}
      {!notFound && <button type="button" onClick={onRetry} className="rounded bg-red-700 px-3 py-1 text-xs font-medium text-white">Retry</button>}
    </div>
  );
}
