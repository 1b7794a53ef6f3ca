import { activePlatformUserRole, activeTenantUserRole } from '@himal/db';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { realmKey, type AdminRealm } from '../current-realm.ts';
import { authLogger } from './auth-logger.ts';
import { authorizeInRealm } from './authorize.ts';
import { sessionSecretFor } from './session-secret.ts';

// next-auth v4 takes its origin from NEXTAUTH_URL when that is set, and otherwise, with
// AUTH_TRUST_HOST, from the request's (X-Forwarded-)Host and X-Forwarded-Proto. One deployment
// serves every agency's host, and proxy.ts only lets hosts the directory knows through (and
// overwrites both forwarded headers), so the origin must come from the request.
if (process.env.NEXTAUTH_URL) {
  throw new Error('NEXTAUTH_URL must not be set for the admin app: it serves many hosts and takes each origin from the request');
}
process.env.AUTH_TRUST_HOST = 'true';

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** How often a session's user is looked up again (disabled, removed, role changed). */
const USER_RECHECK_MS = 5 * 60_000;

function activeRoleInRealm(realm: AdminRealm, userId: string): Promise<string | null> {
  return realm.kind === 'platform' ? activePlatformUserRole(userId) : activeTenantUserRole(realm.tenant, userId);
}

/** A session whose user was disabled or removed after signing in. */
class SessionUserInactiveError extends Error {
  readonly code = 'SESSION_USER_INACTIVE';
}

/** A session token presented on a realm it was not issued for. */
class SessionRealmMismatchError extends Error {
  readonly code = 'SESSION_REALM_MISMATCH';
}

/**
 * next-auth options for one realm, built per request. The realm decides the users (authorize), the
 * key sessions are encrypted with, and the realm claim every use of a session is checked against.
 * `secure` (the request came over https) decides the cookies' Secure flag and `__Host-` prefix;
 * cookies never get a Domain, so each admin host has its own.
 */
export function authOptionsFor(realm: AdminRealm, { secure }: { secure: boolean }): AuthOptions {
  const realmClaim = realmKey(realm);
  return {
    secret: sessionSecretFor(realmClaim),
    logger: authLogger,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: secure ? '__Host-himal-admin.session' : 'himal-admin.session',
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize: (credentials) => authorizeInRealm(realm, credentials),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // `user` is only present at sign-in: stamp the realm and role into the new token.
        if (user) Object.assign(token, { realm: realmClaim, role: user.role, checkedAt: Date.now() });
        // Every later use: a token from another realm is refused (next-auth then clears the cookie).
        if (token.realm !== realmClaim) throw new SessionRealmMismatchError('session issued for another realm');
        // A user disabled or removed since signing in loses the session within USER_RECHECK_MS.
        if (!token.checkedAt || Date.now() - token.checkedAt > USER_RECHECK_MS) {
          const role = token.sub ? await activeRoleInRealm(realm, token.sub) : null;
          if (!role) throw new SessionUserInactiveError('the user of this session can no longer sign in');
          Object.assign(token, { role, checkedAt: Date.now() });
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          realm: token.realm,
          user: { id: token.sub ?? '', name: token.name ?? '', email: token.email ?? '', role: token.role },
        };
      },
    },
  };
}
