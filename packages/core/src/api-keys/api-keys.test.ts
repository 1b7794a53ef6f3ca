import { tenantDb, type CreatedTenant, type Tenant } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderError } from '../orders/order-errors.ts';
import { authenticateApiKey } from './authenticate-api-key.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';

/** API keys in the agency's schema: shown once, stored as a hash, scoped, revocable, unknown to other agencies. */
const tenants: CreatedTenant[] = [];
let everest: Tenant;
let lumbini: Tenant;

beforeAll(async () => {
  tenants.push(await createTestTenant(), await createTestTenant());
  everest = tenants[0]!.tenant;
  lumbini = tenants[1]!.tenant;
});
afterAll(() => deleteTestTenants(tenants));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as OrderError,
  );

describe('API keys', () => {
  it('are shown once and stored only as a hash', async () => {
    const created = await createApiKey(everest, { name: 'Booking widget', scopes: ['orders:read', 'orders:write'] });
    expect(created.key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    expect(created.id).toMatch(/^key_[0-9a-z]{26}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(['orders:read', 'orders:write']);

    const row = await tenantDb(everest).selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const listed = (await listApiKeys(everest)).find((key) => key.id === created.id);
    expect(listed).toMatchObject({ name: 'Booking widget', prefix: created.prefix, scopes: created.scopes, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(created.prefix.length));
  });

  it('authenticate the agency’s key with its scopes, and nothing else', async () => {
    const created = await createApiKey(everest, { name: 'Reports', scopes: ['orders:read'] });
    expect(await authenticateApiKey(everest, created.key)).toEqual({ id: created.id, name: 'Reports', scopes: ['orders:read'] });
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    for (const presented of [
      created.key.slice(0, -1) + last,
      created.key.slice(0, -1),
      `${created.key}x`,
      '',
      'hk_',
      created.prefix,
    ]) {
      expect(await authenticateApiKey(everest, presented)).toBeNull();
    }
  });

  it("of one agency do not open another's schema", async () => {
    const created = await createApiKey(everest, { name: 'Partner', scopes: ['orders:write'] });
    expect(await authenticateApiKey(lumbini, created.key)).toBeNull();
    expect((await listApiKeys(lumbini)).map((key) => key.id)).not.toContain(created.id);
    expect((await refusal(revokeApiKey(lumbini, created.id)))?.code).toBe('NOT_FOUND');
    expect(await authenticateApiKey(everest, created.key)).not.toBeNull();
  });

  it('are refused once revoked, and revoking again changes nothing', async () => {
    const created = await createApiKey(everest, { name: 'Old integration', scopes: ['departures:write'] });
    const revoked = await revokeApiKey(everest, created.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(everest, created.key)).toBeNull();
    expect((await revokeApiKey(everest, created.id)).revokedAt).toEqual(revoked.revokedAt);
    expect((await refusal(revokeApiKey(everest, 'key_unknown')))?.code).toBe('NOT_FOUND');
  });

  it('record their last use at most once a minute', async () => {
    const created = await createApiKey(everest, { name: 'Busy', scopes: ['orders:read'] });
    const lastUsed = async () =>
      (
        await tenantDb(everest)
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(everest, created.key);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    for (let i = 0; i < 5; i++) await authenticateApiKey(everest, created.key);
    expect(await lastUsed()).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await tenantDb(everest).updateTable('api_keys').set({ last_used_at: twoMinutesAgo }).where('id', '=', created.id).execute();
    await authenticateApiKey(everest, created.key);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });

  it('need a name and known scopes', async () => {
    const refused = await refusal(createApiKey(everest, { name: ' ', scopes: ['orders:read', 'orders:delete'] }));
    expect(refused).toBeInstanceOf(OrderError);
    expect(refused!.code).toBe('INVALID_REQUEST');
    expect(refused!.details.fields).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'scopes.1', message: 'one of orders:read, orders:write, departures:write' },
    ]);
    expect((await refusal(createApiKey(everest, { name: 'No scopes', scopes: [] })))!.details.fields).toEqual([
      { path: 'scopes', message: 'at least one scope' },
    ]);
    expect((await createApiKey(everest, { name: 'Twice', scopes: ['orders:read', 'orders:read'] })).scopes).toEqual([
      'orders:read',
    ]);
  });
});
