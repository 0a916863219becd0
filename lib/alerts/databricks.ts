import 'server-only';
import { z } from 'zod';
import type { AppConfig } from '@/lib/config';
import type { AnyQuery } from '@/lib/catalogue/define';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { NOW_SQL } from '@/lib/catalogue/unattended';
import {
  AlertV2, CreateAlertV2Body, ListAlertsV2Response, ListNotificationDestinationsResponse, UpdateAlertV2Body,
} from './databricks-schema';
import { describeRule, type Operator, type RuleInput } from './rules';
import { GROUP_COLUMN, THRESHOLD_COLUMN, VALUE_COLUMN, alertStatement, worstOf } from './statement';

/**
 * Rules as Databricks SQL alerts (Alerts V2 REST API), created, read, changed, paused and trashed
 * as the app's own identity (its service principal through OAuth M2M, or a token). Every alert the
 * app makes is tagged: its name starts with DISPLAY_PREFIX and its description carries the rule id
 * after TAG, so the app lists only its own. No scheduler runs here: Databricks evaluates them.
 */

export const DISPLAY_PREFIX = '[Gateway Lens] ';
export const TAG = 'gateway-lens:rule=';

const OPERATOR: Record<Operator, z.infer<typeof CreateAlertV2Body>['evaluation']['comparison_operator']> = {
  '>': 'GREATER_THAN', '>=': 'GREATER_THAN_OR_EQUAL', '<': 'LESS_THAN', '<=': 'LESS_THAN_OR_EQUAL',
};
const EMPTY: Record<RuleInput['emptyResult'], 'OK' | 'TRIGGERED' | 'UNKNOWN'> = { ok: 'OK', triggered: 'TRIGGERED', no_data: 'UNKNOWN' };

/** Every N minutes as a quartz expression (seconds first, `?` for the day of the week). */
export function quartzEvery(minutes: number): string {
  if (minutes < 60) return `0 0/${minutes} * * * ?`;
  if (minutes === 60) return '0 0 * * * ?';
  if (minutes < 1440) return `0 0 0/${minutes / 60} * * ?`;
  return '0 0 0 * * ?';
}

/** The warehouse id out of the configured HTTP path (`/sql/1.0/warehouses/<id>`). */
export function warehouseIdOf(httpPath: string): string {
  const m = /\/warehouses\/([A-Za-z0-9]+)\/?$/.exec(httpPath);
  if (!m) throw new Error(`DATABRICKS_HTTP_PATH ${httpPath} does not name a SQL warehouse (/sql/1.0/warehouses/<id>): SQL alerts need one`);
  return m[1]!;
}

export type AlertBody = z.infer<typeof CreateAlertV2Body>;

/** The create body of a rule's SQL alert: the rule's statement with current_timestamp(), its condition, schedule and subscriptions. */
export function alertBody(rule: RuleInput & { id: string; muted?: boolean }, def: AnyQuery, opts: { tables: ResolvedTables; warehouseId: string; parentPath?: string | null }): AlertBody {
  const statement = alertStatement(rule, def, { tables: opts.tables, now: NOW_SQL, header: `${TAG}${rule.id}` });
  const c = rule.condition;
  const subscriptions = !rule.muted
    ? [...rule.notify.destinations.map((destination_id) => ({ destination_id })), ...rule.notify.emails.map((user_email) => ({ user_email }))]
    : [];
  const body: AlertBody = {
    display_name: `${DISPLAY_PREFIX}${rule.name}`,
    query_text: statement.sql,
    warehouse_id: opts.warehouseId,
    custom_summary: rule.name,
    custom_description: [`${describeRule(rule)}.`, statement.grouped ? `One row per ${rule.measure.groupBy} (${GROUP_COLUMN}); the worst decides.` : '', `Created by Gateway Lens (${TAG}${rule.id}); edit it there, changes made here are overwritten.`].filter(Boolean).join('\n'),
    evaluation: {
      source: { name: VALUE_COLUMN, display: rule.measure.column, ...(statement.grouped ? { aggregation: worstOf(c.op) } : {}) },
      comparison_operator: OPERATOR[c.op],
      threshold: statement.thresholdColumn ? { column: { name: THRESHOLD_COLUMN } } : { value: { double_value: c.threshold! } },
      empty_result_state: EMPTY[rule.emptyResult],
      notification: { subscriptions, notify_on_ok: rule.notify.notifyOnOk, retrigger_seconds: rule.notify.retriggerMinutes * 60 },
    },
    schedule: { quartz_cron_schedule: quartzEvery(rule.everyMinutes), timezone_id: 'UTC', pause_status: rule.paused ? 'PAUSED' : 'UNPAUSED' },
    ...(opts.parentPath ? { parent_path: opts.parentPath } : {}),
  };
  return CreateAlertV2Body.parse(body);
}

