import { DuckDBInstance } from '@duckdb/node-api';

/** The endpoint whose payload table holds only the planted requests below. */
export const PROBE_ENDPOINT = 'trust_probe';

/** Personal data planted in the probe's bodies: none of it may leave the server unrevealed. */
export const PROBE_PII = {
  email: 'oliver.brown@example.co.uk',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  cardNumber: 4111111111111111,
  fullwidthEmail: 'ｏｌｉｖｅｒ＠ｅｘａｍｐｌｅ．ｃｏ．ｕｋ',
} as const;

/** Strings whose presence in any answer means personal data leaked (the address's local part included). */
export const PROBE_NEEDLES = ['oliver.brown', '7946 0958', '4111 1111 1111 1111', '4111111111111111', 'ｏｌｉｖｅｒ'];

const question = `Send the contract to ${PROBE_PII.email}, call ${PROBE_PII.phone} or charge ${PROBE_PII.card}. Copy ${PROBE_PII.fullwidthEmail}.`;
const request = JSON.stringify({ messages: [{ role: 'user', content: question }], max_tokens: 200 }).replace(/}$/, `,"metadata":{"${PROBE_PII.email}":${PROBE_PII.cardNumber},"trace_ns":1713229821507930112}}`);
const answer = (entity: string) => JSON.stringify({
  object: 'chat.completion',
  model: entity,
  choices: [{
    index: 0,
    message: {
      role: 'assistant',
      content: `I will write to ${PROBE_PII.email} and call ${PROBE_PII.phone}.`,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'send_email', arguments: JSON.stringify({ to: PROBE_PII.email }) } }],
    },
    finish_reason: 'stop',
  }],
  usage: { prompt_tokens: 40, completion_tokens: 20, total_tokens: 60 },
});
const refusal = JSON.stringify({ error_code: 'BAD_REQUEST', message: `Invalid recipient ${PROBE_PII.email} for phone ${PROBE_PII.phone}` });

/**
 * Adds `<catalog>.inference.trust_probe_payload` to a generated demo file: one question full of
 * personal data answered by two served entities (so side-by-side shows it), and one refusal whose
 * error message quotes it. All rows sit at `at` and the minutes after it.
 */
export async function plantTrustProbe(demoPath: string, at: Date): Promise<{ ids: string[] }> {
  const instance = await DuckDBInstance.create(demoPath);
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE inference.${PROBE_ENDPOINT}_payload AS SELECT * FROM inference.chat_assistant_payload LIMIT 0`);
    const rows = [
      { id: 'probe-a-1', entity: 'probe-entity-a', status: 200, response: answer('probe-entity-a') },
      { id: 'probe-b-1', entity: 'probe-entity-b', status: 200, response: answer('probe-entity-b') },
      { id: 'probe-a-2', entity: 'probe-entity-a', status: 200, response: answer('probe-entity-a') },
      { id: 'probe-err-1', entity: 'probe-entity-a', status: 400, response: refusal },
    ];
    for (const [i, r] of rows.entries()) {
      const time = new Date(at.getTime() + i * 60_000);
      await c.run(
        `INSERT INTO inference.${PROBE_ENDPOINT}_payload (request_date, databricks_request_id, client_request_id, request_time, status_code, sampling_fraction, execution_duration_ms, request, response, served_entity_id, logging_error_codes, requester)
         VALUES (CAST($date AS DATE), $id, NULL, CAST($time AS TIMESTAMP), $status, 1.0, 900, $request, $response, $entity, [], 'probe-client')`,
        { date: time.toISOString().slice(0, 10), id: r.id, time: time.toISOString().replace('T', ' ').replace('Z', ''), status: r.status, request, response: r.response, entity: r.entity },
      );
    }
    return { ids: rows.map((r) => r.id) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
