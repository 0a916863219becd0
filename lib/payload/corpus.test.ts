import { describe, expect, it } from 'vitest';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { checkFindings, factsOf, interpretPayload } from '.';

const corpus = readCorpus();

describe('the payload corpus', () => {
  it('has at least one fixture of every kind, each naming its public source', () => {
    const kinds = new Set(corpus.map((r) => r.id.split('/')[0]));
    for (const k of ['chat', 'completions', 'embeddings', 'responses-api', 'chat-agent', 'responses-agent', 'custom-model', 'guardrail-block', 'error']) expect(kinds, k).toContain(k);
    for (const r of corpus) expect(r.source.length, r.id).toBeGreaterThan(20);
  });

  it('stores bodies as the raw strings the table holds', () => {
    for (const r of corpus) {
      expect(r.request === null || typeof r.request === 'string', r.id).toBe(true);
      expect(r.response === null || typeof r.response === 'string', r.id).toBe(true);
    }
  });
});

describe.each(corpus.map((r) => [r.id, r] as const))('%s', (_id, r) => {
  const m = interpretPayload(r);
  const facts = factsOf(m, r.status_code);
  const x = r.expect;

  it('has the kind, question, answer, tools, tokens and error the views show', () => {
    expect(facts).toMatchObject(x.facts);
    expect(m.kind).toBe(r.id.split('/')[0]);
  });

  it('keeps the conversation in order, with each choice apart', () => {
    if (x.roles) expect(m.turns.map((t) => t.role)).toEqual(x.roles);
    if (x.answers) expect(m.answers.map((a) => a.text)).toEqual(x.answers);
    if (x.finish) expect(m.answers.map((a) => a.finishReason)).toEqual(x.finish);
    if (x.reasoning) expect(m.answers[0]?.reasoning).toContain(x.reasoning);
    if (x.images) expect(m.turns.flatMap((t) => t.parts).filter((p) => p.kind === 'image')).toHaveLength(x.images);
    if (x.toolArguments) expect(m.answers.flatMap((a) => a.toolCalls.map((c) => c.arguments))).toEqual(x.toolArguments);
    if (x.notes) for (const n of x.notes) expect(m.notes.join(' ')).toContain(n);
    // No view shows a raw body as a turn when it parsed.
    if (!x.notes?.some((n) => n.includes('not valid JSON'))) expect(m.turns.filter((t) => t.role === 'other' && !t.rawRole)).toEqual([]);
  });

  it('reads errors and guardrails for their true reason', () => {
    if (x.code) expect(m.error?.code).toBe(x.code);
    if (x.html !== undefined) expect(m.error?.html).toBe(x.html);
    if (x.noError) expect(m.error).toBeNull();
    if (x.anonymized) {
      const anonymized = m.error!.guardrails.flatMap((g) => g.anonymizedInput.map((a) => a.text)).join('\n');
      for (const a of x.anonymized) expect(anonymized).toContain(a);
    }
    if (m.error?.guardrails.length) {
      // The reason names exactly what the verdict found, nothing from a false category.
      const found = m.error.guardrails.flatMap(checkFindings);
      for (const f of found) expect(m.error.reason).toContain(f);
    }
  });

  it('estimates tokens from message text only, never from the JSON around it', () => {
    if (m.estimate.output !== null) expect(m.estimate.output).toBe(Math.floor((m.estimate.outputChars + 1) / 4));
    if (r.response) expect(m.estimate.outputChars).toBeLessThanOrEqual(r.response.length);
    // Chunk wrappers and trace blobs are not text the model wrote.
    if (r.response && (m.stream || m.trace)) expect(m.estimate.outputChars * 3).toBeLessThan(r.response.length);
    if (m.kind === 'embeddings' || m.kind === 'error' || m.kind === 'guardrail-block') expect(m.estimate.output).toBeNull();
  });

  it('describes embeddings by counts, never by their values', () => {
    if (!x.embeddings) return;
    expect(m.embeddings).toEqual(x.embeddings);
    expect(JSON.stringify(m.turns).length).toBeLessThan(1000);
  });

  it('shows the agent trace as a span tree', () => {
    if (!x.trace) {
      expect(m.trace).toBeNull();
      return;
    }
    const spans = m.trace!.spans;
    expect(spans.map((s) => s.type)).toEqual(x.trace.types);
    expect(spans.map((s) => s.name)).toEqual(x.trace.names);
    expect(spans.map((s) => s.depth)).toEqual(x.trace.depths);
    expect(spans.map((s) => s.status)).toEqual(x.trace.statuses);
    spans.forEach((s, k) => expect(s.durationMs).toBeCloseTo(x.trace!.durationsMs[k]!, 2));
    expect(spans.map((s) => s.tokens)).toEqual(x.trace.tokens);
    if (x.trace.errorSpan) {
      expect(m.trace!.firstError?.span).toBe(x.trace.errorSpan);
      expect(m.trace!.firstError?.message).toContain(x.trace.errorMessage);
    }
    // Inputs and outputs are text to show on expand.
    expect(spans.every((s) => s.inputs === null || typeof s.inputs === 'string')).toBe(true);
  });
});
