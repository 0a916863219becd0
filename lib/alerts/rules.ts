import 'server-only';
import { z } from 'zod';
import type { AnyQuery } from '@/lib/catalogue/define';
import { RelativeWindowSchema, alertableWindows, describeWindow, parseAlertInput, type RelativeWindow } from '@/lib/catalogue/unattended';
import { CONTEXT_KEY } from '@/lib/finance/dimensions';
import { ENDPOINT_NAME } from '@/lib/identifiers';

/**
 * Alert rules, budgets and saved views as data: validated with zod, stored as JSON, exported and
 * imported as one bundle. A rule names a catalogue query, its page filters, a relative window, a
 * measure over the query's rows and a condition; the same rule becomes a Databricks SQL alert or
 * runs in the embedded evaluator (lib/alerts/statement.ts writes its SQL for both).
 */

/** One line of text a person typed: no control characters (it ends up in SQL comments and chat messages). */
const label = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).regex(/^[^\u0000-\u001f\u007f]+$/, 'must be one line of text');
const column = z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'expected a column name of the query');
export const RECORD_ID = /^[a-z][a-z0-9-]{2,63}$/;
/** Names of the routes beside /api/alerts/<id>, never an id. */
const RESERVED = ['preview', 'catalogue', 'destinations', 'export', 'import'];
const recordId = z.string().regex(RECORD_ID, 'expected an id of lowercase letters, digits and -').refine((id) => !RESERVED.includes(id), { message: 'this id is reserved' });

import { AGGREGATIONS, EVERY_MINUTES, OPERATORS, PAGE_PATHS } from './constants';

export { AGGREGATIONS, EVERY_MINUTES, OPERATORS, PAGE_PATHS, type Aggregation, type Operator } from './constants';

export const MeasureSchema = z.object({
  /** A numeric column of the query's rows (a timestamp column with AGE_MINUTES). */
  column,
  aggregation: z.enum(AGGREGATIONS).default('MAX'),
  /** A ratio: the aggregate of `column` divided by the aggregate of this column (errors per request). */
  per: column.optional(),
  /** Only rows whose text columns hold these values (period = current, series = …). */
  where: z.record(column, z.string().max(256)).default({}),
  /** One value per group, e.g. spend per end user; the alert fires when any group crosses. */
  groupBy: column.optional(),
  /** Too few to judge: below this sum of a column (sampled_rows, requests) the result counts as empty. */
  atLeast: z.object({ column, min: z.number().nonnegative().finite() }).strict().optional(),
}).strict();
export type Measure = z.infer<typeof MeasureSchema>;

export const ConditionSchema = z.object({
  op: z.enum(OPERATORS),
  /** A fixed threshold, in the measure's unit (ms, a fraction, the price book's currency…). */
  threshold: z.number().finite().nullable().default(null),
  /** The same window a day or a week earlier, times a factor; with a threshold both must be crossed. */
  baseline: z.object({ shift: z.enum(['day', 'week']), factor: z.number().positive().max(1000) }).strict().nullable().default(null),
}).strict().refine((c) => c.threshold !== null || c.baseline !== null, { message: 'give a threshold, a baseline, or both' });
export type Condition = z.infer<typeof ConditionSchema>;

export const NotifySchema = z.object({
  /** Databricks notification destination ids, or names of the webhooks in ALERT_WEBHOOKS (embedded). */
  destinations: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, 'expected a destination id')).max(10).default([]),
  /** Workspace users notified by e-mail (Databricks alerts only). */
  emails: z.array(z.email()).max(20).default([]),
  notifyOnOk: z.boolean().default(true),
  /** While still triggered, notify again after this many minutes; 0: once per firing. */
  retriggerMinutes: z.number().int().min(0).max(10_080).default(0),
}).strict();
export type Notify = z.infer<typeof NotifySchema>;

