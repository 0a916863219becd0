/**
 * Writes the payload corpus (fixtures/payloads) as a small warehouse the server can run on.
 *   tsx scripts/corpus-demo.ts --out FILE [--end ISO]
 * Then: DEMO_DB=FILE npm start. The e2e config starts a server on it for e2e/payloads.spec.ts.
 */
import { parseOptions } from '../lib/cli-args';
import { writeCorpusDemo } from '../lib/testing/corpus-demo';
import { nowMs } from '../lib/time/clock';

class UsageError extends Error {}

async function main() {
  const values = parseOptions(process.argv.slice(2), { out: { type: 'string' }, end: { type: 'string' } }, UsageError);
  if (!values.out) throw new UsageError('usage: tsx scripts/corpus-demo.ts --out FILE [--end ISO-8601]');
  // Ends at the dashboard's now (CLOCK_NOW when pinned), so the rows sit in its recent window.
  const end = values.end ? new Date(values.end) : new Date(Math.floor(nowMs() / 60_000) * 60_000);
  if (Number.isNaN(end.getTime())) throw new UsageError(`--end expects an ISO-8601 date-time, got "${values.end}"`);
  const r = await writeCorpusDemo({ path: values.out, end });
  console.log(`Payload corpus: ${r.rows} requests written to ${values.out}`);
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
