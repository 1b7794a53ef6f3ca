import { authOptionsFor } from '@himal/auth/next-auth';
import { getServerSession, type Session } from 'next-auth';
import { cache } from 'react';
import { currentRealm } from '../current-realm.ts';
import { isSecureRequest } from './request-origin.ts';

/** The signed-in user of this request's realm, or null (no cookie, expired, or another realm's). */
export const currentSession = cache(async (): Promise<Session | null> => {
  const realm = await currentRealm();
  return getServerSession(authOptionsFor(realm, { secure: await isSecureRequest() }));
});