/** Where the rule's numbers are seen: the page and its URL state, for links back to a moment. */
export const PageSchema = z.object({
  path: z.enum(PAGE_PATHS),
  search: z.string().max(2000).regex(/^[^\u0000-\u001f\u007f#]*$/, 'expected a query string').default(''),
}).strict();

/** What a person gives when creating or editing a rule. */
export const RuleInputSchema = z.object({
  name: label(120),
  query: z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a catalogue query id'),
  /** The query's parameters as a page sends them (strings), without range/from/to. */
  params: z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/), z.string().max(1000)).default({}),
  window: RelativeWindowSchema,
  measure: MeasureSchema,
  condition: ConditionSchema,
  /** The state when the query returns no rows: freshness alerts want `triggered`. */
  emptyResult: z.enum(['ok', 'triggered', 'no_data']).default('no_data'),
  everyMinutes: z.number().int().refine((v) => (EVERY_MINUTES as readonly number[]).includes(v), { message: `expected one of ${EVERY_MINUTES.join(', ')} minutes` }).default(5),
  notify: NotifySchema.default({ destinations: [], emails: [], notifyOnOk: true, retriggerMinutes: 0 }),
  page: PageSchema.default({ path: '/ops', search: '' }),
  paused: z.boolean().default(false),
}).strict();
export type RuleInput = z.infer<typeof RuleInputSchema>;

