import { z } from 'zod';
import { authenticatePlatformUser, authenticateTenantUser, type AuthenticatedUser } from '../authenticate.ts';
import { admitSignInAttempt, recordSuccessfulSignIn } from '../sign-in-throttle.ts';
import type { SignInRealm } from '../sign-in-realm.ts';

const credentialsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(200),
});

/** Error code the sign-in form shows as "try again later"; details stay in the server log. */
export const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';
/** Error code for an account with too many wrong passwords lately. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

/**
 * Checks credentials against the realm's own users: an agency's users live in its schema, platform
 * operators in the control plane. Null means "wrong email or password", whatever the reason. The
 * attempt is counted (shared by every instance) before the password is checked.
 */
export async function authorizeInRealm(
  realm: SignInRealm,
  credentials: unknown,
  client: string,
): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = { realm: realm.kind === 'platform' ? 'platform' : `tenant:${realm.tenant.id}`, email, client };
  let user: AuthenticatedUser | null;
  try {
    if (!(await admitSignInAttempt(attempt)).admitted) throw new Error(TOO_MANY_ATTEMPTS);
    if (realm.kind === 'platform') user = await authenticatePlatformUser(email, password);
    // proxy.ts already answers 503 for a suspended agency; this covers a suspension mid-request.
    else if (realm.tenant.status !== 'active') return null;
    else user = await authenticateTenantUser(realm.tenant, email, password);
  } catch (error) {
    if ((error as Error).message === TOO_MANY_ATTEMPTS) throw error;
    console.error(
      `[auth] sign-in failed in ${realm.kind === 'platform' ? 'platform' : realm.tenant.slug}: ${(error as Error).message}`,
    );
    // next-auth puts a thrown error's message in the redirect URL; give it a code, not internals.
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (user) await recordSuccessfulSignIn(attempt).catch((error: Error) => console.error(`[auth] ${error.message}`));
  return user;
}
