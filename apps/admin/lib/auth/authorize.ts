import { authenticatePlatformUser, authenticateTenantUser, type AuthenticatedUser } from '@himal/db';
import { z } from 'zod';
import type { AdminRealm } from '../current-realm.ts';

const credentialsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(200),
});

/** Error code the sign-in form shows as "try again later"; details stay in the server log. */
export const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';

/**
 * Checks credentials against the realm's own users: an agency's users live in its schema, platform
 * operators in the control plane. Null means "wrong email or password", whatever the reason.
 */
export async function authorizeInRealm(realm: AdminRealm, credentials: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  try {
    if (realm.kind === 'platform') return await authenticatePlatformUser(email, password);
    // proxy.ts already answers 503 for a suspended agency; this covers a suspension mid-request.
    if (realm.tenant.status !== 'active') return null;
    return await authenticateTenantUser(realm.tenant, email, password);
  } catch (error) {
    console.error(
      `[auth] sign-in failed in ${realm.kind === 'platform' ? 'platform' : realm.tenant.slug}: ${(error as Error).message}`,
    );
    // next-auth puts a thrown error's message in the redirect URL; give it a code, not internals.
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}