const stamps = {
  owner: z.string().max(320),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** A stored rule: the input plus who made it, when, mute, and (on Databricks) its SQL alert. */
export const RuleSchema = RuleInputSchema.extend({
  id: recordId,
  ...stamps,
  /** Evaluated, but no notifications until then. */
  mutedUntil: z.iso.datetime().nullable().default(null),
  databricksAlertId: z.string().max(100).nullable().default(null),
  /** Rules a budget derives: which budget and level. */
  budget: z.object({ id: recordId, level: z.enum(['warning', 'exceeded']) }).nullable().default(null),
});
export type Rule = z.infer<typeof RuleSchema>;

export const BudgetInputSchema = z.object({
  name: label(120),
  /** Spend of one endpoint, one value of a usage_context key (or each value), or one requester. */
  scope: z.discriminatedUnion('dimension', [
    z.object({ dimension: z.literal('endpoint'), value: z.string().regex(ENDPOINT_NAME, 'expected an endpoint name') }).strict(),
    z.object({ dimension: z.literal('context'), key: z.string().regex(CONTEXT_KEY, 'expected a usage_context key'), value: z.string().min(1).max(256).nullable() }).strict(),
    z.object({ dimension: z.literal('requester'), value: z.string().min(1).max(320) }).strict(),
  ]),
  period: z.enum(['month', 'day']),
  /** In the price book's currency. */
  limit: z.number().positive().finite(),
  warningPercent: z.number().int().min(1).max(100).default(80),
  notify: NotifySchema.default({ destinations: [], emails: [], notifyOnOk: true, retriggerMinutes: 0 }),
  paused: z.boolean().default(false),
}).strict();
export type BudgetInput = z.infer<typeof BudgetInputSchema>;
export const BudgetSchema = BudgetInputSchema.extend({ id: recordId, ...stamps, databricksAlertIds: z.record(z.string(), z.string()).default({}) });
export type Budget = z.infer<typeof BudgetSchema>;

export const ViewInputSchema = z.object({
  name: label(120),
  path: z.string().refine((p) => (PAGE_PATHS as readonly string[]).includes(p) || /^\/inspector\/[A-Za-z0-9._:-]{1,128}$/.test(p), { message: `expected a page: ${PAGE_PATHS.join(', ')} or /inspector/<request id>` }),
  search: PageSchema.shape.search,
}).strict();
export type ViewInput = z.infer<typeof ViewInputSchema>;
export const ViewSchema = ViewInputSchema.extend({ id: recordId, owner: stamps.owner, createdAt: stamps.createdAt });
export type SavedView = z.infer<typeof ViewSchema>;

/** Everything an export holds; an import takes the same shape (ids kept, so a re-import updates). */
export const BundleSchema = z.object({
  kind: z.literal('gateway-lens/alerts'),
  version: z.literal(1),
  exportedAt: z.iso.datetime().optional(),
  rules: z.array(RuleInputSchema.extend({ id: recordId.optional() })).max(500).default([]),
  budgets: z.array(BudgetInputSchema.extend({ id: recordId.optional() })).max(500).default([]),
  views: z.array(ViewInputSchema.extend({ id: recordId.optional() })).max(2000).default([]),
}).strict();
export type Bundle = z.infer<typeof BundleSchema>;

export type ColumnKind = 'number' | 'text' | 'timestamp' | 'other';

/** The columns of a query's rows and what they hold, read off its row schema. */
export function rowColumns(def: AnyQuery): { name: string; kind: ColumnKind }[] {
  return Object.entries(def.row.shape).map(([name, schema]) => {
    let t = schema as unknown as { _zod: { def: { type: string; format?: string; innerType?: unknown } } };
    while (['nullable', 'optional', 'default'].includes(t._zod.def.type)) t = t._zod.def.innerType as typeof t;
    const type = t._zod.def.type;
    const kind: ColumnKind = type === 'number' ? 'number' : type === 'string' && t._zod.def.format === 'datetime' ? 'timestamp' : type === 'string' || type === 'enum' ? 'text' : 'other';
    return { name, kind };
  });
}

export type Problem = { path: string; message: string };

/** What the catalogue says about a rule: the query exists, its filters validate, the measure fits its rows, the window works. */
export function ruleProblems(rule: Pick<RuleInput, 'query' | 'params' | 'window' | 'measure' | 'condition'>, catalogue: Record<string, AnyQuery>): Problem[] {
  const def = Object.hasOwn(catalogue, rule.query) ? catalogue[rule.query] : undefined;
  if (!def) return [{ path: 'query', message: `unknown catalogue query "${rule.query}"` }];
  const problems: Problem[] = [];
  try {
    parseAlertInput(def, rule.params);
  } catch (err) {
    return [{ path: 'params', message: (err as Error).message }];
  }
  const kinds = new Map(rowColumns(def).map((c) => [c.name, c.kind]));
  const m = rule.measure;
  const want = (path: string, name: string | undefined, kind: ColumnKind[], what: string) => {
    if (name !== undefined && !kind.includes(kinds.get(name) ?? 'other')) problems.push({ path, message: `${def.id} has no ${what} column "${name}" (${[...kinds].filter(([, k]) => kind.includes(k)).map(([n]) => n).join(', ') || 'none'})` });
  };
  want('measure.column', m.column, m.aggregation === 'AGE_MINUTES' ? ['timestamp'] : m.aggregation === 'COUNT' ? ['number', 'text', 'timestamp'] : ['number'], m.aggregation === 'AGE_MINUTES' ? 'timestamp' : 'numeric');
  want('measure.per', m.per, ['number'], 'numeric');
  if (m.per && m.aggregation === 'AGE_MINUTES') problems.push({ path: 'measure.per', message: 'an age is not a ratio' });
  for (const k of Object.keys(m.where)) want(`measure.where.${k}`, k, ['text'], 'text');
  want('measure.groupBy', m.groupBy, ['text'], 'text');
  want('measure.atLeast.column', m.atLeast?.column, ['number'], 'numeric');
  if (m.groupBy && rule.condition.baseline) problems.push({ path: 'condition.baseline', message: 'a baseline compares one value: drop the group or the baseline' });
  const [w] = alertableWindows(def, rule.params, [rule.window]);
  if (!w!.ok) problems.push({ path: 'window', message: w!.reason! });
  return problems;
}

/** A short sentence for lists and notifications: "p95_ms (MAX) > 8000 over the last 5 minutes". */
export function describeRule(rule: Pick<RuleInput, 'measure' | 'condition' | 'window'>): string {
  const m = rule.measure;
  const what = m.aggregation === 'AGE_MINUTES' ? `minutes since the newest ${m.column}` : m.per ? `${m.aggregation.toLowerCase()}(${m.column}) / ${m.aggregation.toLowerCase()}(${m.per})` : `${m.aggregation.toLowerCase()}(${m.column})`;
  const where = Object.entries(m.where).map(([k, v]) => `${k} = ${v}`).join(', ');
  const c = rule.condition;
  const against = [c.threshold !== null ? String(c.threshold) : null, c.baseline ? `${c.baseline.factor} × the same window a ${c.baseline.shift} earlier` : null].filter(Boolean).join(' and ');
  const enough = m.atLeast ? ` (with at least ${m.atLeast.min} ${m.atLeast.column})` : '';
  return `${what}${m.groupBy ? ` per ${m.groupBy}` : ''}${where ? ` where ${where}` : ''} ${c.op} ${against} over ${describeWindow(rule.window)}${enough}`;
}

export type { RelativeWindow };
