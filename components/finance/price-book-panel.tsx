'use client';

import { useFinanceConfig } from '@/lib/finance/use-finance-config';
import { formatMoney } from '@/lib/charts/format';

const money = (v: number | undefined, c: string) => (v === undefined ? '–' : formatMoney(v, c));

/** The active price book, as the server validated it, so every figure can be traced to a price. */
export function PriceBookPanel() {
  const config = useFinanceConfig();
  const d = config.data;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="price-book">
      <header className="mb-2">
        <h2 className="text-base font-semibold">Price book{d?.priceBook ? ` ${d.priceBook.version} · ${d.priceBook.currency} per 1M tokens` : ''}</h2>
        {d && <p className="text-xs text-slate-500">From <code>{d.priceBookFile}</code> (PRICE_BOOK_PATH). A model is priced when its served entity&apos;s entity_name, else its served_entity_name, equals one of the names below (case-insensitive); a price applies from its date until the next one. Anything else shows as unpriced.</p>}
      </header>
      {config.isPending && <div className="h-40 animate-pulse rounded bg-slate-100" aria-label="Loading" />}
      {config.error && <p role="alert" className="text-sm text-red-700">The price book failed to load: {config.error.message} <button type="button" className="underline" onClick={() => config.refetch()}>Retry</button></p>}
      {d?.priceBookProblems && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          The price book is invalid, so no cost can be computed:
          <ul className="ml-4 list-disc">{d.priceBookProblems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {d?.priceBook && (
        <>
          {d.priceBook.note && <p className="mb-2 rounded bg-amber-50 p-2 text-xs text-amber-900">{d.priceBook.note}</p>}
          <div className="max-h-80 overflow-auto">
            <table className="w-full text-xs">
              <thead className="sticky top-0 bg-white text-slate-500">
                <tr><th className="text-left font-normal">Model · names matched</th><th className="text-left font-normal">From</th><th className="text-right font-normal">Input</th><th className="text-right font-normal">Output</th><th className="text-right font-normal">Cached in</th><th className="text-right font-normal">Reasoning</th><th className="pl-2 text-left font-normal">Taken on</th></tr>
              </thead>
              <tbody>
                {d.priceBook.models.flatMap((m) => m.prices.map((p, i) => (
                  <tr key={`${m.model}-${p.effective_from}`} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-2">{i === 0 ? <><span className="font-medium">{m.model}</span><div className="text-slate-500">{m.match.join(', ')}</div></> : null}</td>
                    <td>{p.effective_from}</td>
                    <td className="text-right tabular-nums">{money(p.input_per_1m, d.priceBook!.currency)}</td>
                    <td className="text-right tabular-nums">{money(p.output_per_1m, d.priceBook!.currency)}</td>
                    <td className="text-right tabular-nums">{money(p.cached_input_per_1m, d.priceBook!.currency)}</td>
                    <td className="text-right tabular-nums">{money(p.reasoning_per_1m, d.priceBook!.currency)}</td>
                    <td className="pl-2">{p.source ? <a href={p.source} rel="noreferrer noopener" target="_blank" className="text-sky-800 underline">{p.taken_on}</a> : p.taken_on}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
