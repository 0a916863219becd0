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
