'use client';

import { useRef, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { alertsApi, useChange, useRules, type RuleItem } from '@/lib/alerts/client';
import { useFinanceConfig } from '@/lib/finance/use-finance-config';
import { DemoPanel } from './demo-panel';
import { RuleCard } from './rule-card';
import { RuleEditor, type EditorStart } from './rule-editor';

/** Where the editor starts: `?new=<query id>&params=<the chart's parameters as JSON>&page=<path>&search=<its URL state>`. */
function startFromUrl(search: URLSearchParams): EditorStart | null {
  const query = search.get('new');
  if (!query) return null;
  let params: Record<string, string> = {};
  try {
    const parsed = JSON.parse(search.get('params') ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object') params = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  } catch {
    // a hand-edited link: start without the chart's parameters
  }
  return { query, params, page: { path: search.get('page') ?? '/ops', search: search.get('search') ?? '' } };
}

/** The alerts page: every rule with its state and history, the editor, export/import and the live demo. */
export function AlertsView() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const rules = useRules();
  const currency = useFinanceConfig().data?.priceBook?.currency ?? 'USD';
  const [editing, setEditing] = useState<EditorStart | null>(null);
  const fromUrl = startFromUrl(new URLSearchParams(search.toString()));
  const start = editing ?? fromUrl;
  const close = () => { setEditing(null); if (fromUrl) router.replace(pathname, { scroll: false }); };
  const file = useRef<HTMLInputElement>(null);
  const importBundle = useChange((text: string) => alertsApi<{ imported: { rules: number; budgets: number; views: number } }>('POST', '/api/alerts/import', JSON.parse(text)), [['alerts'], ['budgets'], ['views']]);
  const data = rules.data;
  const own = data?.rules.filter((r) => !r.rule.budget) ?? [];
  const budgets = data?.rules.filter((r) => r.rule.budget) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-500" data-testid="alerts-engine">
          {data?.engine === 'databricks'
            ? 'Each rule is a Databricks SQL alert: Databricks runs it on the warehouse and notifies its destinations.'
            : `The built-in evaluator ${data?.evaluator === 'on' ? 'runs every rule on schedule' : 'is off (ALERTS_EVALUATOR): use Test now or Replay'} and posts to the configured webhooks.`}
        </p>
        <span className="ml-auto flex gap-2">
          <a href="/api/alerts/export" download className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">Export JSON</a>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100" onClick={() => file.current?.click()}>Import JSON</button>
          <input ref={file} type="file" accept="application/json,.json" className="hidden" aria-label="Import file" onChange={async (e) => { const f = e.target.files?.[0]; if (f) importBundle.mutate(await f.text()); e.target.value = ''; }} />
        </span>
      </div>
      {importBundle.data && <p role="status" className="text-sm text-slate-700">Imported {importBundle.data.imported.rules} rules, {importBundle.data.imported.budgets} budgets and {importBundle.data.imported.views} views.</p>}
      {importBundle.error && <p role="alert" className="text-sm text-red-700">{importBundle.error.message}</p>}
      {start && <RuleEditor key={JSON.stringify(start)} start={start} onCancel={close} onDone={close} />}
      <DemoPanel />
      {rules.error && <p role="alert" className="text-sm text-red-700">{rules.error.message}</p>}
      {data && own.length === 0 && !start && (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500" data-testid="alerts-empty">
          No alert rules yet. Open a chart on Ops, Overview or Finance and choose <strong>Alert on this</strong>.
        </p>
      )}
      {data && own.map((item: RuleItem) => <RuleCard key={item.rule.id} item={item} now={data.now} currency={currency} onEdit={(i) => setEditing({ query: i.rule.query, params: i.rule.params, page: i.rule.page, rule: i.rule })} />)}
      {budgets.length > 0 && (
        <section className="flex flex-col gap-3">
          <h2 className="mt-2 border-b border-slate-200 pb-1 text-lg font-semibold">Budgets</h2>
          {budgets.map((item) => <RuleCard key={item.rule.id} item={item} now={data!.now} currency={currency} onEdit={() => undefined} />)}
        </section>
      )}
    </div>
  );
}
