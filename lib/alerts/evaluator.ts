import 'server-only';
import { randomUUID } from 'node:crypto';
import { CATALOGUE } from '@/queries';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { instantSql, windowAt } from '@/lib/catalogue/unattended';
import { maskText } from '@/lib/security/pii';
import { logger } from '@/lib/logger';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';
import { formatValue, momentHref, unitOf, windowMinutes } from './format';
import type { Rule } from './rules';
import { alertStatement, readOutcome, type Outcome } from './statement';
import type { AlertStatus, EvalState, Firing, LensStore } from './store';

/**
 * The embedded engine's alert evaluator: the same rule statements a Databricks SQL alert would
 * run, evaluated in this process at scheduled instants with "now" written as that instant. A state
 * change from ok to triggered opens a firing and notifies; the return to ok closes it (and
 * notifies when asked). History: the last evaluation per rule, and every firing with the time it covers.
 */

export interface Evaluation {
  ruleId: string;
  at: string;
  window: { start: string; end: string };
  state: EvalState;
  value: number | null;
  threshold: number | null;
  groups: Outcome['groups'];
  /** Why the state is error (a safe message), or what no_data means. */
  detail: string | null;
  sql: string;
  ms: number;
}

/** Evaluates one rule as if the clock read `at`. Never throws: a failure is the `error` state. */
export async function evaluateRule(rule: Rule, at: Date, deps: { warehouse: Warehouse; tables: ResolvedTables }): Promise<Evaluation> {
  const started = performance.now();
  const win = windowAt(rule.window, at);
  const base = { ruleId: rule.id, at: at.toISOString(), window: { start: win.start.toISOString(), end: win.end.toISOString() } };
  let sql = '';
  try {
    const def = CATALOGUE[rule.query];
    if (!def) throw new Error(`unknown catalogue query "${rule.query}"`);
    const statement = alertStatement(rule, def, { tables: deps.tables, now: instantSql(at) });
    sql = statement.sql;
    const { rows } = await deps.warehouse.run(sql, {}, { label: `alert:${rule.id}` });
    const outcome = readOutcome(rows, rule, statement);
    return { ...base, ...outcome, detail: outcome.state === 'no_data' ? (outcome.value === null ? 'the window has no rows' : 'the baseline window has no rows') : null, sql, ms: performance.now() - started };
  } catch (err) {
    const detail = err instanceof WarehouseError ? maskText(err.message) : (err as Error).message;
    logger.warn('alert.evaluation_failed', { rule: rule.id, at: base.at, error: (err as Error).message, detail: err instanceof WarehouseError ? err.detail : undefined });
    return { ...base, state: 'error', value: null, threshold: rule.condition.threshold, groups: [], detail, sql, ms: performance.now() - started };
  }
}

export type NoticeKind = 'triggered' | 'still_triggered' | 'resolved';

export interface Notice { rule: Rule; kind: NoticeKind; evaluation: Evaluation; firing: Firing }

/** Sends a notice to the rule's destinations; true when at least one accepted it. */
export type Notifier = (notice: Notice) => Promise<boolean>;

/** The Slack-compatible message of a notice: `{"text": …}` (personal data in group values masked). */
export function noticeText(n: Notice, currency = 'USD'): string {
  const e = n.evaluation;
  const unit = unitOf(n.rule.measure);
  const fmt = (v: number | null) => formatValue(v, unit, currency);
  const head = n.kind === 'resolved' ? 'Resolved' : n.kind === 'still_triggered' ? 'Still triggered' : 'Triggered';
  const when = `${e.window.start.slice(0, 16).replace('T', ' ')}–${e.window.end.slice(11, 16)} UTC`;
  const lines = [
    `${head}: ${n.rule.name}`,
    `${n.rule.measure.column} ${fmt(e.value)} (${n.rule.condition.op} ${fmt(e.threshold)}) over ${when}`,
    ...e.groups.slice(0, 5).map((g) => `• ${maskText(g.group)}: ${fmt(g.value)}`),
    `Gateway Lens: ${momentHref(n.rule.page, { start: n.firing.windowStart, end: n.firing.windowEnd }, windowMinutes(n.rule.window))}`,
  ];
  return lines.join('\n');
}

