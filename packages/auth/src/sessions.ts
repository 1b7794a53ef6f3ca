import { controlDb, tenantDb, type Tenant } from '@himal/db';
import { createHash, randomBytes } from 'node:crypto';

/**
 * Sessions kept on the server. A session cookie names a random 256-bit id; the database keeps its
 * SHA-256 (a copy of the table opens no session) beside the user and the expiry. Every use of a
 * session asks, in one query, whether the row is still there and its user may still sign in, so
 * signing out, disabling or removing a user ends the session at once, on every app instance.
 * An agency user's sessions live in the agency's schema, an operator's in the control plane.
 */
export type SessionRealm = { kind: 'agency'; tenant: Pick<Tenant, 'schemaName'> } | { kind: 'platform' };

const digest = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Opens a session for a user who just proved who they are; returns the id for the cookie. */
export async function startSession(realm: SessionRealm, userId: string, maxAgeSeconds: number): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + maxAgeSeconds * 1000);
  if (realm.kind === 'platform') {
    await controlDb().$transaction([
      controlDb().platformSession.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } }),
      controlDb().platformSession.create({ data: { idHash: digest(sessionId), userId, expiresAt } }),
    ]);
  } else {
    const db = tenantDb(realm.tenant);
    await db.deleteFrom('user_sessions').where('user_id', '=', userId).where('expires_at', '<=', new Date()).execute();
    await db
      .insertInto('user_sessions')
      .values({ id_hash: digest(sessionId), user_id: userId, expires_at: expiresAt })
      .execute();
  }
  return sessionId;
}

/** The role of the session's user while the session is open and the user may sign in; else null. */
export async function sessionUserRole(realm: SessionRealm, sessionId: string): Promise<string | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const now = new Date();
  if (realm.kind === 'platform') {
    const session = await controlDb().platformSession.findUnique({
      where: { idHash: digest(sessionId) },
      select: { expiresAt: true, user: { select: { role: true, disabled: true } } },
    });
    return session && session.expiresAt > now && !session.user.disabled ? session.user.role : null;
  }
  const row = await tenantDb(realm.tenant)
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.role', 'u.disabled'])
    .where('s.id_hash', '=', digest(sessionId))
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return row && !row.disabled ? row.role : null;
}

/** Ends one session (signing out). */
export async function endSession(realm: SessionRealm, sessionId: string): Promise<void> {
  if (realm.kind === 'platform') await controlDb().platformSession.deleteMany({ where: { idHash: digest(sessionId) } });
  else await tenantDb(realm.tenant).deleteFrom('user_sessions').where('id_hash', '=', digest(sessionId)).execute();
}

/** Ends every session of a user (a changed password, "sign out everywhere"). */
export async function endUserSessions(realm: SessionRealm, userId: string): Promise<void> {
  if (realm.kind === 'platform') await controlDb().platformSession.deleteMany({ where: { userId } });
  else await tenantDb(realm.tenant).deleteFrom('user_sessions').where('user_id', '=', userId).execute();
}
