import { TEST_ADMIN_PASSWORD, TEST_ADMIN_PASSWORD_HASH } from '@himal/db/testing';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const passwordHash = await hashPassword('long enough password');
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash, 'long enough password')).toBe(true);
    expect(await verifyPassword(passwordHash, 'another password')).toBe(false);
    expect(await verifyPassword('not a hash', 'long enough password')).toBe(false);
  });

  it("is what made the test tenants' fixed hash (@himal/db/testing)", async () => {
    expect(await verifyPassword(TEST_ADMIN_PASSWORD_HASH, TEST_ADMIN_PASSWORD)).toBe(true);
  });
});
