import type { ReactNode } from 'react';
import type { DetailResponse } from '@/lib/inspector/client';
import type { PayloadModel } from '@/lib/payload';
import { formatDuration, formatUtc } from '@/lib/inspector/prepare-transcript';
import { tokenFigures, tokenSourceText } from '@/lib/inspector/prepare-tokens';
import { StatusBadge } from './status-badge';

/** Ids, status, timing, tokens with their source, served entity and model, requester, usage_context. */
export function MetadataPanel({ detail, model }: { detail: DetailResponse; model: PayloadModel | null }) {
  const r = detail.row;
  const s = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const tokens = tokenFigures(r, model);
  const usage = r.usage_context && typeof r.usage_context === 'object' ? Object.entries(r.usage_context as Record<string, unknown>) : [];
  const codes = Array.isArray(r.logging_error_codes) ? (r.logging_error_codes as string[]) : [];
  const sampling = typeof r.sampling_fraction === 'number' ? r.sampling_fraction : null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="metadata">
      <h2 className="mb-2 text-base font-semibold">Request</h2>
      <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1.5">
        <Item label="Time">{formatUtc(s(r.request_time))}</Item>
        <Item label="Status"><StatusBadge code={typeof r.status_code === 'number' ? r.status_code : null} /></Item>
        <Item label="Duration">{formatDuration(typeof r.execution_duration_ms === 'number' ? r.execution_duration_ms : null)} <span className="text-xs text-slate-500">model time</span></Item>
        <Item label="Request id"><Mono>{s(r.databricks_request_id)}</Mono></Item>
        <Item label="Client request id"><Mono>{s(r.client_request_id)}</Mono></Item>
        <Item label="Endpoint">{s(r.endpoint_name)}</Item>
        <Item label="Served entity">{s(r.served_entity_name) ?? <Mono>{s(r.served_entity_id)}</Mono>}</Item>
        <Item label="Model">{[s(r.entity_name), s(r.entity_version) && `v${s(r.entity_version)}`].filter(Boolean).join(' ') || null}{model?.model && <span className="block text-xs text-slate-500">answered as {model.model}</span>}</Item>
        <Item label="Type · task">{[s(r.entity_type), s(r.task)].filter(Boolean).join(' · ') || null}</Item>
        <Item label="Requester">{s(r.requester)}</Item>
        <Item label="Tokens in"><span data-testid="tokens-in">{tokens.input.value ?? '–'}</span> <span className="text-xs text-slate-500">({tokenSourceText(tokens.input)})</span></Item>
        <Item label="Tokens out"><span data-testid="tokens-out">{tokens.output.value ?? '–'}</span> <span className="text-xs text-slate-500">({tokenSourceText(tokens.output)})</span></Item>
        {model?.tokens.cached != null && <Item label="Cached input">{model.tokens.cached} <span className="text-xs text-slate-500">(response usage)</span></Item>}
        {model?.tokens.reasoning != null && <Item label="Reasoning">{model.tokens.reasoning} <span className="text-xs text-slate-500">(of the output, response usage)</span></Item>}
        <Item label="Streaming">{r.request_streaming === null || r.request_streaming === undefined ? null : r.request_streaming ? 'yes' : 'no'}</Item>
        <Item label="Sampling">{sampling === null ? null : sampling === 1 ? 'every request logged' : `1 in ${Math.round(1 / sampling)} logged`}</Item>
        {codes.length > 0 && <Item label="Logging errors"><Mono>{codes.join(', ')}</Mono></Item>}
      </dl>
      <h3 className="mt-3 mb-1 text-sm font-semibold">usage_context</h3>
      {usage.length ? (
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs" data-testid="usage-context">
          {usage.map(([k, v]) => <Item key={k} label={k}><Mono>{s(v)}</Mono></Item>)}
        </dl>
      ) : <p className="text-xs text-slate-500">None recorded (no endpoint_usage row, or the client sent none).</p>}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="truncate text-slate-500" title={label}>{label}</dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-slate-400">–</span>}</dd>
    </>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return children ? <span className="font-mono text-xs break-all">{children}</span> : <span className="text-slate-400">–</span>;
}
