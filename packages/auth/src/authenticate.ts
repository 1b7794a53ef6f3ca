import { controlDb, tenantDb, type Tenant } from '@himal/db';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/**
 * Checks an agency user's credentials inside that agency's schema. An unknown email is verified
 * against a decoy hash so both failures take the same time.
 */
export async function authenticateTenantUser(tenant: Tenant, email: string, password: string): Promise<AuthenticatedUser | null> {
  const normalized = email.trim().toLowerCase();
  // The password is checked outside any transaction: a hash takes milliseconds of CPU and must not
  // hold a pooled connection while it runs.
  const user = await tenantDb(tenant)
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabled', 'password_hash'])
    .where('email', '=', normalized)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  if (!user || !ok || user.disabled) return null;
  await tenantDb(tenant).updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', user.id).execute();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function authenticatePlatformUser(email: string, password: string): Promise<AuthenticatedUser | null> {
  const db = controlDb();
  const user = await db.platformUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !ok || user.disabled) return null;
  await db.platformUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Creates a platform operator, or leaves an existing one as it is. */
export async function ensurePlatformUser(input: { email: string; name: string; password: string; role?: 'owner' | 'operator' }) {
  const email = input.email.trim().toLowerCase();
  const db = controlDb();
  const existing = await db.platformUser.findUnique({ where: { email } });
  if (existing) return { created: false, id: existing.id };
  const user = await db.platformUser.create({
    data: { email, name: input.name, passwordHash: await hashPassword(input.password), role: input.role ?? 'operator' },
  });
  return { created: true, id: user.id };
}
