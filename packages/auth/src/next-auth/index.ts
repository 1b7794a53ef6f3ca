// next-auth for a Himal app: the options of one realm's sign-in (credentials, per-realm session key,
// realm claim, server-side sessions). Importing it makes next-auth take each origin from the request
// (see auth-options.ts), so only apps import it.
import type {} from './next-auth.d.ts'; // the claims Himal adds to next-auth's types, for every importer
export { authOptionsFor } from './auth-options.ts';
