import { z } from 'zod';

/**
 * Optional roles, mapped from the identity Databricks Apps (or a proxy) forwards. Without ROLES
 * everyone is `admin`: a single-team deployment needs no set-up.
 *
 * - admin: everything, including revealing masked personal data
 * - ops, pm: every view and conversation text, personal data masked; alert rules
 * - finance: totals and spend; no conversation text; budgets
 */
export const ROLE_NAMES = ['admin', 'ops', 'pm', 'finance'] as const;
export type Role = (typeof ROLE_NAMES)[number];
export type Capability = 'conversation_text' | 'reveal_pii' | 'manage_alerts' | 'manage_budgets';

// Alert rules are the on-call roles' (admin, ops, pm); budgets are finance's (and admin's).
const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ['conversation_text', 'reveal_pii', 'manage_alerts', 'manage_budgets'],
  ops: ['conversation_text', 'manage_alerts'],
  pm: ['conversation_text', 'manage_alerts'],
  finance: ['manage_budgets'],
};

export interface RoleRule { role: Role; pattern: RegExp; source: string }

const PATTERN = /^[A-Za-z0-9*._%+@-]+$/;

/** `ops:alice@x.com,*@ops.x.com;finance:bob@x.com` → ordered rules; the first match wins. */
export function parseRoles(spec: string): { rules: RoleRule[]; problems: string[] } {
  const rules: RoleRule[] = [];
  const problems: string[] = [];
  for (const group of spec.split(';').map((g) => g.trim()).filter(Boolean)) {
    const [role, list] = group.split(':', 2) as [string, string | undefined];
    if (!(ROLE_NAMES as readonly string[]).includes(role.trim())) {
      problems.push(`ROLES: unknown role "${role.trim()}" (expected ${ROLE_NAMES.join(', ')})`);
      continue;
    }
    for (const who of (list ?? '').split(',').map((w) => w.trim()).filter(Boolean)) {
      if (!PATTERN.test(who)) {
        problems.push(`ROLES: "${who}" is not an email address or pattern such as *@example.com`);
        continue;
      }
      const regex = new RegExp(`^${who.replace(/[.+%@-]/g, (c) => `\\${c}`).replace(/\*/g, '[^@]*')}$`, 'i');
      rules.push({ role: role.trim() as Role, pattern: regex, source: who });
    }
  }
  return { rules, problems };
}

export const accessEnvShape = {
  ROLES: z.string().optional(),
  DEFAULT_ROLE: z.enum(ROLE_NAMES).optional(),
};

export interface Viewer { identity: string; role: Role }

/** Who vouches for the X-Forwarded-* identity headers (lib/config.ts decides at start-up). */
export type IdentitySource = 'databricks-apps' | 'trusted-proxy' | 'none';

const IDENTITY_HEADERS = ['x-forwarded-email', 'x-forwarded-preferred-username', 'x-forwarded-user'] as const;

/**
 * The signed-in viewer as the proxy forwards them, or "anonymous". The headers count only when a
 * proxy that sets them (and drops a client's own) is in front; otherwise anyone could send them.
 * The role check and the audit log both read this, so they always name the same person.
 */
export function identityOf(headers: Headers, source: IdentitySource): string {
  if (source === 'none') return 'anonymous';
  for (const name of IDENTITY_HEADERS) {
    const v = headers.get(name)?.trim();
    if (v && v.length <= 320) return v;
  }
  return 'anonymous';
}

/** Who is asking and with which role. */
export function viewerOf(headers: Headers, config: { roles: RoleRule[]; defaultRole: Role; identitySource: IdentitySource }): Viewer {
  const identity = identityOf(headers, config.identitySource);
  const rule = identity === 'anonymous' ? undefined : config.roles.find((r) => r.pattern.test(identity));
  return { identity, role: rule?.role ?? config.defaultRole };
}

export function can(viewer: Viewer, capability: Capability): boolean {
  return CAPABILITIES[viewer.role].includes(capability);
}
