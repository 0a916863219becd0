import 'server-only';
import type { AppConfig } from '@/lib/config';
import { resolveTables } from '@/lib/catalogue/tables';
import { getPriceBook } from '@/lib/finance/price-book';
import { logger } from '@/lib/logger';
import { now } from '@/lib/time/clock';
import { getWarehouse } from '@/lib/engine';
import { LiveDemo } from '@/lib/demo/live';
import { BUDGET_LEVELS, budgetRule } from './budgets';
import { Evaluator, webhookNotifier } from './evaluator';
import { BudgetSchema, RuleSchema, type Budget, type Rule } from './rules';
import { getLensStore, type LensStore } from './store';

/**
 * The server's alerting parts, one per process on globalThis (instrumentation and routes are
 * separate bundles): the store, the embedded evaluator and the live demo's feeder.
 */
interface Runtime { store: LensStore; evaluator: Evaluator | null; live: LiveDemo | null; started: boolean }
const holder = globalThis as unknown as { __gatewayAlerts?: Promise<Runtime> };

/** Stored rules, and the two rules each budget is evaluated as. */
export async function allRules(store: LensStore): Promise<Rule[]> {
  const [rules, budgets] = await Promise.all([store.list('rule'), store.list('budget')]);
  const derived = budgets.flatMap((r) => {
    const b = BudgetSchema.parse({ ...(r.body as object), id: r.id, owner: r.owner, createdAt: r.createdAt, updatedAt: r.updatedAt }) as Budget;
    return BUDGET_LEVELS.map((level) => RuleSchema.parse({
      ...budgetRule(b, level), owner: b.owner, createdAt: b.createdAt, updatedAt: b.updatedAt, budget: { id: b.id, level }, databricksAlertId: b.databricksAlertIds[level] ?? null,
    }));
  });
  return [...rules.map((r) => RuleSchema.parse({ ...(r.body as object), id: r.id, owner: r.owner, createdAt: r.createdAt, updatedAt: r.updatedAt })), ...derived];
}

async function create(config: AppConfig): Promise<Runtime> {
  const store = await getLensStore(config);
  if (config.engine !== 'duckdb') return { store, evaluator: null, live: null, started: false };
  const warehouse = await getWarehouse();
  const evaluator = new Evaluator({
    store,
    warehouse,
    tables: () => resolveTables(config, warehouse),
    notify: webhookNotifier(config.alerts.webhooks, { currency: () => getPriceBook().currency }),
    rules: () => allRules(store),
  });
  const live = config.duckdb.livePath ? new LiveDemo(warehouse) : null;
  return { store, evaluator, live, started: false };
}

export function alertsRuntime(config: AppConfig): Promise<Runtime> {
  holder.__gatewayAlerts ??= create(config).catch((err) => {
    holder.__gatewayAlerts = undefined;
    throw err;
  });
  return holder.__gatewayAlerts;
}

/**
 * From the server start, in the background: the live demo tops itself up and feeds every minute,
 * the evaluator runs rules on schedule. Each only when configured (off when CLOCK_NOW pins the clock).
 */
export async function startAlerts(config: AppConfig): Promise<void> {
  if (config.engine !== 'duckdb' || (!config.demoLive && !config.alerts.evaluator)) return;
  try {
    const rt = await alertsRuntime(config);
    if (rt.started) return;
    rt.started = true;
    if (config.demoLive && rt.live) {
      rt.live.start(now);
      logger.info('demo.live', { file: config.duckdb.livePath });
    }
    if (config.alerts.evaluator && rt.evaluator) {
      rt.evaluator.start(now);
      logger.info('alerts.evaluator', { webhooks: config.alerts.webhooks.map((w) => w.name), state: config.alerts.stateDb });
    }
  } catch (err) {
    logger.error('alerts.start_failed', { error: (err as Error).message });
  }
}

export async function stopAlerts(): Promise<void> {
  const rt = await holder.__gatewayAlerts?.catch(() => null);
  await Promise.all([rt?.evaluator?.stop(), rt?.live?.stop()]);
}
