import { arr, innerJson, isObj, str, type Obj } from './json';
import { readContent } from './messages';
import type { AnonymizedInput, ErrorCategory, GuardrailCheck, PayloadError } from './types';

const HTML = /^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml)|<\/(?:html|body|title)>/i;
/** Reasons are for a badge and a sentence, not a page. */
const REASON_CHARS = 500;

export function isHtml(text: string): boolean {
  return HTML.test(text);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? _);
}

/** An HTML error page as one line of text: its <title>, else its text with the tags removed. */
export function htmlToText(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  const text = title ?? html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim().slice(0, REASON_CHARS);
}

/** Keys that carry an error's words, most specific first (a provider's own message beats the wrapper's). */
const REASON_KEYS = ['external_model_error', 'external_model_message', 'message', 'error', 'detail', 'error_message', 'msg', 'Message', 'reason'];

/** The words of an error, however deep: strings holding JSON are decoded, HTML is reduced to text. */
export function reasonOf(v: unknown, depth = 0): string | null {
  if (depth > 6 || v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const inner = innerJson(v);
    if (inner !== null && typeof inner !== 'string') return reasonOf(inner, depth + 1) ?? v.trim().slice(0, REASON_CHARS);
    if (typeof inner === 'string') return reasonOf(inner, depth + 1);
    if (isHtml(v)) return htmlToText(v) || null;
    return v.trim().slice(0, REASON_CHARS) || null;
  }
  if (Array.isArray(v)) return reasonOf(v[0], depth + 1);
  if (!isObj(v)) return null;
  for (const k of REASON_KEYS) {
    const r = reasonOf(v[k], depth + 1);
    if (r) return r;
  }
  return null;
}

/** The provider an external-model error names, however deep it sits. */
function providerOf(v: unknown, depth = 0): string | null {
  if (depth > 6) return null;
  if (typeof v === 'string') {
    const inner = innerJson(v);
    return inner !== null ? providerOf(inner, depth + 1) : null;
  }
  if (!isObj(v)) return null;
  if (typeof v.external_model_provider === 'string') return v.external_model_provider;
  return providerOf(v.message, depth + 1) ?? providerOf(v.error, depth + 1);
}

function isProviderError(body: Obj, inner: Obj | null): boolean {
  return body.external_model_message !== undefined || body.external_model_error !== undefined || (inner !== null && (inner.external_model_provider !== undefined || inner.external_model_error !== undefined));
}

function anonymized(v: unknown): AnonymizedInput[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.flatMap((x): AnonymizedInput[] => {
    if (typeof x === 'string') return [{ role: null, text: x }];
    if (!isObj(x)) return [];
    const text = readContent(x.content).parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('\n');
    return text ? [{ role: str(x.role), text }] : [];
  });
}

function guardrailCheck(stage: 'input' | 'output', g: Obj): GuardrailCheck {
  // `categories` lists every category with its verdict: only the true ones are the reason.
  const categories = isObj(g.categories)
    ? Object.entries(g.categories).filter(([, on]) => on === true).map(([k]) => k)
    : arr(g.categories).filter((c): c is string => typeof c === 'string');
  return {
    stage,
    flagged: typeof g.flagged === 'boolean' ? g.flagged : null,
    pii: g.pii_detection === true,
    invalidKeywords: g.invalid_keywords === true,
    categories,
    anonymizedInput: anonymized(g.anonymized_input),
  };
}

export function guardrailChecks(inner: Obj | null): GuardrailCheck[] {
  if (!inner) return [];
  const checks: GuardrailCheck[] = [];
  for (const stage of ['input', 'output'] as const) {
    const entries = inner[`${stage}_guardrail`];
    for (const g of Array.isArray(entries) ? entries : isObj(entries) ? [entries] : []) if (isObj(g)) checks.push(guardrailCheck(stage, g));
  }
  return checks;
}

