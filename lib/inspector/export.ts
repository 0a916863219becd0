import 'server-only';
import type { AnyQuery } from '@/lib/catalogue/define';
import { getConfig } from '@/lib/config';
import { filterParams } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { runQuery, type ParsedQueryInput } from '@/lib/catalogue/run';
import { resolveTables } from '@/lib/catalogue/tables';
import { logger } from '@/lib/logger';
import { interpretPayload } from '@/lib/payload';
import { getWarehouse } from '@/lib/engine';
import type { Row } from '@/lib/warehouse/types';
import { EXPORT_BODIES_SQL } from './detail-sql';
import { toFineTuneRecord } from './fine-tune';
import { maskJsonText } from '@/lib/security/pii';

const PAGE = 200;

/** Exports one viewer may run at once: each holds warehouse statements for as long as it is read. */
export const EXPORTS_PER_VIEWER = 2;
const running = new Map<string, number>();

/** A slot for one more export by `who`, or null when they already run as many as allowed. */
export function claimExportSlot(who: string): (() => void) | null {
  const n = running.get(who) ?? 0;
  if (n >= EXPORTS_PER_VIEWER) return null;
  running.set(who, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (running.get(who) ?? 1) - 1;
    if (left > 0) running.set(who, left);
    else running.delete(who);
  };
}

/**
 * Walks the filtered list page by page (the same keyset as the UI), loads each page's bodies in
 * one statement and writes one fine-tuning example per answered request. Pull-based: a page is
 * read only when the client has taken the previous one, so a slow or stalled reader holds at most
 * one page and no running statement. `done` runs once when the stream ends, however it ends.
 * `def` is the list query (inspector-requests), handed in by the route so this module does not
 * load the catalogue.
 */
export function exportJsonl(def: AnyQuery, parsed: ParsedQueryInput, opts: { maxRows: number; reveal: boolean; signal?: AbortSignal; userAccessToken?: string; requestId: string; done?: () => void }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let input: Record<string, unknown> | null = { ...parsed.input, page_size: Math.min(PAGE, opts.maxRows) };
  let read = 0;
  let bodiesSql: string | null = null;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    opts.done?.();
  };
  opts.signal?.addEventListener('abort', finish, { once: true });

  const nextPage = async (): Promise<string> => {
    const warehouse = await getWarehouse();
    const endpoint = typeof parsed.input.endpoint === 'string' ? parsed.input.endpoint : null;
    bodiesSql ??= renderSql(EXPORT_BODIES_SQL, rawContext(await resolveTables(getConfig(), warehouse, { endpoint }), endpoint));
    const result = await runQuery(def, { ...parsed, input: input! }, { signal: opts.signal, userAccessToken: opts.userAccessToken });
    const page = def.page!(result.rows as never, input as never) as { rows: Row[]; next: Record<string, string | number> | null };
    read += page.rows.length;
    input = page.next && read < opts.maxRows ? { ...input, ...page.next, page_size: Math.min(PAGE, opts.maxRows - read) } : null;
    if (!page.rows.length) return '';
    const ids = `,${page.rows.map((r) => r.databricks_request_id).join(',')},`;
    const bodies = await warehouse.run(bodiesSql, { ...filterParams(parsed.input, parsed.window), ids }, { signal: opts.signal, userAccessToken: opts.userAccessToken, label: 'inspector-export' });
    const byId = new Map(bodies.rows.map((b) => [b.databricks_request_id, b]));
    const text = (v: unknown) => (typeof v === 'string' ? (opts.reveal ? v : maskJsonText(v)) : null);
    let lines = '';
    for (const r of page.rows) {
      const b = byId.get(r.databricks_request_id);
      if (!b) continue;
      const record = toFineTuneRecord(interpretPayload({ request: text(b.request), response: text(b.response), status_code: b.status_code as number }));
      if (record) lines += `${JSON.stringify(record)}\n`;
    }
    return lines;
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Pages whose requests are all unanswered give no line: read on until one does.
        let lines = '';
        while (!lines && input) lines = await nextPage();
        if (lines) controller.enqueue(encoder.encode(lines));
        if (!input) {
          controller.close();
          finish();
        }
      } catch (err) {
        finish();
        if (opts.signal?.aborted) {
          // The viewer left: routine, not a failure.
          logger.info('inspector.export_aborted', { requestId: opts.requestId, read });
          controller.close();
          return;
        }
        // Headers are gone by now: end the file with an error line rather than truncating silently.
        logger.error('inspector.export_failed', { requestId: opts.requestId, err });
        controller.enqueue(encoder.encode(`${JSON.stringify({ error: 'The export stopped early; see the server log', requestId: opts.requestId })}\n`));
        controller.close();
      }
    },
    cancel() {
      logger.info('inspector.export_aborted', { requestId: opts.requestId, read });
      finish();
    },
  }, { highWaterMark: 0 });
}
