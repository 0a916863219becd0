import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CATALOGUE } from '@/queries';
import { can, type Viewer } from '@/lib/access';
import type { AppConfig } from '@/lib/config';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { personalDataInTerm } from '@/lib/security/search-terms';
import { maskText } from '@/lib/security/pii';
import type { Warehouse } from '@/lib/warehouse/types';
import { BUDGET_LEVELS, budgetRule, type BudgetLevel } from './budgets';
import { UPDATE_MASK, alertBody, warehouseIdOf, type DatabricksApi } from './databricks';
import type { AlertV2 } from './databricks-schema';
import { evaluateRule, ticks, type Evaluation, type Evaluator } from './evaluator';
import {
  BudgetInputSchema, BudgetSchema, BundleSchema, RECORD_ID, RuleInputSchema, RuleSchema, ViewInputSchema, ViewSchema,
  describeRule, ruleProblems, type Budget, type Bundle, type Problem, type Rule, type SavedView,
} from './rules';
import { allRules } from './runtime';
import { alertStatement } from './statement';
import type { AlertStatus, Firing, LensStore, RecordKind } from './store';

/**
 * What the alerts, budgets and saved-views routes do, behind their zod validation: role checks,
 * the store, and on Databricks the SQL alerts kept in step with every change.
 */

export interface AlertsContext {
  config: AppConfig;
  store: LensStore;
  warehouse: Warehouse;
  tables: () => Promise<ResolvedTables>;
  /** The workspace's REST API on Databricks; null on the embedded engine. */
  api: DatabricksApi | null;
  /** The embedded evaluator (records "test now" as the scheduler would); null on Databricks. */
  evaluator: Evaluator | null;
  now: () => Date;
}

/** A refusal with the status the route answers and, for 400, the problems. */
export class AlertsError extends Error {
  constructor(readonly status: 400 | 403 | 404 | 409 | 502 | 503, message: string, readonly problems: Problem[] = []) {
    super(message);
    this.name = 'AlertsError';
  }
}

const MINUTE = 60_000;
/** Most evaluations one replay may run (a week of 5-minute ticks; Databricks pays per statement). */
export const MAX_REPLAY = { duckdb: 2_100, databricks: 300 } as const;

