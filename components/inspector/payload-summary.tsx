import { checkFindings, type PayloadKind, type PayloadModel } from '@/lib/payload';

export const KIND_LABEL: Record<PayloadKind, string> = {
  chat: 'chat completion', completions: 'text completion', embeddings: 'embeddings', 'responses-api': 'Responses API',
  'chat-agent': 'ChatAgent', 'responses-agent': 'ResponsesAgent', 'custom-model': 'custom model', 'guardrail-block': 'blocked by a guardrail',
  error: 'error', unknown: 'unrecognised',
};

/** What kind of payload this is, how it was read, and what went wrong with it if anything. */
export function PayloadSummary({ model: m }: { model: PayloadModel }) {
  const finishes = [...new Set(m.answers.map((a) => a.finishReason).filter(Boolean))];
  return (
    <div className="mb-3 flex flex-col gap-2 text-sm" data-testid="payload-summary">
      <p className="text-xs text-slate-500" data-testid="payload-kind" data-kind={m.kind}>
        {KIND_LABEL[m.kind]}
        {m.kind !== m.requestKind && m.requestKind !== 'unknown' && ` (request: ${KIND_LABEL[m.requestKind]})`}
        {m.stream && ` · streamed, ${m.stream.chunks} chunks joined`}
        {m.answers.length > 1 && ` · ${m.answers.length} ${m.kind === 'custom-model' ? 'predictions' : 'choices'}`}
        {finishes.length > 0 && ` · finish reason ${finishes.join(', ')}`}
        {m.toolNames.length > 0 && ` · tools called: ${m.toolNames.join(', ')}`}
      </p>
      {m.embeddings && (
        <p className="rounded bg-slate-50 p-2" data-testid="embeddings-summary">
          {m.embeddings.inputs} input{m.embeddings.inputs === 1 ? '' : 's'} → {m.embeddings.vectors} vector{m.embeddings.vectors === 1 ? '' : 's'}
          {m.embeddings.dimensions !== null && ` of ${m.embeddings.dimensions} dimensions`}{m.embeddings.encoding === 'base64' && ' (base64)'} (values not shown)
        </p>
      )}
      {m.error && <ErrorBox model={m} />}
      {m.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-600" data-testid="payload-notes">
          {m.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </div>
  );
}

function ErrorBox({ model }: { model: PayloadModel }) {
  const e = model.error!;
  return (
    <div className="rounded border border-red-200 bg-red-50 p-2 text-red-900" data-testid="error-summary" data-category={e.category}>
      <p className="font-medium">{e.code ?? 'Error'}{e.provider && ` from ${e.provider}`} · {e.category.replace(/_/g, ' ')}{e.html && ' · HTML page'}</p>
      {/* A guardrail's reason is its checks' findings, listed below. */}
      {e.reason && !e.guardrails.length && <p className="whitespace-pre-wrap break-words" data-testid="error-reason">{e.reason}</p>}
      {e.guardrails.map((g, k) => (
        <div key={k} className="mt-1 text-xs" data-testid="guardrail">
          <p>{g.stage === 'input' ? 'Input' : 'Output'} guardrail: {checkFindings(g).join(', ') || (g.flagged ? 'flagged' : 'no finding named')}</p>
          {g.anonymizedInput.map((a, i) => (
            <p key={i} className="mt-1 whitespace-pre-wrap break-words rounded bg-white/70 p-1" data-testid="anonymized-input">
              Anonymised {g.stage}{a.role && ` (${a.role})`}: {a.text}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
