import type { Tenant } from '@himal/db';

/**
 * Whose users sign in: one agency's (its staff, in its schema) or the platform's (operators, in the
 * control plane). Users, sessions and secrets never cross from one realm to another.
 */
export type SignInRealm = { kind: 'agency'; tenant: Tenant } | { kind: 'platform' };

/** The realm's stable key: it names the session secret and is the session token's realm claim. */
export function realmKey(realm: SignInRealm): string {
  return realm.kind === 'platform' ? 'platform' : `tenant:${realm.tenant.id}`;
}
