import { z } from 'zod';
import { offerRefCodec } from '../offer-ref-codec.ts';
import { isoDate } from '../../products/common.ts';
import { STAYLINK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * What staylink needs to recheck or book an offer it made: the hotel, room type, rate plan, dates
 * and rooms. Opaque to everyone else (the aggregator seals it inside its own offer id).
 */
const roomSchema = z.object({
  adults: z.number().int().min(1).max(8),
  childAges: z.array(z.number().int().min(0).max(17)).max(6),
});

export const staylinkOfferRefSchema = z.object({
  hotelCode: z.string().min(1).max(16),
  roomTypeCode: z.string().min(1).max(16),
  ratePlanCode: z.string().min(1).max(16),
  checkIn: isoDate,
  checkOut: isoDate,
  rooms: z.array(roomSchema).min(1).max(9),
});
export type StaylinkOfferRef = z.infer<typeof staylinkOfferRefSchema>;

export const { encode: encodeOfferRef, decode: decodeOfferRef } = offerRefCodec(STAYLINK_SUPPLIER_ID, staylinkOfferRefSchema);
