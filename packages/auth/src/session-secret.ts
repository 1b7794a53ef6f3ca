import { createHmac } from 'node:crypto';

// Only for `next dev` and tests on a developer's machine; production refuses to start without a secret.
const DEVELOPMENT_SECRET = 'himal-development-only-session-secret-0000';

/**
 * The deployment's root secret. NEXTAUTH_SECRET in production; outside production a fixed
 * development secret; HIMAL_DEV_SECRET lets a local production build (`next start` on a laptop)
 * run without inventing a NEXTAUTH_SECRET. Never logged.
 */
function rootSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('NEXTAUTH_SECRET must be at least 32 characters');
    return configured;
  }
  if (process.env.NODE_ENV !== 'production') return DEVELOPMENT_SECRET;
  if (process.env.HIMAL_DEV_SECRET) return process.env.HIMAL_DEV_SECRET;
  throw new Error('NEXTAUTH_SECRET is not set; the admin app cannot sign sessions without it');
}

/**
 * A separate key per realm (`tenant:<id>` or `platform`): next-auth encrypts and checks session
 * tokens with it, so a token minted for one agency cannot even be decoded on another's host.
 */
export function sessionSecretFor(realmKey: string): string {
  return createHmac('sha256', rootSecret()).update(realmKey).digest('base64url');
}
