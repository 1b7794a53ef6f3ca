import { createApiKey, OrderError, revokeApiKey } from '@himal/core';
import type { CreatedTenant, Tenant } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiCaller, requireScope, type ApiCaller } from './authenticate-api-caller.ts';

/** Who calls: an agency's API key from the Authorization header, or anyone; a wrong key is refused, never anonymous. */
const tenants: CreatedTenant[] = [];
let everest: Tenant;
let lumbini: Tenant;

beforeAll(async () => {
  tenants.push(await createTestTenant(), await createTestTenant());
  everest = tenants[0]!.tenant;
  lumbini = tenants[1]!.tenant;
});
afterAll(() => deleteTestTenants(tenants));

const withAuthorization = (authorization?: string) =>
  new Request('http://everest.localhost/api/v1/orders', authorization === undefined ? {} : { headers: { authorization } });

const refusalCode = (work: () => unknown) =>
  Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => (error instanceof OrderError ? error.code : error),
    );

describe('authenticateApiCaller', () => {
  it('knows an agency key by its bearer token, with its scopes', async () => {
    const key = await createApiKey(everest, { name: 'Widget', scopes: ['orders:write'] });
    expect(await authenticateApiCaller(withAuthorization(`Bearer ${key.key}`), everest)).toEqual({
      kind: 'api-key',
      keyId: key.id,
      scopes: ['orders:write'],
    });
    expect((await authenticateApiCaller(withAuthorization(`bearer  ${key.key}`), everest)).kind).toBe('api-key');
  });

  it('takes a request without credentials as anonymous', async () => {
    expect(await authenticateApiCaller(withAuthorization(), everest)).toEqual({ kind: 'anonymous' });
  });

  it('refuses malformed, unknown, revoked and other agencies’ keys with UNAUTHENTICATED', async () => {
    const key = await createApiKey(everest, { name: 'Soon revoked', scopes: ['orders:read'] });
    const theirs = await createApiKey(lumbini, { name: 'Lumbini', scopes: ['orders:read'] });
    const revoked = await createApiKey(everest, { name: 'Revoked', scopes: ['orders:read'] });
    await revokeApiKey(everest, revoked.id);
    for (const authorization of [
      '',
      'Bearer',
      `Basic ${Buffer.from('user:pass').toString('base64')}`,
      key.key,
      `Bearer ${key.key.slice(0, -2)}`,
      `Bearer hk_${'A'.repeat(43)}`,
      `Bearer ${theirs.key}`,
      `Bearer ${revoked.key}`,
    ]) {
      expect(await refusalCode(() => authenticateApiCaller(withAuthorization(authorization), everest)), authorization).toBe(
        'UNAUTHENTICATED',
      );
    }
  });
});

describe('requireScope', () => {
  const caller: ApiCaller = { kind: 'api-key', keyId: 'key_x', scopes: ['orders:read'] };

  it('lets a key with the scope through, refuses one without (403) and an anonymous caller (401)', async () => {
    expect(await refusalCode(() => requireScope(caller, 'orders:read'))).toBeUndefined();
    expect(await refusalCode(() => requireScope(caller, 'orders:write'))).toBe('FORBIDDEN');
    expect(await refusalCode(() => requireScope({ kind: 'anonymous' }, 'orders:read'))).toBe('UNAUTHENTICATED');
  });
});
