import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { billingTables } from './sql';

const template = fs.readFileSync(path.join(process.cwd(), 'queries', 'finance-reconciliation.sql'), 'utf8');
const tables = {
  payload: [{ endpoint: 'chat', table: 'main.ai_gateway.chat_payload' }],
  endpointUsage: 'system.serving.endpoint_usage',
  servedEntities: 'system.serving.served_entities',
};

describe('reconciliation with billing tables configured', () => {
  it('reads billing tables only when both are set to valid names', () => {
    expect(billingTables({})).toBeNull();
    expect(billingTables({ BILLING_USAGE_TABLE: 'system.billing.usage' })).toBeNull();
    expect(billingTables({ BILLING_USAGE_TABLE: 'system.billing.usage; DROP', BILLING_LIST_PRICES_TABLE: 'system.billing.list_prices' })).toBeNull();
    expect(billingTables({ BILLING_USAGE_TABLE: 'system.billing.usage', BILLING_LIST_PRICES_TABLE: 'system.billing.list_prices' }))
      .toEqual({ usage: 'system.billing.usage', listPrices: 'system.billing.list_prices' });
  });

  it('parses under the Spark SQL grammar with system.billing.usage and list_prices', () => {
    const billing = billingTables({ BILLING_USAGE_TABLE: 'system.billing.usage', BILLING_LIST_PRICES_TABLE: 'system.billing.list_prices' });
    const sql = renderSql(template, rawContext({ ...tables, billing }));
    expect(sql).toContain('system.billing.list_prices');
    expect(statementErrors(sql)).toEqual([]);
  });
});
