import { z } from 'zod';
import { SupplierError } from '../../errors.ts';
import type { SupplierConnection } from '../../products/common.ts';
import { STAYLINK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * staylink's account: WS-Security username and password (sent as a digest, never in clear), and
 * the agency's requestor id for POS/Source when staylink issued one.
 */
const credentialsSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  requestorId: z.string().min(1).max(32).optional(),
});
export type StaylinkCredentials = z.infer<typeof credentialsSchema>;

export function staylinkCredentials(connection: SupplierConnection): StaylinkCredentials {
  const parsed = credentialsSchema.safeParse(connection.credentials);
  if (!parsed.success) {
    // Names the missing fields only: credential values never reach a message.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new SupplierError('SUPPLIER_NOT_CONFIGURED', `${STAYLINK_SUPPLIER_ID} account is missing ${fields}`, {
      supplierId: STAYLINK_SUPPLIER_ID,
    });
  }
  return parsed.data;
}
