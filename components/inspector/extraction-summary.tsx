import type { Extraction } from '@/lib/inspector/extract';

const FORMAT_LABEL: Record<Extraction['requestFormat'], string> = {
  chat: 'chat', completions: 'completions', embeddings: 'embeddings', 'responses-agent': 'ResponsesAgent', 'chat-agent': 'ChatAgent', error: 'error', unknown: 'unrecognised',
};

/** What kind of payload this is, and what went wrong with it if anything. */
export function ExtractionSummary({ extraction: x }: { extraction: Extraction }) {
  return (
    <div className="mb-3 flex flex-col gap-2 text-sm" data-testid="extraction-summary">
      <p className="text-xs text-slate-500">
        Request: {FORMAT_LABEL[x.requestFormat]} · response: {FORMAT_LABEL[x.responseFormat]}
        {x.streamedChunks !== null && ` · streamed, ${x.streamedChunks} chunks joined`}
        {x.finishReason && ` · finish reason ${x.finishReason}`}
      </p>
      {x.embeddings && (
        <p className="rounded bg-slate-50 p-2" data-testid="embeddings-summary">
          {x.embeddings.inputs} input{x.embeddings.inputs === 1 ? '' : 's'} → {x.embeddings.vectors} vector{x.embeddings.vectors === 1 ? '' : 's'}
          {x.embeddings.dimensions !== null && ` of ${x.embeddings.dimensions} dimensions`} (values not shown)
        </p>
      )}
      {x.error && (
        <div className="rounded border border-red-200 bg-red-50 p-2 text-red-900" data-testid="error-summary">
          <p className="font-medium">{x.error.code ?? 'Error'}{x.error.provider && ` from ${x.error.provider}`}</p>
          {x.error.message && <p className="whitespace-pre-wrap break-words">{x.error.message}</p>}
          {x.error.guardrails.map((g, k) => (
            <div key={k} className="mt-1 text-xs" data-testid="guardrail">
              <p>
                {g.stage === 'input' ? 'Input' : 'Output'} guardrail:{' '}
                {[g.pii && 'personal data (PII)', g.invalidKeywords && 'invalid keyword', ...g.categories.map((c) => `safety: ${c}`)].filter(Boolean).join(', ') || 'flagged'}
              </p>
              {g.anonymizedInput.map((a, i) => <p key={i} className="mt-1 whitespace-pre-wrap break-words rounded bg-white/70 p-1">Anonymised input: {a}</p>)}
            </div>
          ))}
        </div>
      )}
      {x.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-600" data-testid="payload-notes">
          {x.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </div>
  );
}
