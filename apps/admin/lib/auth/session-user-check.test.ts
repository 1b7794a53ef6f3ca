import { createTenant, deleteTenant, tenantDb, type CreatedTenant } from '@himal/db';
import type { JWT } from 'next-auth/jwt';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminRealm } from '../current-realm.ts';
import { authOptionsFor } from './auth-options.ts';

describe('a session whose user changed after signing in', () => {
  let agency: CreatedTenant;
  let realm: AdminRealm;
  let userId: string;
  const jwt = (token: Partial<JWT>) =>
    authOptionsFor(realm, { secure: false }).callbacks!.jwt!({ token: token as JWT, user: undefined as never, account: null });

  beforeAll(async () => {
    const slug = `recheck-${randomBytes(4).toString('hex')}`;
    agency = await createTenant({
      slug,
      name: 'Recheck Treks',
      adminEmail: `owner@${slug}.test`,
      adminPassword: 'long enough password',
    });
    realm = { kind: 'agency', tenant: agency.tenant };
    userId = (await tenantDb(agency.tenant).selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => deleteTenant(agency.tenant.slug, agency.tenant.slug));

  const stale = () => ({ sub: userId, realm: `tenant:${agency.tenant.id}`, role: 'owner', checkedAt: Date.now() - 10 * 60_000 });

  it('is refreshed from the database once the last check is old, picking up a new role', async () => {
    await tenantDb(agency.tenant).updateTable('users').set({ role: 'agent' }).where('id', '=', userId).execute();
    const token = await jwt(stale());
    expect(token).toMatchObject({ role: 'agent' });
    expect(token.checkedAt).toBeGreaterThan(Date.now() - 5_000);
  });

  it('is not looked up again while the last check is recent', async () => {
    await expect(jwt({ ...stale(), checkedAt: Date.now() })).resolves.toMatchObject({ role: 'owner' });
  });

  it('ends once the user is disabled', async () => {
    await tenantDb(agency.tenant).updateTable('users').set({ disabled: true }).where('id', '=', userId).execute();
    await expect(jwt(stale())).rejects.toThrow(/can no longer sign in/);
  });
});
