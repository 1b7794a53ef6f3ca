import type { z } from 'zod';
import { SupplierError } from '../errors.ts';

/**
 * How every adapter keeps what it needs to price or book one of its offers again (suppliers keep
 * no state between calls): the fields of its schema as JSON, in the offer's `supplierOfferRef`,
 * opaque to the rest of the platform (which seals it inside its own offer id). Anything that does
 * not read back against the schema is an offer this adapter did not make.
 */
export function offerRefCodec<Schema extends z.ZodType>(supplierId: string, schema: Schema) {
  return {
    /** Not validated again here: a search encodes hundreds, each built by the adapter itself. */
    encode(ref: z.output<Schema>): string {
      return JSON.stringify(ref);
    },
    decode(text: string, operation: string): z.output<Schema> {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new SupplierError('SUPPLIER_BUSINESS_ERROR', `${supplierId} ${operation}: not an offer ${supplierId} made`, {
          supplierId,
          operation,
          retryable: false,
          cause: parsed.error,
        });
      return parsed.data;
    },
  };
}
