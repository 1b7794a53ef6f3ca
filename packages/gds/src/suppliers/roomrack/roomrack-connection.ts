import { z } from 'zod';
import { SupplierError } from '../../errors.ts';
import type { SupplierConnection } from '../../products/common.ts';
import { buildXml } from '../../xml/safe-xml.ts';
import { ROOMRACK_NS } from './roomrack-outcome.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

/** roomrack's account is an API key, sent in the rr:ApiKey SOAP header element of every call. */
const credentialsSchema = z.object({ apiKey: z.string().min(1) });

export function apiKeyHeader(connection: SupplierConnection): string {
  const parsed = credentialsSchema.safeParse(connection.credentials);
  if (!parsed.success)
    throw new SupplierError('SUPPLIER_NOT_CONFIGURED', `${ROOMRACK_SUPPLIER_ID} account has no apiKey`, {
      supplierId: ROOMRACK_SUPPLIER_ID,
    });
  return buildXml({ 'rr:ApiKey': { '@_xmlns:rr': ROOMRACK_NS, '#text': parsed.data.apiKey } });
}
