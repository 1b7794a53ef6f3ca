import { describe, expect, it } from 'vitest';
import { firstAdminPassword } from './first-admin-password.ts';
import { verifyPassword } from './passwords.ts';

describe('firstAdminPassword', () => {
  it('hashes the chosen password', async () => {
    const admin = await firstAdminPassword('long enough password');
    expect(admin).toMatchObject({ password: 'long enough password', generated: false });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, 'long enough password')).toBe(true);
  });

  it('makes one up when none was chosen', async () => {
    const admin = await firstAdminPassword(undefined);
    expect(admin.generated).toBe(true);
    expect(admin.password.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword(admin.passwordHash, admin.password)).toBe(true);
  });

  it('refuses a short password, naming the input', async () => {
    await expect(firstAdminPassword('short')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'adminPassword: a password has at least 10 characters',
    });
  });
});
