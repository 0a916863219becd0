import { IntentLink } from '@/components/intent-link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is no page at this address.</p>
      <IntentLink href="/" className="mt-4 inline-block text-sky-700 underline">Back to the overview</IntentLink>
    </div>
  );
}
