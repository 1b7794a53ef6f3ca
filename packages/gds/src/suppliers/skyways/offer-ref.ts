import { z } from 'zod';
import { cabinClassSchema } from '../../products/air.ts';
import { offerRefCodec } from '../offer-ref-codec.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

/**
 * What skyways needs to price or book an offer again (it keeps no state between calls): the
 * flights of each slice with their booking class, the cabin and the selling currency.
 */
const segmentRefSchema = z.object({
  carrier: z.string().min(1),
  flightNumber: z.string().min(1),
  origin: z.string().min(1),
  destination: z.string().min(1),
  departingAt: z.string().min(1),
  arrivingAt: z.string().min(1),
  bookingClass: z.string().min(1),
});
export type SegmentRef = z.infer<typeof segmentRefSchema>;

const offerRefSchema = z.object({
  v: z.literal(1),
  slices: z.array(z.array(segmentRefSchema).min(1)).min(1),
  cabinClass: cabinClassSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type OfferRef = z.infer<typeof offerRefSchema>;

export const { encode: encodeOfferRef, decode: decodeOfferRef } = offerRefCodec(SKYWAYS_SUPPLIER_ID, offerRefSchema);
