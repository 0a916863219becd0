import { CATALOGUE } from '@/queries';

export const metadata = { title: 'API — Gateway Lens' };

/** Every catalogue query is a GET route; this page lists them for people scripting against it. */
export default function ApiReferencePage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">JSON API</h1>
      <p className="text-sm text-slate-600">
        Every chart reads one catalogue query through <code className="font-mono">GET /api/queries/&lt;id&gt;</code>. Shared parameters:
        <code className="font-mono"> range</code> (e.g. <code className="font-mono">24h</code>, <code className="font-mono">7d</code>) or
        <code className="font-mono"> from</code> + <code className="font-mono">to</code> (ISO 8601, UTC when no zone),
        <code className="font-mono"> endpoint</code>, <code className="font-mono">served_entity</code>, <code className="font-mono">requester</code>,
        <code className="font-mono"> status</code> (ok, error, 4xx, 5xx, 429), <code className="font-mono">usage_context</code> and <code className="font-mono">usage_context_2</code> (key=value, or a key alone), and calendar ranges (<code className="font-mono">range=today</code>, yesterday, this_month, last_month, in <code className="font-mono">tz</code>). Machine-readable schemas:{' '}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON endpoint, not a page */}
        <a className="text-sky-700 underline" href="/api/queries">/api/queries</a>.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="sticky-first w-full min-w-[36rem] bg-white text-sm">
        <thead className="bg-slate-50 text-left"><tr><th className="p-2">Query</th><th className="p-2">What it returns</th><th className="p-2">Try it</th></tr></thead>
        <tbody>
          {Object.values(CATALOGUE).map((q) => (
            <tr key={q.id} className="border-t border-slate-100">
              <td className="p-2 font-mono">{q.id}</td>
              <td className="p-2">{q.title}: {q.description}</td>
              <td className="p-2"><a className="font-mono text-sky-700 underline" href={`/api/queries/${q.id}?range=24h`}>?range=24h</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
