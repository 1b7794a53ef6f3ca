import { z } from 'zod';
import { offerRefCodec } from '../offer-ref-codec.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * roomrack addresses a rate by its own rateKey, which also fixes the price it was quoted at; the
 * rest is kept for reading logs. Opaque to everyone but this adapter.
 */
export const roomrackOfferRefSchema = z.object({
  rateKey: z.string().min(1).max(4096),
  propertyCode: z.string().min(1),
  roomCode: z.string().min(1),
  ratePlan: z.string().min(1),
});
export type RoomrackOfferRef = z.infer<typeof roomrackOfferRefSchema>;

export const { encode: encodeOfferRef, decode: decodeOfferRef } = offerRefCodec(ROOMRACK_SUPPLIER_ID, roomrackOfferRefSchema);
