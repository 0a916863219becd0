/** A requester by name: users by e-mail, service principals by application id (lib/principals). */
export type PrincipalKind = 'user' | 'service_principal' | 'unknown';
export interface Principal { id: string; name: string | null; kind: PrincipalKind }
