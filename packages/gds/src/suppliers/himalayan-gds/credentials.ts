import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SupplierError } from '../../errors.ts';
import type { SupplierConnection } from '../../products/common.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';

const credentialsSchema = z.object({
  officeId: z.string().regex(/^[A-Z]{3}[A-Z0-9]{6}$/),
  username: z.string().min(1),
  password: z.string().min(1),
});
export type GdsCredentials = z.infer<typeof credentialsSchema>;

/** The account's office, user and password; the error never repeats what was configured. */
export function gdsCredentials(connection: SupplierConnection): GdsCredentials {
  const parsed = credentialsSchema.safeParse(connection.credentials);
  if (!parsed.success) {
    throw new SupplierError(
      'SUPPLIER_NOT_CONFIGURED',
      `${HIMALAYAN_GDS_SUPPLIER_ID} needs an officeId (9 characters), a username and a password`,
      {
        supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
        retryable: false,
      },
    );
  }
  return parsed.data;
}

/** Sessions belong to one endpoint, office and user (and password: a changed one opens new sessions). */
export function connectionKey(connection: SupplierConnection, credentials: GdsCredentials): string {
  const secret = createHash('sha256').update(credentials.password).digest('hex');
  return [connection.endpoint, credentials.officeId, credentials.username, secret].join('\n');
}
