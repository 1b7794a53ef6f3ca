import type { Tenant } from '@himal/db';
import type { JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionSecretFor } from '../session-secret.ts';
import type { SignInRealm } from '../sign-in-realm.ts';
import { authOptionsFor } from './auth-options.ts';

const tenant = (id: string): Tenant => ({
  id,
  slug: `t${id.slice(0, 4)}`,
  name: 'Agency',
  status: 'active',
  schemaName: `t_${id}`,
});
const everest: SignInRealm = { kind: 'agency', tenant: tenant('00000000000000e1') };
const lumbini: SignInRealm = { kind: 'agency', tenant: tenant('00000000000000b2') };

afterEach(() => vi.unstubAllEnvs());

function jwtCallback(realm: SignInRealm) {
  const jwt = authOptionsFor(realm, { secure: false }).callbacks!.jwt!;
  return async (params: { token: Partial<JWT>; user?: { id: string; role: string } }) =>
    jwt({ token: params.token as JWT, user: params.user as never, account: null });
}

describe('authOptionsFor', () => {
  it('gives every realm its own session key', () => {
    const keys = [everest, lumbini, { kind: 'platform' } as const].map(
      (realm) => authOptionsFor(realm, { secure: false }).secret,
    );
    expect(new Set(keys).size).toBe(3);
  });

  it('refuses a token of another realm before looking anything up', async () => {
    const everestToken = { sub: 'u1', realm: 'tenant:00000000000000e1', role: 'owner', sid: 'x'.repeat(43) };
    await expect(jwtCallback(lumbini)({ token: everestToken })).rejects.toThrow(/another realm/);
    await expect(jwtCallback({ kind: 'platform' })({ token: everestToken })).rejects.toThrow(/another realm/);
  });

  it('uses host-only cookies, with the __Host- prefix and Secure over https', () => {
    const plain = authOptionsFor(everest, { secure: false });
    const secure = authOptionsFor(everest, { secure: true });
    expect(plain.cookies?.sessionToken).toMatchObject({ name: 'himal-admin.session', options: { secure: false } });
    expect(secure.cookies?.sessionToken).toMatchObject({
      name: '__Host-himal-admin.session',
      options: { secure: true, path: '/' },
    });
    expect(secure.useSecureCookies).toBe(true);
    for (const options of [plain, secure]) expect(options.cookies?.sessionToken?.options).not.toHaveProperty('domain');
  });
});

describe('sessionSecretFor', () => {
  it('derives from NEXTAUTH_SECRET', () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'a'.repeat(32));
    const first = sessionSecretFor('platform');
    vi.stubEnv('NEXTAUTH_SECRET', 'b'.repeat(32));
    expect(sessionSecretFor('platform')).not.toBe(first);
  });

  it('refuses a short secret, and a missing one in production', () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'short');
    expect(() => sessionSecretFor('platform')).toThrow(/at least 32/);
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('HIMAL_DEV_SECRET', '');
    expect(() => sessionSecretFor('platform')).toThrow(/NEXTAUTH_SECRET is not set/);
    vi.stubEnv('HIMAL_DEV_SECRET', 'local-production-build');
    expect(sessionSecretFor('platform')).toBeTruthy();
  });
});
