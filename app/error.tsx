'use client';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">This page failed to load</h1>
      <p className="mt-2 text-slate-600">{error.digest ? `Reference ${error.digest} — the server log has the details.` : error.message}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-slate-800 px-3 py-1.5 text-sm text-white">Try again</button>
    </div>
  );
}
