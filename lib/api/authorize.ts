import 'server-only';
import { can, viewerOf, type Viewer } from '@/lib/access';
import type { AppConfig } from '@/lib/config';
import type { AnyQuery } from '@/lib/catalogue/define';

/** The viewer, or the reason their role may not run this query. */
export function authorizeQuery(def: AnyQuery, headers: Headers, config: Pick<AppConfig, 'roles' | 'defaultRole'>): { ok: true; viewer: Viewer } | { ok: false; viewer: Viewer; message: string } {
  const viewer = viewerOf(headers, config.roles, config.defaultRole);
  if (def.exposesText && !can(viewer, 'conversation_text')) {
    return { ok: false, viewer, message: `Your role (${viewer.role}) does not include conversation text` };
  }
  return { ok: true, viewer };
}

/** Conversation text outside the catalogue (inspector detail, bodies, exports): same rule. */
export function authorizeText(headers: Headers, config: Pick<AppConfig, 'roles' | 'defaultRole'>): { ok: true; viewer: Viewer } | { ok: false; viewer: Viewer; message: string } {
  const viewer = viewerOf(headers, config.roles, config.defaultRole);
  return can(viewer, 'conversation_text') ? { ok: true, viewer } : { ok: false, viewer, message: `Your role (${viewer.role}) does not include conversation text` };
}

/**
 * Revealing masked personal data needs both the server's PII_REVEAL=all and, when roles are
 * configured, a role allowed to reveal (admin). Without ROLES everyone is admin.
 */
export function mayReveal(headers: Headers, config: Pick<AppConfig, 'roles' | 'defaultRole'>, policy: 'all' | 'off'): { ok: boolean; viewer: Viewer; reason: string } {
  const viewer = viewerOf(headers, config.roles, config.defaultRole);
  if (policy !== 'all') return { ok: false, viewer, reason: 'Revealing personal data is not allowed on this server (PII_REVEAL)' };
  if (!can(viewer, 'reveal_pii')) return { ok: false, viewer, reason: `Your role (${viewer.role}) may not reveal personal data` };
  return { ok: true, viewer, reason: '' };
}
