import 'server-only';
import { can, viewerOf, type Viewer } from '@/lib/access';
import type { AppConfig } from '@/lib/config';
import type { AnyQuery } from '@/lib/catalogue/define';
import { personalDataInTerm } from '@/lib/security/search-terms';

type AccessConfig = Pick<AppConfig, 'roles' | 'defaultRole' | 'identitySource'>;
type Decision = { ok: true; viewer: Viewer } | { ok: false; viewer: Viewer; message: string };

const noText = (viewer: Viewer) => `Your role (${viewer.role}) does not include conversation text`;

/** The viewer, or the reason their role may not run this query. */
export function authorizeQuery(def: AnyQuery, headers: Headers, config: AccessConfig): Decision {
  const viewer = viewerOf(headers, config);
  if (def.exposesText && !can(viewer, 'conversation_text')) return { ok: false, viewer, message: noText(viewer) };
  return { ok: true, viewer };
}

/** Conversation text outside the catalogue (inspector detail, bodies, exports): same rule. */
export function authorizeText(headers: Headers, config: AccessConfig): Decision {
  const viewer = viewerOf(headers, config);
  return can(viewer, 'conversation_text') ? { ok: true, viewer } : { ok: false, viewer, message: noText(viewer) };
}

/**
 * Revealing masked personal data needs both the server's PII_REVEAL=all and, when roles are
 * configured, a role allowed to reveal (admin). Without ROLES everyone is admin.
 */
export function mayReveal(headers: Headers, config: AccessConfig & Pick<AppConfig, 'piiReveal'>): { ok: boolean; viewer: Viewer; reason: string } {
  const viewer = viewerOf(headers, config);
  if (config.piiReveal !== 'all') return { ok: false, viewer, reason: 'Revealing personal data is not allowed on this server (PII_REVEAL)' };
  if (!can(viewer, 'reveal_pii')) return { ok: false, viewer, reason: `Your role (${viewer.role}) may not reveal personal data` };
  return { ok: true, viewer, reason: '' };
}

/**
 * Searches run over the raw bodies, so a term that could match inside masked personal data would
 * tell whether a masked value is there (one character at a time, if need be). Such terms are for
 * viewers who may reveal; everyone else is told why. Returns the problems (empty when allowed)
 * and whether a personal-data-shaped term was searched by someone allowed to (for the audit log).
 */
export function checkSearchTerms(def: AnyQuery, input: Record<string, unknown>, headers: Headers, config: AccessConfig & Pick<AppConfig, 'piiReveal'>): { problems: { path: string; message: string }[]; audited: string[] } {
  const problems: { path: string; message: string }[] = [];
  const audited: string[] = [];
  let reveal: ReturnType<typeof mayReveal> | undefined;
  for (const [param, termsOf] of Object.entries(def.searchTerms ?? {})) {
    for (const term of termsOf(input[param])) {
      const shape = personalDataInTerm(term);
      if (!shape) continue;
      reveal ??= mayReveal(headers, config);
      if (reveal.ok) audited.push(param);
      else problems.push({ path: param, message: `"${term}" ${shape}: searching for personal data needs permission to reveal it (${reveal.reason})` });
    }
  }
  return { problems, audited: [...new Set(audited)] };
}
