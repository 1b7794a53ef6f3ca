import { createTenant, deleteTenant, tenantDb, type CreatedTenant } from '@himal/db';
import type { JWT } from 'next-auth/jwt';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlatformUser } from '../authenticate.ts';
import { hashPassword } from '../passwords.ts';
import type { SignInRealm } from '../sign-in-realm.ts';
import { authOptionsFor } from './auth-options.ts';

/** Sessions live on the server: every use of a token asks whether its session and its user still stand. */
describe('server-side sessions', () => {
  let agency: CreatedTenant;
  let realm: SignInRealm;
  let userId: string;
  const options = () => authOptionsFor(realm, { secure: false });
  const use = (token: Partial<JWT>) =>
    options().callbacks!.jwt!({ token: token as JWT, user: undefined as never, account: null });
  const signIn = () =>
    options().callbacks!.jwt!({
      token: { sub: userId } as JWT,
      user: { id: userId, role: 'owner' } as never,
      account: null,
    });
  const signOut = (token: JWT) => (options().events!.signOut as (message: { token: JWT }) => Promise<void>)({ token });

  beforeAll(async () => {
    const slug = `session-${randomBytes(4).toString('hex')}`;
    agency = await createTenant({
      slug,
      name: 'Session Treks',
      adminEmail: `owner@${slug}.test`,
      adminPasswordHash: await hashPassword('long enough password'),
    });
    realm = { kind: 'agency', tenant: agency.tenant };
    userId = (await tenantDb(agency.tenant).selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => deleteTenant(agency.tenant.slug, agency.tenant.slug));

  it('opens a session at sign-in, named in the token with the realm', async () => {
    const token = await signIn();
    expect(token).toMatchObject({
      realm: `tenant:${agency.tenant.id}`,
      role: 'owner',
      sid: expect.stringMatching(/^[\w-]{43}$/),
    });
    await expect(use(token)).resolves.toMatchObject({ role: 'owner' });
  });

  it('ends at once when signed out, wherever the token is replayed', async () => {
    const token = await signIn();
    const other = await signIn();
    await signOut(token);
    await expect(use(token)).rejects.toThrow(/session has ended/);
    await expect(use(other)).resolves.toMatchObject({ role: 'owner' }); // another device's session stays
  });

  it('picks up a changed role on the next use', async () => {
    const token = await signIn();
    await tenantDb(agency.tenant).updateTable('users').set({ role: 'agent' }).where('id', '=', userId).execute();
    await expect(use(token)).resolves.toMatchObject({ role: 'agent' });
    await tenantDb(agency.tenant).updateTable('users').set({ role: 'owner' }).where('id', '=', userId).execute();
  });

  it('ends at once when the user is disabled', async () => {
    const token = await signIn();
    await tenantDb(agency.tenant).updateTable('users').set({ disabled: true }).where('id', '=', userId).execute();
    await expect(use(token)).rejects.toThrow(/session has ended/);
    await tenantDb(agency.tenant).updateTable('users').set({ disabled: false }).where('id', '=', userId).execute();
  });

  it('refuses a token that names no session, or a made-up one', async () => {
    await expect(use({ sub: userId, realm: `tenant:${agency.tenant.id}`, role: 'owner' })).rejects.toThrow(/session has ended/);
    await expect(
      use({ sub: userId, realm: `tenant:${agency.tenant.id}`, role: 'owner', sid: randomBytes(32).toString('base64url') }),
    ).rejects.toThrow(/session has ended/);
  });

  it('works the same for platform operators', async () => {
    const operator = await ensurePlatformUser({
      email: `operator-${randomBytes(3).toString('hex')}@himal.test`,
      name: 'Operator',
      password: 'long enough password',
    });
    const platform = authOptionsFor({ kind: 'platform' }, { secure: false });
    const token = await platform.callbacks!.jwt!({
      token: { sub: operator.id } as JWT,
      user: { id: operator.id, role: 'operator' } as never,
      account: null,
    });
    await expect(platform.callbacks!.jwt!({ token, user: undefined as never, account: null })).resolves.toMatchObject({
      role: 'operator',
    });
    await (platform.events!.signOut as (message: { token: JWT }) => Promise<void>)({ token });
    await expect(platform.callbacks!.jwt!({ token, user: undefined as never, account: null })).rejects.toThrow(/ended/);
  });
});
