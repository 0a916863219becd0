-- The hourly token rollup (gateway_lens_tokens_hourly): per hour, endpoint, served entity,
-- requester, status and token source, the four weighted token terms spend is made of. Groups
-- carry whether their counts are NULL, so "no count" stays apart from zero.
SELECT
  b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null,
  {{token_sums(b)}}
FROM {{token_rollup_rows}} b
GROUP BY b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null
