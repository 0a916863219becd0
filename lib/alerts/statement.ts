import 'server-only';
import type { AnyQuery } from '@/lib/catalogue/define';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { NOW_SQL, NotAlertable, describeWindow, renderUnattended, shiftSql, sqlLiteral } from '@/lib/catalogue/unattended';
import { describeRule, type Measure, type Operator, type RuleInput } from './rules';

/** The columns an alert's statement returns; the Databricks alert and the embedded evaluator read them. */
export const VALUE_COLUMN = 'alert_value';
export const THRESHOLD_COLUMN = 'alert_threshold';
export const GROUP_COLUMN = 'alert_group';

const SHIFT_MS = { day: 86_400_000, week: 7 * 86_400_000 } as const;

export interface AlertStatement {
  sql: string;
  /** Whether the result has one row per group (aggregate with MAX / MIN across them). */
  grouped: boolean;
  /** Whether the threshold is a column of the result (a baseline) rather than a fixed value. */
  thresholdColumn: boolean;
}

export type RuleCore = Pick<RuleInput, 'name' | 'query' | 'params' | 'window' | 'measure' | 'condition'>;

/** Which way "worse" is: above a threshold the largest value counts, below it the smallest. */
export const worstOf = (op: Operator): 'MAX' | 'MIN' => (op === '>' || op === '>=' ? 'MAX' : 'MIN');

function valueSql(m: Measure, alias: string, now: string): string {
  const col = `${alias}.${m.column}`;
  const agg = (c: string) => (m.aggregation === 'COUNT' ? `count(${c})` : `${m.aggregation.toLowerCase()}(${c})`);
  if (m.aggregation === 'AGE_MINUTES') return `(unix_timestamp(${now}) - unix_timestamp(max(${col}))) / 60.0`;
  if (m.per) return `CAST(${agg(col)} AS DOUBLE) / nullif(${agg(`${alias}.${m.per}`)}, 0)`;
  return `CAST(${agg(col)} AS DOUBLE)`;
}

const whereSql = (m: Measure, alias: string) => {
  const conditions = Object.entries(m.where).map(([k, v]) => `${alias}.${k} = ${sqlLiteral(v)}`);
  return conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
};

/** Only results with enough rows behind them: none at all is an empty result, so is too few. */
const havingSql = (m: Measure, alias: string) => `HAVING count(*) > 0${m.atLeast ? ` AND sum(${alias}.${m.atLeast.column}) >= ${sqlLiteral(m.atLeast.min)}` : ''}`;

const indent = (text: string) => text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');

/**
 * The rule's statement: the chart's own catalogue SQL (queries/<id>.sql, filters and window
 * inlined) as a CTE, and one SELECT that reduces its rows to `alert_value` — one row, none when
 * the window has no rows (the alert's "empty result" state), or one row per group. A baseline adds
 * the same statement a day or a week earlier and returns `alert_threshold` beside the value.
 * `now` is NOW_SQL for Databricks or an instant for the embedded evaluator; nothing else differs.
 */
