import { authenticatePlatformUser, authenticateTenantUser, SignInThrottle, type AuthenticatedUser } from '@himal/db';
import { z } from 'zod';
import type { AdminRealm } from '../current-realm.ts';

const credentialsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(200),
});

/** Error code the sign-in form shows as "try again later"; details stay in the server log. */
export const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';
/** Error code for an account with too many wrong passwords lately. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

const throttle = new SignInThrottle();

/**
 * Checks credentials against the realm's own users: an agency's users live in its schema, platform
 * operators in the control plane. Null means "wrong email or password", whatever the reason.
 */
export async function authorizeInRealm(realm: AdminRealm, credentials: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const account = `${realm.kind === 'platform' ? 'platform' : `tenant:${realm.tenant.id}`}:${email.toLowerCase()}`;
  if (throttle.retryAfterMs(account) > 0) throw new Error(TOO_MANY_ATTEMPTS);
  let user: AuthenticatedUser | null;
  try {
    if (realm.kind === 'platform') user = await authenticatePlatformUser(email, password);
    // proxy.ts already answers 503 for a suspended agency; this covers a suspension mid-request.
    else if (realm.tenant.status !== 'active') return null;
    else user = await authenticateTenantUser(realm.tenant, email, password);
  } catch (error) {
    console.error(
      `[auth] sign-in failed in ${realm.kind === 'platform' ? 'platform' : realm.tenant.slug}: ${(error as Error).message}`,
    );
    // next-auth puts a thrown error's message in the redirect URL; give it a code, not internals.
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (user) throttle.recordSuccess(account);
  else throttle.recordFailure(account);
  return user;
}
