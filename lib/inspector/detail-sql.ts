import 'server-only';
import { loadSql } from '@/lib/catalogue/render';

/**
 * SQL behind the request detail, its payload and the export's bodies (queries/statements/). Not
 * catalogue queries: they take request ids, and their bodies must pass PII masking (or an audited
 * reveal) before leaving the server.
 */
export const DETAIL_SQL = loadSql('statements/inspector-detail');
export const PAYLOAD_SQL = loadSql('statements/inspector-payload');
export const EXPORT_BODIES_SQL = loadSql('statements/inspector-export-bodies');
