import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { str, ts } from '@/lib/demo/sql';
import { duckdbCreateTable, ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS } from '@/lib/table-schemas';
import { readCorpus, type CorpusRow } from './payload-corpus';

/** The endpoint every corpus row is logged under. */
export const CORPUS_ENDPOINT = 'payload_corpus';
export const CORPUS_ENTITY_ID = createHash('md5').update('served-entity:payload_corpus').digest('hex');

/** The fixed request id of a corpus row: `corpus-<kind>-<name>`. */
export function corpusRequestId(id: string): string {
  return `corpus-${id.replace('/', '-')}`;
}

/**
 * A tiny warehouse holding the payload corpus as one endpoint's inference table (plus empty
 * usage and one served entity), laid out like the generated demo so the server runs on it
 * unchanged: `DEMO_DB=<path>`. Row k is logged k + 1 minutes before `end`.
 */
export async function writeCorpusDemo(opts: { path: string; end: Date; rows?: CorpusRow[] }): Promise<{ rows: number }> {
  const rows = opts.rows ?? readCorpus();
  const target = path.resolve(opts.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const f of [target, `${target}.wal`]) fs.rmSync(f, { force: true });
  const instance = await DuckDBInstance.create(target);
  const con = await instance.connect();
  try {
    await con.run('CREATE SCHEMA inference');
    await con.run('CREATE SCHEMA serving');
    await con.run(duckdbCreateTable(`inference.${CORPUS_ENDPOINT}_payload`, PAYLOAD_COLUMNS));
    await con.run(duckdbCreateTable('serving.endpoint_usage', ENDPOINT_USAGE_COLUMNS));
    await con.run(duckdbCreateTable('serving.served_entities', SERVED_ENTITIES_COLUMNS));
    const first = new Date(opts.end.getTime() - (rows.length + 1) * 60_000);
    await con.run(`INSERT INTO serving.served_entities VALUES (${[
      str(CORPUS_ENTITY_ID), str('corpus-account'), str('1234567890123456'), str('corpus@example.com'), str(CORPUS_ENDPOINT), str('corpus-endpoint'),
      str('corpus-model'), str('CUSTOM_MODEL'), str('main.corpus.model'), str('1'), '1', str('llm/v1/chat'), 'NULL', 'NULL', ts(first), 'NULL',
    ].join(', ')})`);
    const values = rows.map((r, k) => {
      const at = new Date(opts.end.getTime() - (k + 1) * 60_000);
      const codes = `[${r.logging_error_codes.map(str).join(', ')}]::VARCHAR[]`;
      const body = (b: string | null) => (b === null ? 'NULL' : str(b));
      return `(CAST(${ts(at)} AS DATE), ${str(corpusRequestId(r.id))}, NULL, ${ts(at)}, ${r.status_code}, 1.0, ${400 + k * 37}, ${body(r.request)}, ${body(r.response)}, ${str(CORPUS_ENTITY_ID)}, ${codes}, ${str('corpus@example.com')})`;
    });
    if (values.length) await con.run(`INSERT INTO inference.${CORPUS_ENDPOINT}_payload VALUES ${values.join(',\n')}`);
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return { rows: rows.length };
}
