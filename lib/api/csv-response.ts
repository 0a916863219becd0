import 'server-only';
import type { AnyQuery } from '@/lib/catalogue/define';
import { csvStream } from '@/lib/csv';
import { now } from '@/lib/time/clock';
import type { Row } from '@/lib/warehouse/types';

/** Every row of a query as a CSV download, columns in the order of its row schema. */
export function csvResponse(def: AnyQuery, rows: Row[], requestId: string): Response {
  const columns = Object.keys(def.row.shape);
  const stamp = now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return new Response(csvStream(columns, rows), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${def.id}-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
  });
}