/** Posts `{"text": …}` to each named webhook (one retry on a network error or 5xx). */
export function webhookNotifier(webhooks: { name: string; url: string }[], opts: { currency?: () => string; timeoutMs?: number } = {}): Notifier {
  return async (notice) => {
    const targets = webhooks.filter((w) => notice.rule.notify.destinations.includes(w.name));
    let delivered = false;
    for (const w of targets) {
      const body = JSON.stringify({ text: noticeText(notice, opts.currency?.()) });
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const res = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
          if (res.ok) {
            delivered = true;
            break;
          }
          logger.warn('alert.webhook_refused', { rule: notice.rule.id, webhook: w.name, status: res.status });
          if (res.status < 500) break;
        } catch (err) {
          logger.warn('alert.webhook_failed', { rule: notice.rule.id, webhook: w.name, error: (err as Error).message });
        }
      }
    }
    return delivered;
  };
}

export interface EvaluatorDeps {
  store: LensStore;
  warehouse: Warehouse;
  tables: () => Promise<ResolvedTables>;
  notify: Notifier;
  /** Every rule to evaluate: stored rules and the ones budgets derive. */
  rules: () => Promise<Rule[]>;
}

type Track = { status: AlertStatus | null; firing: Firing | null };

/**
 * The state machine of one rule: applies an evaluation to where the rule stood, opening, extending
 * or closing a firing and deciding what to notify. Pure apart from the ids it makes.
 */
export function step(rule: Rule, e: Evaluation, prev: Track, source: Firing['source']): { status: AlertStatus; firing: Firing | null; notice: NoticeKind | null } {
  const wasTriggered = prev.status?.state === 'triggered' && prev.firing !== null && prev.firing.endedAt === null;
  const worse = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : (rule.condition.op.startsWith('>') ? Math.max(a, b) : Math.min(a, b)));
  let firing: Firing | null = null;
  let notice: NoticeKind | null = null;
  let notifiedAt = prev.status?.notifiedAt ?? null;
  if (e.state === 'triggered') {
    if (wasTriggered) {
      firing = { ...prev.firing!, windowEnd: e.window.end, peakValue: worse(prev.firing!.peakValue, e.value), threshold: e.threshold ?? prev.firing!.threshold };
      const retrigger = rule.notify.retriggerMinutes * 60_000;
      if (retrigger > 0 && notifiedAt && Date.parse(e.at) - Date.parse(notifiedAt) >= retrigger) notice = 'still_triggered';
    } else {
      firing = {
        id: randomUUID(), ruleId: rule.id, source, startedAt: e.at, endedAt: null, windowStart: e.window.start, windowEnd: e.window.end,
        peakValue: e.value, threshold: e.threshold, detail: e.groups.length ? e.groups.slice(0, 5).map((g) => maskText(g.group)).join(', ') : null, notified: false,
      };
      notice = 'triggered';
    }
  } else if (wasTriggered && (e.state === 'ok' || e.state === 'no_data')) {
    firing = { ...prev.firing!, endedAt: e.at };
    if (rule.notify.notifyOnOk) notice = 'resolved';
  } else if (wasTriggered) {
    firing = prev.firing; // an error leaves a firing open: nothing is known
  }
  const muted = rule.mutedUntil !== null && Date.parse(rule.mutedUntil) > Date.parse(e.at);
  if (muted) notice = null;
  if (notice) notifiedAt = e.at;
  if (e.state !== 'triggered' && !wasTriggered) notifiedAt = null;
  const status: AlertStatus = {
    ruleId: rule.id, state: e.state, evaluatedAt: e.at, windowStart: e.window.start, windowEnd: e.window.end,
    value: e.value, threshold: e.threshold, detail: e.detail, notifiedAt,
  };
  return { status, firing, notice };
}

const MINUTE = 60_000;
/** Statements a replay keeps in flight (the engine's own cap still applies). */
const REPLAY_CONCURRENCY = 3;

/** The scheduled instants of a rule in [from, to]: whole multiples of its period since the epoch. */
export function ticks(everyMinutes: number, from: Date, to: Date): Date[] {
  const period = everyMinutes * MINUTE;
  const out: Date[] = [];
  for (let t = Math.ceil(from.getTime() / period) * period; t <= to.getTime(); t += period) out.push(new Date(t));
  return out;
}

