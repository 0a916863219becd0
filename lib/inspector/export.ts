import 'server-only';
import type { AnyQuery } from '@/lib/catalogue/define';
import { getConfig } from '@/lib/config';
import { filterParams } from '@/lib/catalogue/filters';
import { renderSql } from '@/lib/catalogue/render';
import { runQuery, type ParsedQueryInput } from '@/lib/catalogue/run';
import { resolveTables } from '@/lib/catalogue/tables';
import { logger } from '@/lib/logger';
import { getWarehouse } from '@/lib/engine';
import { interpretPayload } from '@/lib/payload';
import { EXPORT_BODIES_SQL } from './detail-sql';
import { toFineTuneRecord } from './fine-tune';
import { maskJsonText } from './pii';

const PAGE = 200;

/**
 * Walks the filtered list page by page (the same keyset as the UI), loads each page's bodies in
 * one statement and writes one fine-tuning example per answered request. `def` is the list query
 * (inspector-requests), handed in by the route so this module does not load the catalogue.
 */
export function exportJsonl(def: AnyQuery, parsed: ParsedQueryInput, opts: { maxRows: number; reveal: boolean; signal?: AbortSignal; userAccessToken?: string; requestId: string }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      try {
        const warehouse = await getWarehouse();
        const tables = await resolveTables(getConfig(), warehouse);
        const endpoint = typeof parsed.input.endpoint === 'string' ? parsed.input.endpoint : null;
        const bodiesSql = renderSql(EXPORT_BODIES_SQL, tables, endpoint);
        let input: Record<string, unknown> = { ...parsed.input, page_size: Math.min(PAGE, opts.maxRows) };
        let read = 0;
        while (read < opts.maxRows) {
          const page = await runQuery(def, { ...parsed, input }, { signal: opts.signal, userAccessToken: opts.userAccessToken });
          const rows = page.rows.slice(0, input.page_size as number);
          if (!rows.length) break;
          const ids = `,${rows.map((r) => r.databricks_request_id).join(',')},`;
          const bodies = await warehouse.run(bodiesSql, { ...filterParams(parsed.input, parsed.window), ids }, { signal: opts.signal, userAccessToken: opts.userAccessToken, label: 'inspector-export' });
          const byId = new Map(bodies.rows.map((b) => [b.databricks_request_id, b]));
          for (const r of rows) {
            const b = byId.get(r.databricks_request_id);
            if (!b) continue;
            const text = (v: unknown) => (typeof v === 'string' ? (opts.reveal ? v : maskJsonText(v)) : null);
            const record = toFineTuneRecord(interpretPayload({ request: text(b.request), response: text(b.response), status_code: b.status_code as number }));
            if (record) controller.enqueue(encoder.encode(`${JSON.stringify(record)}\n`));
          }
          read += rows.length;
          if (page.rows.length <= rows.length) break;
          const last = rows[rows.length - 1]!;
          input = { ...input, cursor_time: last.cursor_time, cursor_duration: last.execution_duration_ms ?? -1, cursor_id: last.databricks_request_id, page_size: Math.min(PAGE, opts.maxRows - read) };
        }
        controller.close();
      } catch (err) {
        // Headers are gone by now: end the file with an error line rather than truncating silently.
        logger.error('inspector.export_failed', { requestId: opts.requestId, err });
        controller.enqueue(encoder.encode(`${JSON.stringify({ error: 'The export stopped early; see the server log', requestId: opts.requestId })}\n`));
        controller.close();
      }
    },
  });
}
