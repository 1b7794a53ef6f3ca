import { z } from 'zod';
import { offerRefCodec } from '../offer-ref-codec.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';

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

export const { encode: encodeOfferRef, decode: decodeOfferRef } = offerRefCodec(HIMALAYAN_GDS_SUPPLIER_ID, offerRefSchema);