export function alertStatement(rule: RuleCore, def: AnyQuery, opts: { tables: ResolvedTables; now?: string; header?: string }): AlertStatement {
  const now = opts.now ?? NOW_SQL;
  const m = rule.measure;
  const c = rule.condition;
  const current = renderUnattended(def, rule.params, rule.window, { tables: opts.tables, now });
  const head = [
    `-- Gateway Lens alert "${rule.name}"${opts.header ? ` (${opts.header})` : ''}`,
    `-- ${describeRule(rule)}`,
    `-- lens_current: queries/${def.id}.sql over ${describeWindow(rule.window)}, the page's filters written in`,
  ];
  const ctes = [`lens_current AS (\n${indent(current.sql)}\n)`];
  let select: string;
  if (m.groupBy) {
    if (c.baseline) throw new NotAlertable('a baseline compares one value: drop the group or the baseline');
    select = `SELECT\n  c.${m.groupBy} AS ${GROUP_COLUMN},\n  ${valueSql(m, 'c', now)} AS ${VALUE_COLUMN}\nFROM lens_current c${whereSql(m, 'c')}\nGROUP BY c.${m.groupBy}\n${havingSql(m, 'c')}\nORDER BY ${VALUE_COLUMN} ${worstOf(c.op) === 'MAX' ? 'DESC' : 'ASC'}`;
  } else if (c.baseline) {
    const shifted = shiftSql(now, -SHIFT_MS[c.baseline.shift]);
    const baseline = renderUnattended(def, rule.params, rule.window, { tables: opts.tables, now: shifted });
    head.push(`-- lens_baseline: the same, a ${c.baseline.shift} earlier`);
    ctes.push(`lens_baseline AS (\n${indent(baseline.sql)}\n)`);
    const scaled = `base.${VALUE_COLUMN} * ${sqlLiteral(c.baseline.factor)}`;
    const threshold = c.threshold === null ? scaled : `${worstOf(c.op) === 'MAX' ? 'greatest' : 'least'}(${sqlLiteral(c.threshold)}, ${scaled})`;
    select = [
      `SELECT cur.${VALUE_COLUMN}, ${threshold} AS ${THRESHOLD_COLUMN}`,
      `FROM (SELECT ${valueSql(m, 'c', now)} AS ${VALUE_COLUMN} FROM lens_current c${whereSql(m, 'c').replace('\n', ' ')} ${havingSql(m, 'c')}) cur`,
      `CROSS JOIN (SELECT ${valueSql(m, 'b', shifted)} AS ${VALUE_COLUMN} FROM lens_baseline b${whereSql(m, 'b').replace('\n', ' ')}) base`,
    ].join('\n');
  } else {
    select = `SELECT ${valueSql(m, 'c', now)} AS ${VALUE_COLUMN}\nFROM lens_current c${whereSql(m, 'c')}\n${havingSql(m, 'c')}`;
  }
  return { sql: `${head.join('\n')}\nWITH\n${ctes.join(',\n')}\n${select}`, grouped: Boolean(m.groupBy), thresholdColumn: Boolean(c.baseline) };
}

export interface Outcome {
  state: 'ok' | 'triggered' | 'no_data';
  value: number | null;
  threshold: number | null;
  /** Groups that cross the threshold, worst first (grouped rules). */
  groups: { group: string; value: number }[];
}

export function crosses(value: number, op: Operator, threshold: number): boolean {
  return op === '>' ? value > threshold : op === '>=' ? value >= threshold : op === '<' ? value < threshold : value <= threshold;
}

/**
 * Reads the statement's rows as Databricks reads them: the value column aggregated (MAX or MIN
 * across groups, the single row otherwise) against the fixed threshold or the threshold column.
 */
export function readOutcome(rows: Record<string, unknown>[], rule: Pick<RuleInput, 'condition' | 'emptyResult'>, statement: Pick<AlertStatement, 'grouped' | 'thresholdColumn'>): Outcome {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  const values = rows.map((r) => ({ group: r[GROUP_COLUMN] == null ? '' : String(r[GROUP_COLUMN]), value: num(r[VALUE_COLUMN]) }));
  const present = values.filter((v): v is { group: string; value: number } => v.value !== null);
  const empty = (): Outcome => ({ state: rule.emptyResult === 'ok' ? 'ok' : rule.emptyResult === 'triggered' ? 'triggered' : 'no_data', value: null, threshold: rule.condition.threshold, groups: [] });
  if (present.length === 0) return empty();
  const op = rule.condition.op;
  const threshold = statement.thresholdColumn ? num(rows[0]![THRESHOLD_COLUMN]) : rule.condition.threshold;
  const worst = present.reduce((a, b) => ((worstOf(op) === 'MAX' ? b.value > a.value : b.value < a.value) ? b : a));
  // No threshold (a baseline window without rows): nothing to compare with.
  if (threshold === null) return { state: 'no_data', value: worst.value, threshold: null, groups: [] };
  const groups = statement.grouped ? present.filter((g) => crosses(g.value, op, threshold)).sort((a, b) => (worstOf(op) === 'MAX' ? b.value - a.value : a.value - b.value)) : [];
  return { state: crosses(worst.value, op, threshold) ? 'triggered' : 'ok', value: worst.value, threshold, groups };
}
