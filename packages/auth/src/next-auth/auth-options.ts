import { clientAddressFrom } from '@himal/http/next';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sessionSecretFor } from '../session-secret.ts';
import { endSession, sessionUserRole, startSession, type SessionRealm } from '../sessions.ts';
import { realmKey, type SignInRealm } from '../sign-in-realm.ts';
import { authLogger } from './auth-logger.ts';
import { authorizeInRealm } from './authorize.ts';

// next-auth v4 takes its origin from NEXTAUTH_URL when that is set, and otherwise, with
// AUTH_TRUST_HOST, from the request's (X-Forwarded-)Host and X-Forwarded-Proto. One deployment
// serves every agency's host, and proxy.ts only lets hosts the directory knows through (and
// overwrites both forwarded headers), so the origin must come from the request.
if (process.env.NEXTAUTH_URL) {
  throw new Error('NEXTAUTH_URL must not be set for the admin app: it serves many hosts and takes each origin from the request');
}
process.env.AUTH_TRUST_HOST = 'true';

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function sessionRealm(realm: SignInRealm): SessionRealm {
  return realm.kind === 'platform' ? { kind: 'platform' } : { kind: 'agency', tenant: realm.tenant };
}

/** A session that was signed out, or whose user was disabled or removed. */
class SessionEndedError extends Error {
  readonly code = 'SESSION_ENDED';
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
export function authOptionsFor(realm: SignInRealm, { secure }: { secure: boolean }): AuthOptions {
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
        authorize: (credentials, request) =>
          authorizeInRealm(realm, credentials, clientAddressFrom(request?.headers?.['x-forwarded-for'])),
      }),
    ],
    events: {
      // Signing out ends the session on the server: the cookie is worthless from now on, wherever it is.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSession(sessionRealm(realm), token.sid);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        // `user` is only present at sign-in: open a session on the server, name it in the token.
        if (user) {
          const sid = await startSession(sessionRealm(realm), user.id, SESSION_MAX_AGE_SECONDS);
          return Object.assign(token, { realm: realmClaim, role: user.role, sid });
        }
        // Every later use: a token from another realm is refused (next-auth then clears the cookie).
        if (token.realm !== realmClaim) throw new SessionRealmMismatchError('session issued for another realm');
        // ... and so is one whose session was signed out, or whose user can no longer sign in; the
        // role is read afresh, so a changed role applies at once.
        const role = typeof token.sid === 'string' ? await sessionUserRole(sessionRealm(realm), token.sid) : null;
        if (!role) throw new SessionEndedError('this session has ended');
        return Object.assign(token, { role });
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
