import { z } from 'zod';

/**
 * The Databricks SQL Alerts V2 and notification-destination objects, field by field as the
 * Databricks REST API reference documents them (workspace API "Alerts V2": create / get / list /
 * update with update_mask / trash, and "Notification destinations": list), cross-checked with the
 * models the Databricks SDK for Java generates from the same OpenAPI specification
 * (com.databricks.sdk.service.sql: AlertV2, AlertV2Evaluation, AlertV2OperandColumn, AlertV2Operand,
 * AlertV2OperandValue, AlertV2Notification, AlertV2Subscription, AlertV2RunAs, CronSchedule,
 * Aggregation, ComparisonOperator, AlertEvaluationState, UpdateAlertV2Request, ListAlertsV2Response).
 * Request bodies are `.strict()`: a field the reference does not list fails the tests.
 */

export const AGGREGATION = ['SUM', 'COUNT', 'COUNT_DISTINCT', 'AVG', 'MEDIAN', 'MIN', 'MAX', 'STDDEV'] as const;
export const COMPARISON_OPERATOR = ['GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'EQUAL', 'NOT_EQUAL', 'IS_NULL', 'IS_NOT_NULL'] as const;
export const EVALUATION_STATE = ['UNKNOWN', 'OK', 'TRIGGERED', 'ERROR'] as const;
export const PAUSE_STATUS = ['PAUSED', 'UNPAUSED'] as const;
export const DESTINATION_TYPE = ['EMAIL', 'SLACK', 'WEBHOOK', 'MICROSOFT_TEAMS', 'PAGERDUTY'] as const;

const OperandColumn = z.object({ name: z.string().min(1), display: z.string().optional(), aggregation: z.enum(AGGREGATION).optional() }).strict();
const OperandValue = z.object({ double_value: z.number().optional(), string_value: z.string().optional(), bool_value: z.boolean().optional() }).strict()
  .refine((v) => Object.keys(v).length === 1, { message: 'exactly one of double_value, string_value, bool_value' });
const Operand = z.object({ column: OperandColumn.optional(), value: OperandValue.optional() }).strict()
  .refine((o) => (o.column === undefined) !== (o.value === undefined), { message: 'exactly one of column, value' });
const Subscription = z.object({ destination_id: z.string().min(1).optional(), user_email: z.email().optional() }).strict()
  .refine((s) => (s.destination_id === undefined) !== (s.user_email === undefined), { message: 'exactly one of destination_id, user_email' });

export const AlertV2EvaluationBody = z.object({
  source: OperandColumn,
  comparison_operator: z.enum(COMPARISON_OPERATOR),
  threshold: Operand.optional(),
  empty_result_state: z.enum(EVALUATION_STATE).optional(),
  notification: z.object({
    subscriptions: z.array(Subscription).optional(),
    notify_on_ok: z.boolean().optional(),
    retrigger_seconds: z.number().int().nonnegative().optional(),
  }).strict().optional(),
}).strict();

export const CronScheduleBody = z.object({
  /** Quartz syntax: seconds minutes hours day-of-month month day-of-week. */
  quartz_cron_schedule: z.string().regex(/^\S+ \S+ \S+ \S+ \S+ \S+( \S+)?$/, 'a quartz cron expression has six or seven fields'),
  timezone_id: z.string().min(1),
  pause_status: z.enum(PAUSE_STATUS).optional(),
}).strict();

/** POST /api/2.0/alerts: the alert itself is the body (no wrapper object). */
export const CreateAlertV2Body = z.object({
  display_name: z.string().min(1),
  query_text: z.string().min(1),
  warehouse_id: z.string().min(1),
  evaluation: AlertV2EvaluationBody,
  schedule: CronScheduleBody,
  parent_path: z.string().startsWith('/').optional(),
  custom_summary: z.string().optional(),
  custom_description: z.string().optional(),
  run_as: z.object({ service_principal_name: z.string().optional(), user_name: z.string().optional() }).strict().optional(),
}).strict();

/**
 * PATCH /api/2.0/alerts/{id}?update_mask=a,b.c: the fields named in the mask, from the same object.
 * `parent_path` can only be set on create.
 */
export const UpdateAlertV2Body = CreateAlertV2Body.omit({ parent_path: true }).partial().strict();

/** An alert as GET / list return it (output-only fields included; unknown fields kept). */
export const AlertV2 = z.object({
  id: z.string(),
  display_name: z.string().optional(),
  query_text: z.string().optional(),
  warehouse_id: z.string().optional(),
  custom_summary: z.string().optional(),
  custom_description: z.string().optional(),
  owner_user_name: z.string().optional(),
  create_time: z.string().optional(),
  update_time: z.string().optional(),
  lifecycle_state: z.string().optional(),
  evaluation: z.object({
    state: z.enum(EVALUATION_STATE).optional(),
    last_evaluated_at: z.string().optional(),
  }).loose().optional(),
  schedule: z.object({ quartz_cron_schedule: z.string().optional(), timezone_id: z.string().optional(), pause_status: z.enum(PAUSE_STATUS).optional() }).loose().optional(),
}).loose();
export type AlertV2 = z.infer<typeof AlertV2>;

/** GET /api/2.0/alerts?page_size=&page_token= */
export const ListAlertsV2Response = z.object({ results: z.array(AlertV2).optional(), next_page_token: z.string().optional() }).loose();

/** GET /api/2.0/notification-destinations: ids, names and types only (configs are admin-only, secrets never returned). */
export const ListNotificationDestinationsResponse = z.object({
  results: z.array(z.object({ id: z.string(), display_name: z.string().optional(), destination_type: z.string().optional() }).loose()).optional(),
  next_page_token: z.string().optional(),
}).loose();