export function newId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${/^[a-z]/.test(slug) ? slug : `r-${slug}`}-${randomBytes(3).toString('hex')}`.replace(/-+/g, '-');
}

const issues = (error: z.ZodError): Problem[] => error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new AlertsError(400, 'Invalid request body', issues(r.error));
  return r.data;
}

function need(viewer: Viewer, capability: 'manage_alerts' | 'manage_budgets') {
  if (!can(viewer, capability)) throw new AlertsError(403, `Your role (${viewer.role}) may not ${capability === 'manage_alerts' ? 'change alert rules' : 'change budgets'}`);
}

/** Rules over a query that shows conversation text (or counts of it) are for roles that may read it. */
const mayRead = (viewer: Viewer, rule: Pick<Rule, 'query'>) => !CATALOGUE[rule.query]?.exposesText || can(viewer, 'conversation_text');

/** A rule's query must be one the viewer may run, with search terms they may search for. */
function checkQueryAccess(viewer: Viewer, rule: Pick<Rule, 'query' | 'params'>) {
  if (!mayRead(viewer, rule)) throw new AlertsError(403, `Your role (${viewer.role}) does not include conversation text`);
  const def = CATALOGUE[rule.query];
  const problems: Problem[] = [];
  for (const [param, termsOf] of Object.entries(def?.searchTerms ?? {})) {
    for (const term of termsOf(rule.params[param])) {
      const shape = personalDataInTerm(term);
      if (shape && !can(viewer, 'reveal_pii')) problems.push({ path: `params.${param}`, message: `"${term}" ${shape}: an alert cannot search for personal data` });
    }
  }
  if (problems.length) throw new AlertsError(403, 'An alert cannot search for personal data', problems);
}

function validateRule(rule: Pick<Rule, 'query' | 'params' | 'window' | 'measure' | 'condition'>) {
  const problems = ruleProblems(rule, CATALOGUE);
  if (problems.length) throw new AlertsError(400, 'The rule does not fit its query', problems);
}

const nowIso = (ctx: AlertsContext) => ctx.now().toISOString();
const fromRecord = <T>(schema: z.ZodType<T>, r: { id: string; owner: string; createdAt: string; updatedAt: string; body: unknown }): T =>
  schema.parse({ ...(r.body as object), id: r.id, owner: r.owner, createdAt: r.createdAt, updatedAt: r.updatedAt });

async function putRecord(ctx: AlertsContext, kind: RecordKind, item: { id: string; owner: string; createdAt: string; updatedAt?: string }) {
  const { id, owner, createdAt, updatedAt, ...body } = item as Record<string, unknown> & typeof item;
  await ctx.store.put({ kind, id, owner, createdAt, updatedAt: updatedAt ?? createdAt, body });
}

// --- Databricks SQL alerts -----------------------------------------------------------------------

async function alertBodyOf(ctx: AlertsContext, rule: Rule) {
  const def = CATALOGUE[rule.query]!;
  const muted = rule.mutedUntil !== null && Date.parse(rule.mutedUntil) > ctx.now().getTime();
  return alertBody({ ...rule, muted }, def, { tables: await ctx.tables(), warehouseId: warehouseIdOf(ctx.config.databricks!.httpPath), parentPath: ctx.config.alerts.parentPath });
}

/** Creates or updates the rule's SQL alert; returns its id (null on the embedded engine). */
async function syncAlert(ctx: AlertsContext, rule: Rule, alertId: string | null): Promise<string | null> {
  if (!ctx.api) return null;
  const body = await alertBodyOf(ctx, rule);
  if (alertId) {
    // parent_path can only be set on create.
    const update: Partial<typeof body> = { ...body };
    delete update.parent_path;
    return (await ctx.api.updateAlert(alertId, update, UPDATE_MASK)).id;
  }
  return (await ctx.api.createAlert(body)).id;
}

async function trashAlert(ctx: AlertsContext, alertId: string | null) {
  if (ctx.api && alertId) await ctx.api.trashAlert(alertId);
}

// --- Rules ----------------------------------------------------------------------------------------

export interface RuleItem {
  rule: Rule;
  summary: string;
  status: AlertStatus | null;
  firings: Firing[];
  /** On Databricks: the SQL alert's own state. */
  workspace: { alertId: string; state: string | null; lastEvaluatedAt: string | null; paused: boolean } | { alertId: string | null; missing: true } | null;
}

function workspaceOf(rule: Rule, alerts: Map<string, AlertV2> | null): RuleItem['workspace'] {
  if (!alerts) return null;
  const a = rule.databricksAlertId ? alerts.get(rule.databricksAlertId) : undefined;
  if (!a) return { alertId: rule.databricksAlertId, missing: true };
  return { alertId: a.id, state: a.evaluation?.state ?? null, lastEvaluatedAt: a.evaluation?.last_evaluated_at ?? null, paused: a.schedule?.pause_status === 'PAUSED' };
}

/** The firings' group values can name people (requesters): masked like every other text. */
const masked = (f: Firing): Firing => ({ ...f, detail: f.detail === null ? null : maskText(f.detail) });

/** Databricks alerts have no timed mute: once a mute has ended, the alert's subscriptions come back. */
async function endMutes(ctx: AlertsContext): Promise<void> {
  if (!ctx.api) return;
  for (const r of (await ctx.store.list('rule')).map((x) => fromRecord(RuleSchema, x))) {
    if (r.mutedUntil === null || Date.parse(r.mutedUntil) > ctx.now().getTime()) continue;
    const next = { ...r, mutedUntil: null };
    await syncAlert(ctx, next, r.databricksAlertId);
    await putRecord(ctx, 'rule', next);
  }
}

export async function listRules(ctx: AlertsContext, viewer: Viewer): Promise<RuleItem[]> {
  await endMutes(ctx);
  const [rules, statuses, firings, alerts] = await Promise.all([
    allRules(ctx.store),
    ctx.store.statuses(),
    ctx.store.firings({ limit: 1000 }),
    ctx.api ? ctx.api.listOwnAlerts().then((l) => new Map(l.map((a) => [a.id, a]))) : Promise.resolve(null),
  ]);
  return rules.filter((r) => mayRead(viewer, r)).map((rule) => ({
    rule,
    summary: describeRule(rule),
    status: statuses.get(rule.id) ?? null,
    firings: firings.filter((f) => f.ruleId === rule.id).slice(0, 50).map(masked),
    workspace: workspaceOf(rule, alerts),
  }));
}

async function findRule(ctx: AlertsContext, viewer: Viewer, id: string): Promise<Rule> {
  if (!RECORD_ID.test(id)) throw new AlertsError(404, `No alert rule "${id.slice(0, 80)}"`);
  const rule = (await allRules(ctx.store)).find((r) => r.id === id);
  if (!rule || !mayRead(viewer, rule)) throw new AlertsError(404, `No alert rule "${id}"`);
  return rule;
}

export async function getRule(ctx: AlertsContext, viewer: Viewer, id: string): Promise<RuleItem & { sql: string }> {
  const rule = await findRule(ctx, viewer, id);
  const [statuses, firings, alert] = await Promise.all([
    ctx.store.statuses(),
    ctx.store.firings({ ruleId: id, limit: 200 }),
    ctx.api && rule.databricksAlertId ? ctx.api.getAlert(rule.databricksAlertId).catch(() => null) : Promise.resolve(null),
  ]);
  const sql = alertStatement(rule, CATALOGUE[rule.query]!, { tables: await ctx.tables() }).sql;
  return {
    rule, summary: describeRule(rule), status: statuses.get(id) ?? null, firings: firings.map(masked),
    workspace: ctx.api ? workspaceOf(rule, alert ? new Map([[alert.id, alert]]) : new Map()) : null, sql,
  };
}

export async function createRule(ctx: AlertsContext, viewer: Viewer, body: unknown, opts: { id?: string } = {}): Promise<Rule> {
  need(viewer, 'manage_alerts');
  const input = parseBody(RuleInputSchema, body);
  checkQueryAccess(viewer, input);
  validateRule(input);
  const at = nowIso(ctx);
  let rule = RuleSchema.parse({ ...input, id: opts.id ?? newId(input.name), owner: viewer.identity, createdAt: at, updatedAt: at });
  await putRecord(ctx, 'rule', rule);
  try {
    const alertId = await syncAlert(ctx, rule, null);
    if (alertId) {
      rule = { ...rule, databricksAlertId: alertId };
      await putRecord(ctx, 'rule', rule);
    }
  } catch (err) {
    await ctx.store.remove('rule', rule.id);
    throw err;
  }
  return rule;
}

/** Every field optional and without its default: a patch changes only what it names. */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  return z.object(Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]))).strict();
}

/** A change: any fields of the rule, or mute (`mutedUntil`), or pause (`paused`). */
export const RulePatchSchema = patchOf(RuleInputSchema).extend({ mutedUntil: z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString()).nullable().optional() }).strict();

export async function updateRule(ctx: AlertsContext, viewer: Viewer, id: string, body: unknown): Promise<Rule> {
  need(viewer, 'manage_alerts');
  const patch = parseBody(RulePatchSchema, body);
  const current = await findRule(ctx, viewer, id);
  if (current.budget) throw new AlertsError(409, `"${current.name}" is evaluated for a budget: change the budget instead`);
  const next = RuleSchema.parse({ ...current, ...patch, updatedAt: nowIso(ctx) });
  checkQueryAccess(viewer, next);
  validateRule(next);
  const alertId = await syncAlert(ctx, next, current.databricksAlertId);
  const saved = { ...next, databricksAlertId: alertId ?? current.databricksAlertId };
  await putRecord(ctx, 'rule', saved);
  return saved;
}

export async function deleteRule(ctx: AlertsContext, viewer: Viewer, id: string): Promise<void> {
  need(viewer, 'manage_alerts');
  const rule = await findRule(ctx, viewer, id);
  if (rule.budget) throw new AlertsError(409, `"${rule.name}" is evaluated for a budget: delete the budget instead`);
  await trashAlert(ctx, rule.databricksAlertId);
  await ctx.store.remove('rule', id);
  await ctx.store.removeHistory([id]);
}

/**
 * "Test now": evaluates the rule at this minute. Embedded, it is recorded as the scheduler would
 * (state, firing, notification); on Databricks the statement runs on the warehouse and nothing is
 * recorded (Databricks keeps the alert's state).
 */
export async function testRule(ctx: AlertsContext, viewer: Viewer, id: string): Promise<{ evaluation: Evaluation; recorded: boolean }> {
  need(viewer, 'manage_alerts');
  const rule = await findRule(ctx, viewer, id);
  const at = new Date(Math.floor(ctx.now().getTime() / MINUTE) * MINUTE);
  if (ctx.evaluator) return { evaluation: redact((await ctx.evaluator.evaluateAndRecord(rule, at, 'test')).evaluation), recorded: true };
  return { evaluation: redact(await evaluateRule(rule, at, { warehouse: ctx.warehouse, tables: await ctx.tables() })), recorded: false };
}

const redact = (e: Evaluation): Evaluation => ({ ...e, groups: e.groups.map((g) => ({ ...g, group: maskText(g.group) })) });

export const ReplaySchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  notify: z.boolean().default(false),
}).strict().refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from must be before to', path: ['from'] });

/** Evaluates a rule at every scheduled instant of a past period and keeps its firings (source `replay`). */
export async function replayRule(ctx: AlertsContext, viewer: Viewer, id: string, body: unknown) {
  need(viewer, 'manage_alerts');
  const req = parseBody(ReplaySchema, body);
  const rule = await findRule(ctx, viewer, id);
  const from = new Date(req.from);
  const to = new Date(Math.min(Date.parse(req.to), ctx.now().getTime()));
  const count = ticks(rule.everyMinutes, from, to).length;
  const max = MAX_REPLAY[ctx.config.engine];
  if (count > max) throw new AlertsError(400, 'The period is too long', [{ path: 'from', message: `${count} evaluations at every ${rule.everyMinutes} minutes; at most ${max}: shorten the period` }]);
  if (!ctx.evaluator && !ctx.api) throw new AlertsError(503, 'No evaluator');
  const { Evaluator: E, webhookNotifier } = await import('./evaluator');
  const evaluator = ctx.evaluator ?? new E({ store: ctx.store, warehouse: ctx.warehouse, tables: ctx.tables, notify: webhookNotifier([]), rules: async () => [] });
  const result = await evaluator.replay(rule, from, to, { notify: req.notify });
  return { ...result, firings: result.firings.map(masked), from: from.toISOString(), to: to.toISOString() };
}

/** The rule as the editor has it, not saved: its problems, its SQL for Databricks, and its value now. */
export async function previewRule(ctx: AlertsContext, viewer: Viewer, body: unknown, opts: { evaluate: boolean }) {
  const input = parseBody(RuleInputSchema, body);
  checkQueryAccess(viewer, input);
  const problems = ruleProblems(input, CATALOGUE);
  if (problems.length) return { problems, sql: null, evaluation: null };
  const tables = await ctx.tables();
  const sql = alertStatement(input, CATALOGUE[input.query]!, { tables }).sql;
  if (!opts.evaluate) return { problems, sql, evaluation: null };
  const rule = RuleSchema.parse({ ...input, id: 'rule-preview', owner: viewer.identity, createdAt: nowIso(ctx), updatedAt: nowIso(ctx) });
  const at = new Date(Math.floor(ctx.now().getTime() / MINUTE) * MINUTE);
  const evaluation = redact(await evaluateRule(rule, at, { warehouse: ctx.warehouse, tables }));
  return { problems, sql, evaluation: { ...evaluation, sql: undefined } };
}

// --- Budgets --------------------------------------------------------------------------------------

async function findBudget(ctx: AlertsContext, id: string): Promise<Budget> {
  const r = RECORD_ID.test(id) ? await ctx.store.get('budget', id) : null;
  if (!r) throw new AlertsError(404, `No budget "${id.slice(0, 80)}"`);
  return fromRecord(BudgetSchema, r);
}

export async function listBudgets(ctx: AlertsContext): Promise<Budget[]> {
  return (await ctx.store.list('budget')).map((r) => fromRecord(BudgetSchema, r));
}

async function syncBudget(ctx: AlertsContext, b: Budget): Promise<Budget> {
  if (!ctx.api) return b;
  const ids: Record<string, string> = { ...b.databricksAlertIds };
  for (const level of BUDGET_LEVELS) {
    const rule = RuleSchema.parse({ ...budgetRule(b, level), owner: b.owner, createdAt: b.createdAt, updatedAt: b.updatedAt, budget: { id: b.id, level } });
    ids[level] = (await syncAlert(ctx, rule, ids[level] ?? null))!;
  }
  return { ...b, databricksAlertIds: ids };
}

export async function createBudget(ctx: AlertsContext, viewer: Viewer, body: unknown, opts: { id?: string } = {}): Promise<Budget> {
  need(viewer, 'manage_budgets');
  const input = parseBody(BudgetInputSchema, body);
  const at = nowIso(ctx);
  let budget = BudgetSchema.parse({ ...input, id: opts.id ?? newId(input.name), owner: viewer.identity, createdAt: at, updatedAt: at });
  await putRecord(ctx, 'budget', budget);
  try {
    budget = await syncBudget(ctx, budget);
    await putRecord(ctx, 'budget', budget);
  } catch (err) {
    await ctx.store.remove('budget', budget.id);
    throw err;
  }
  return budget;
}

export async function updateBudget(ctx: AlertsContext, viewer: Viewer, id: string, body: unknown): Promise<Budget> {
  need(viewer, 'manage_budgets');
  const patch = parseBody(patchOf(BudgetInputSchema), body);
  const current = await findBudget(ctx, id);
  const next = await syncBudget(ctx, BudgetSchema.parse({ ...current, ...patch, updatedAt: nowIso(ctx) }));
  await putRecord(ctx, 'budget', next);
  return next;
}

export async function deleteBudget(ctx: AlertsContext, viewer: Viewer, id: string): Promise<void> {
  need(viewer, 'manage_budgets');
  const b = await findBudget(ctx, id);
  for (const alertId of Object.values(b.databricksAlertIds)) await trashAlert(ctx, alertId);
  await ctx.store.remove('budget', id);
  await ctx.store.removeHistory(BUDGET_LEVELS.map((l: BudgetLevel) => `${id}-${l}`));
}

// --- Saved views ----------------------------------------------------------------------------------

export async function listViews(ctx: AlertsContext): Promise<SavedView[]> {
  return (await ctx.store.list('view')).map((r) => ViewSchema.parse({ ...(r.body as object), id: r.id, owner: r.owner, createdAt: r.createdAt }));
}

export async function getView(ctx: AlertsContext, id: string): Promise<SavedView> {
  const r = RECORD_ID.test(id) ? await ctx.store.get('view', id) : null;
  if (!r) throw new AlertsError(404, `No saved view "${id.slice(0, 80)}"`);
  return ViewSchema.parse({ ...(r.body as object), id: r.id, owner: r.owner, createdAt: r.createdAt });
}

export async function createView(ctx: AlertsContext, viewer: Viewer, body: unknown, opts: { id?: string } = {}): Promise<SavedView> {
  const input = parseBody(ViewInputSchema, body);
  const view = ViewSchema.parse({ ...input, id: opts.id ?? newId(input.name), owner: viewer.identity, createdAt: nowIso(ctx) });
  await putRecord(ctx, 'view', view);
  return view;
}

/** Anyone may save a view; only its owner (or an admin) may delete it. */
export async function deleteView(ctx: AlertsContext, viewer: Viewer, id: string): Promise<void> {
  const view = await getView(ctx, id);
  if (view.owner !== viewer.identity && viewer.role !== 'admin') throw new AlertsError(403, `Only ${view.owner} (or an admin) may delete this view`);
  await ctx.store.remove('view', id);
}

// --- Export and import ----------------------------------------------------------------------------

export async function exportBundle(ctx: AlertsContext, viewer: Viewer): Promise<Bundle> {
  const rules = (await ctx.store.list('rule')).map((r) => fromRecord(RuleSchema, r)).filter((r) => mayRead(viewer, r));
  const strip = <T extends object>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  return BundleSchema.parse({
    kind: 'gateway-lens/alerts',
    version: 1,
    exportedAt: nowIso(ctx),
    rules: rules.map((r) => strip(r, ['owner', 'createdAt', 'updatedAt', 'mutedUntil', 'databricksAlertId', 'budget'])),
    budgets: (await listBudgets(ctx)).map((b) => strip(b, ['owner', 'createdAt', 'updatedAt', 'databricksAlertIds'])),
    views: (await listViews(ctx)).map((v) => strip(v, ['owner', 'createdAt'])),
  });
}

/** Imports a bundle: every item is checked first; nothing is written unless all of it is valid. Ids kept update. */
export async function importBundle(ctx: AlertsContext, viewer: Viewer, body: unknown) {
  const bundle = parseBody(BundleSchema, body);
  if (bundle.rules.length) need(viewer, 'manage_alerts');
  if (bundle.budgets.length) need(viewer, 'manage_budgets');
  const problems: Problem[] = [];
  bundle.rules.forEach((r, i) => {
    try {
      checkQueryAccess(viewer, r);
    } catch (err) {
      problems.push({ path: `rules.${i}`, message: (err as Error).message });
    }
    for (const p of ruleProblems(r, CATALOGUE)) problems.push({ path: `rules.${i}.${p.path}`, message: p.message });
  });
  if (problems.length) throw new AlertsError(400, 'The bundle has rules that do not fit their queries', problems);
  const counts = { rules: 0, budgets: 0, views: 0 };
  const existing = new Map((await ctx.store.list('rule')).map((r) => [r.id, r]));
  for (const { id, ...r } of bundle.rules) {
    if (id && existing.has(id)) await updateRule(ctx, viewer, id, r);
    else await createRule(ctx, viewer, r, { id });
    counts.rules++;
  }
  const budgets = new Set((await ctx.store.list('budget')).map((r) => r.id));
  for (const { id, ...b } of bundle.budgets) {
    if (id && budgets.has(id)) await updateBudget(ctx, viewer, id, b);
    else await createBudget(ctx, viewer, b, { id });
    counts.budgets++;
  }
  for (const { id, ...v } of bundle.views) {
    await createView(ctx, viewer, v, { id });
    counts.views++;
  }
  return counts;
}

// --- Destinations ---------------------------------------------------------------------------------

/** Where notifications can go: the workspace's notification destinations, or the configured webhooks (names only). */
export async function listDestinations(ctx: AlertsContext): Promise<{ id: string; name: string; type: string }[]> {
  if (ctx.api) return ctx.api.listDestinations();
  return ctx.config.alerts.webhooks.map((w) => ({ id: w.name, name: w.name, type: 'WEBHOOK' }));
}
