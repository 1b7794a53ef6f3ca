import { z } from 'zod';
import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import { asArray } from '../../xml/safe-xml.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';

/** One errorMessage of a reply: EC errors replace the answer, WEC warnings come beside it. */
export interface GdsMessage {
  code: string;
  category: string;
  text: string;
}

const errorMessageSchema = z.object({
  applicationError: z.object({ applicationErrorDetail: z.object({ error: z.string(), errorCategory: z.string() }) }),
  errorMessageText: z.object({ description: z.string() }).optional(),
});

/** The GDS's codes that mean more than "business error" to the platform. */
const CODES: Record<string, SupplierErrorCode> = {
  '16001': 'SUPPLIER_AUTH_FAILED',
  // An inactive conversation and a sequence the GDS did not expect both leave the session unusable.
  '93': 'SUPPLIER_SESSION_EXPIRED',
  '95': 'SUPPLIER_SESSION_EXPIRED',
  '288': 'INVENTORY_EXHAUSTED',
  '3079': 'PRICE_CHANGED',
  '1931': 'OFFER_EXPIRED',
  '4011': 'OFFER_EXPIRED',
};

export function readGdsMessages(reply: Record<string, unknown>): { errors: GdsMessage[]; warnings: GdsMessage[] } {
  const messages = asArray(reply.errorMessage).map((node) => {
    const parsed = errorMessageSchema.parse(node);
    const detail = parsed.applicationError.applicationErrorDetail;
    return { code: detail.error, category: detail.errorCategory, text: parsed.errorMessageText?.description ?? '' };
  });
  return { errors: messages.filter((m) => m.category === 'EC'), warnings: messages.filter((m) => m.category !== 'EC') };
}

export function gdsError(operation: string, message: GdsMessage): SupplierError {
  return new SupplierError(
    CODES[message.code] ?? 'SUPPLIER_BUSINESS_ERROR',
    `${HIMALAYAN_GDS_SUPPLIER_ID} ${operation}: ${message.code} ${message.text}`,
    {
      supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
      operation,
      supplierCode: message.code,
      supplierText: message.text,
    },
  );
}

export function badReply(operation: string, reason: string, cause?: unknown): SupplierError {
  return new SupplierError('SUPPLIER_BAD_RESPONSE', `${HIMALAYAN_GDS_SUPPLIER_ID} ${operation}: unexpected reply (${reason})`, {
    supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
    operation,
    cause,
  });
}