export class Evaluator {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: EvaluatorDeps) {}

  /** Evaluates a rule at `at` and records the result as its current state (the scheduler, "test now"). */
  async evaluateAndRecord(rule: Rule, at: Date, source: 'schedule' | 'test'): Promise<{ evaluation: Evaluation; firing: Firing | null; notice: NoticeKind | null }> {
    const [tables, statuses] = await Promise.all([this.deps.tables(), this.deps.store.statuses()]);
    const evaluation = await evaluateRule(rule, at, { warehouse: this.deps.warehouse, tables });
    const prevStatus = statuses.get(rule.id) ?? null;
    const open = prevStatus?.state === 'triggered' ? (await this.deps.store.firings({ ruleId: rule.id, limit: 5 })).find((f) => f.endedAt === null && f.source !== 'replay') ?? null : null;
    const next = step(rule, evaluation, { status: prevStatus, firing: open }, source);
    if (next.firing && next.notice) next.firing = { ...next.firing, notified: (await this.send(rule, next.notice, evaluation, next.firing)) || next.firing.notified };
    if (next.firing) await this.deps.store.putFiring(next.firing);
    await this.deps.store.putStatus(next.status);
    logger.info('alert.evaluated', { rule: rule.id, at: evaluation.at, state: evaluation.state, value: evaluation.value, ms: Math.round(evaluation.ms), notice: next.notice });
    return { evaluation, firing: next.firing, notice: next.notice };
  }

  /**
   * Evaluates a rule at every scheduled instant of a past period, as the scheduler would have,
   * with its own state (the rule's current status is left alone). Firings are kept with source
   * `replay`; notifications go out only when asked.
   */
  async replay(rule: Rule, from: Date, to: Date, opts: { notify?: boolean; store?: boolean } = {}): Promise<{ firings: Firing[]; evaluations: number; ms: number }> {
    const started = performance.now();
    const tables = await this.deps.tables();
    let track: Track = { status: null, firing: null };
    const firings = new Map<string, Firing>();
    const instants = ticks(rule.everyMinutes, from, to);
    // Evaluations are independent: a few run at once; the state machine then reads them in order.
    const evaluations: Evaluation[] = new Array(instants.length);
    let nextIndex = 0;
    await Promise.all(Array.from({ length: Math.min(REPLAY_CONCURRENCY, instants.length) }, async () => {
      while (nextIndex < instants.length) {
        const i = nextIndex++;
        evaluations[i] = await evaluateRule(rule, instants[i]!, { warehouse: this.deps.warehouse, tables });
      }
    }));
    for (const evaluation of evaluations) {
      const next = step(rule, evaluation, track, 'replay');
      if (next.firing && next.notice && opts.notify) next.firing = { ...next.firing, notified: (await this.send(rule, next.notice, evaluation, next.firing)) || next.firing.notified };
      if (next.firing) firings.set(next.firing.id, next.firing);
      track = { status: next.status, firing: next.firing && next.firing.endedAt === null ? next.firing : null };
    }
    if (opts.store !== false) for (const f of firings.values()) await this.deps.store.putFiring(f);
    return { firings: [...firings.values()], evaluations: instants.length, ms: performance.now() - started };
  }

  private async send(rule: Rule, kind: NoticeKind, evaluation: Evaluation, firing: Firing): Promise<boolean> {
    try {
      return await this.deps.notify({ rule, kind, evaluation, firing });
    } catch (err) {
      logger.warn('alert.notify_failed', { rule: rule.id, error: (err as Error).message });
      return false;
    }
  }

  /** Evaluates every active rule due at `at` (a whole minute). */
  async tick(at: Date): Promise<number> {
    const rules = (await this.deps.rules()).filter((r) => !r.paused && at.getTime() % (r.everyMinutes * MINUTE) === 0);
    for (const rule of rules) await this.evaluateAndRecord(rule, at, 'schedule');
    return rules.length;
  }

  /** Runs `tick` at every whole minute of `clock` until stopped; a tick still running skips the next. */
  start(clock: () => Date): void {
    if (this.timer) return;
    const run = () => {
      if (this.running) return;
      const at = new Date(Math.floor(clock().getTime() / MINUTE) * MINUTE);
      this.running = this.tick(at).catch((err) => logger.error('alert.tick_failed', { error: (err as Error).message })).finally(() => { this.running = null; });
    };
    const delay = MINUTE - (clock().getTime() % MINUTE) + 1_000;
    this.timer = setTimeout(() => {
      run();
      this.timer = setInterval(run, MINUTE);
      this.timer.unref();
    }, delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
