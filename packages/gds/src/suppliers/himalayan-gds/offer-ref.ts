import { z } from 'zod';
import { SupplierError } from '../../errors.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './dialect.ts';

/**
 * What pricing and booking an offer again needs: its flights as the GDS names them (carrier,
 * number, board and off points, DDMMYY date, HHMM time, booking class), by requested segment, and
 * the currency it was priced in. Opaque to the rest of the platform.
 */
const offerRefSchema = z.object({
  v: z.literal(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  segments: z
    .array(
      z.object({
        slice: z.number().int().min(0),
        carrier: z.string(),
        flightNumber: z.string(),
        origin: z.string(),
        destination: z.string(),
        date: z.string().regex(/^\d{6}$/),
        time: z.string().regex(/^\d{4}$/),
        bookingClass: z.string(),
      }),
    )
    .min(1),
});
export type OfferRef = z.infer<typeof offerRefSchema>;
export type OfferRefSegment = OfferRef['segments'][number];

export function encodeOfferRef(ref: OfferRef): string {
  return JSON.stringify(ref);
}

export function decodeOfferRef(text: string, operation: string): OfferRef {
  try {
    return offerRefSchema.parse(JSON.parse(text));
  } catch (cause) {
    throw new SupplierError('SUPPLIER_BUSINESS_ERROR', `not a ${HIMALAYAN_GDS_SUPPLIER_ID} offer`, {
      supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
      operation,
      retryable: false,
      cause,
    });
  }
}
