// The claims Himal adds to next-auth's user, token and session.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    role: string;
  }
  interface Session {
    realm: string;
    user: { id: string; name: string; email: string; role: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    realm: string;
    role: string;
    /** The server-side session this token stands for (packages/auth/src/sessions.ts). */
    sid?: string;
  }
}
