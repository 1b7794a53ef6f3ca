import { authOptionsFor } from '@himal/auth/next-auth';
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { currentRealm } from '../../../../lib/current-realm.ts';
import { isSecureRequest } from '../../../../lib/auth/request-origin.ts';

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

/** next-auth's endpoints (csrf, callback, session, signout), configured for the realm of this Host. */
async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  const realm = await currentRealm();
  return NextAuth(request, context, authOptionsFor(realm, { secure: await isSecureRequest() }));
}

export { handler as GET, handler as POST };
