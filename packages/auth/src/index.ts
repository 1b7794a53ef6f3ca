// Signing people in, for any app: passwords, credentials, sign-in throttling, server-side sessions
// and per-realm session secrets. next-auth's options are behind '@himal/auth/next-auth'.
export { AuthError, type AuthErrorCode } from './errors.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { firstAdminPassword, type FirstAdminPassword } from './first-admin-password.ts';
export { authenticateTenantUser, authenticatePlatformUser, ensurePlatformUser, type AuthenticatedUser } from './authenticate.ts';
export { admitSignInAttempt, recordSuccessfulSignIn, SIGN_IN_LIMITS, type SignInAttempt } from './sign-in-throttle.ts';
export { startSession, sessionUserRole, endSession, endUserSessions, type SessionRealm } from './sessions.ts';
export { realmKey, type SignInRealm } from './sign-in-realm.ts';
export { sessionSecretFor } from './session-secret.ts';