/** The rule id an alert of ours carries, or null for anyone else's alert. */
export function ruleIdOf(alert: AlertV2): string | null {
  if (!alert.display_name?.startsWith(DISPLAY_PREFIX)) return null;
  const m = new RegExp(`${TAG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([a-z0-9-]+)`).exec(alert.custom_description ?? '');
  return m ? m[1]! : null;
}

export class DatabricksApiError extends Error {
  constructor(readonly status: number, readonly errorCode: string | null, message: string) {
    super(message);
    this.name = 'DatabricksApiError';
  }
}

export type ApiAuth = { kind: 'pat'; token: string } | { kind: 'oauth-m2m'; clientId: string; clientSecret: string };

export interface DatabricksApi {
  createAlert(body: AlertBody): Promise<AlertV2>;
  getAlert(id: string): Promise<AlertV2>;
  /** Every alert of ours (the tag), all pages. */
  listOwnAlerts(): Promise<AlertV2[]>;
  updateAlert(id: string, body: Partial<AlertBody>, mask: string[]): Promise<AlertV2>;
  trashAlert(id: string): Promise<void>;
  listDestinations(): Promise<{ id: string; name: string; type: string }[]>;
}

/**
 * A small client over fetch. `baseUrl` is `https://<workspace host>` (tests point it at a local
 * server). OAuth M2M tokens come from the workspace's /oidc/v1/token and are reused until a minute
 * before they expire.
 */
export function databricksApi(opts: { baseUrl: string; auth: ApiAuth; fetchImpl?: typeof fetch; timeoutMs?: number }): DatabricksApi {
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let token: { value: string; until: number } | null = null;

  async function bearer(): Promise<string> {
    if (opts.auth.kind === 'pat') return opts.auth.token;
    if (token && performance.now() < token.until) return token.value;
    const res = await doFetch(`${opts.baseUrl}/oidc/v1/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${opts.auth.clientId}:${opts.auth.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=all-apis',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.json().catch(() => ({})) as { access_token?: string; expires_in?: number; error_description?: string };
    if (!res.ok || !body.access_token) throw new DatabricksApiError(res.status, 'OAUTH', `OAuth token request failed (${res.status})${body.error_description ? `: ${body.error_description}` : ''}`);
    token = { value: body.access_token, until: performance.now() + Math.max(0, (body.expires_in ?? 3600) - 60) * 1000 };
    return token.value;
  }

  async function call<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
    const res = await doFetch(`${opts.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearer()}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      // not JSON: reported below by status
    }
    if (!res.ok) {
      const err = (json ?? {}) as { error_code?: string; message?: string };
      throw new DatabricksApiError(res.status, err.error_code ?? null, `Databricks answered ${res.status}${err.error_code ? ` ${err.error_code}` : ''}${err.message ? `: ${err.message}` : ''}`);
    }
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DatabricksApiError(res.status, 'UNEXPECTED_RESPONSE', `Databricks answered ${method} ${path.split('?')[0]} with an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  async function pages<T>(path: string, schema: z.ZodType<{ results?: T[]; next_page_token?: string }>): Promise<T[]> {
    const out: T[] = [];
    let pageToken: string | undefined;
    for (let i = 0; i < 100; i++) {
      const qs = new URLSearchParams({ page_size: '100', ...(pageToken ? { page_token: pageToken } : {}) });
      const page = await call('GET', `${path}?${qs}`, schema);
      out.push(...(page.results ?? []));
      pageToken = page.next_page_token;
      if (!pageToken) break;
    }
    return out;
  }

  return {
    createAlert: (body) => call('POST', '/api/2.0/alerts', AlertV2, CreateAlertV2Body.parse(body)),
    getAlert: (id) => call('GET', `/api/2.0/alerts/${encodeURIComponent(id)}`, AlertV2),
    listOwnAlerts: async () => (await pages('/api/2.0/alerts', ListAlertsV2Response)).filter((a) => ruleIdOf(a) !== null && a.lifecycle_state !== 'TRASHED'),
    updateAlert: (id, body, mask) => call('PATCH', `/api/2.0/alerts/${encodeURIComponent(id)}?update_mask=${encodeURIComponent(mask.join(','))}`, AlertV2, UpdateAlertV2Body.parse(body)),
    trashAlert: (id) => call('DELETE', `/api/2.0/alerts/${encodeURIComponent(id)}`, null),
    listDestinations: async () => (await pages('/api/2.0/notification-destinations', ListNotificationDestinationsResponse))
      .map((d) => ({ id: d.id, name: d.display_name ?? d.id, type: d.destination_type ?? 'UNKNOWN' })),
  };
}

/** The client for the configured workspace, or null on the embedded engine. */
export function workspaceApi(config: AppConfig): DatabricksApi | null {
  if (config.engine !== 'databricks' || !config.databricks) return null;
  return databricksApi({ baseUrl: `https://${config.databricks.host}`, auth: config.databricks.auth });
}

/** The fields a rule change touches, as an update mask. */
export const UPDATE_MASK = ['display_name', 'query_text', 'custom_summary', 'custom_description', 'evaluation', 'schedule'];