function guardrailStage(inner: Obj | null, checks: GuardrailCheck[]): 'input' | 'output' | null {
  if (inner?.finishReason === 'input_guardrail_triggered') return 'input';
  if (inner?.finishReason === 'output_guardrail_triggered') return 'output';
  return checks[0]?.stage ?? null;
}

/** What a check found, in words: "personal data (PII)", "safety: privacy", "invalid keywords". */
export function checkFindings(g: GuardrailCheck): string[] {
  return [...(g.pii ? ['personal data (PII)'] : []), ...(g.invalidKeywords ? ['invalid keywords'] : []), ...g.categories.map((c) => `safety: ${c}`)];
}

/** True when a response body is an error envelope rather than an answer. */
export function isErrorBody(body: unknown): boolean {
  if (!isObj(body)) return false;
  if (typeof body.error_code === 'string') return true;
  const answered = body.choices !== undefined || body.output !== undefined || body.data !== undefined || body.predictions !== undefined || body.messages !== undefined;
  return !answered && ((body.error !== undefined && body.error !== null) || body.external_model_message !== undefined);
}

/**
 * An error response read for its category and true reason. `body` is the parsed response (or
 * null), `text` the raw one for non-JSON bodies.
 */
export function readError(body: unknown, text: string | null, status: number | null): PayloadError {
  const err: PayloadError = { category: categoryOf(status, body), code: null, reason: null, provider: null, guardrails: [], html: false, format: null };
  if (!isObj(body)) {
    if (text !== null && isHtml(text)) {
      err.html = true;
      err.format = 'html';
      err.reason = htmlToText(text) || null;
    } else if (text !== null) {
      err.format = 'text';
      err.reason = text.trim().slice(0, REASON_CHARS) || null;
    }
    return err;
  }
  err.format = 'json';
  const inner = innerObj(body);
  const innerCode = isObj(body.external_model_message) ? str(body.external_model_message.error_code) : null;
  err.code = str(body.error_code) ?? (isObj(body.error) ? str(body.error.type) ?? str(body.error.code) : null) ?? innerCode;
  err.guardrails = guardrailChecks(inner);
  const stage = guardrailStage(inner, err.guardrails);
  if (stage) {
    const findings = err.guardrails.filter((g) => g.stage === stage).flatMap(checkFindings);
    err.reason = `${stage === 'input' ? 'Input' : 'Output'} guardrail: ${findings.length ? [...new Set(findings)].join(', ') : 'triggered'}`;
    return err;
  }
  err.provider = providerOf(body);
  err.reason = reasonOf(body);
  return err;
}

/** The JSON object inside `message` (guardrail verdicts, provider errors), if any. */
export function innerObj(body: Obj): Obj | null {
  const inner = innerJson(body.message);
  return isObj(inner) ? inner : null;
}

/**
 * The error category, one rule for every view (the SQL twin follows the same order):
 * status < 400 → ok; 429 or REQUEST_LIMIT_EXCEEDED → rate_limited; a decoded `message` whose
 * finishReason is input/output_guardrail_triggered (or that holds an input/output_guardrail entry)
 * → input/output_guardrail; an external model error → provider_error; ≥ 500 → server_5xx;
 * ≥ 400 → client_4xx; no status → unknown.
 */
export function categoryOf(status: number | null, body: unknown): ErrorCategory {
  if (status !== null && status < 400) return 'ok';
  const b = isObj(body) ? body : null;
  if (status === 429 || b?.error_code === 'REQUEST_LIMIT_EXCEEDED') return 'rate_limited';
  const inner = b ? innerObj(b) : null;
  if (inner?.finishReason === 'input_guardrail_triggered' || (inner?.finishReason === undefined && inner?.input_guardrail !== undefined)) return 'input_guardrail';
  if (inner?.finishReason === 'output_guardrail_triggered' || (inner?.finishReason === undefined && inner?.output_guardrail !== undefined)) return 'output_guardrail';
  if (b && isProviderError(b, inner)) return 'provider_error';
  if (status === null) return 'unknown';
  return status >= 500 ? 'server_5xx' : 'client_4xx';
}
